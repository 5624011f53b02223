import { topicParamsSchema } from "@/lib/schemas/params";
import { defineRoute } from "@/server/http/define-route";
import { deleteTopic } from "@/server/services/topics/delete-topic";
import { getTopic } from "@/server/services/topics/get-topic";
import { TopicDetailSchema, DeletedSchema } from "@/lib/schemas/topics";

export const dynamic = "force-dynamic";

export const GET = defineRoute({
  permission: "topics:read",
  response: TopicDetailSchema,
  params: topicParamsSchema,
  async handler({ params }) {
    return Response.json(await getTopic(params.clusterId, params.topicName));
  },
});

export const DELETE = defineRoute({
  permission: "topics:delete",
  response: DeletedSchema,
  params: topicParamsSchema,
  async handler({ params, actor, requestId }) {
    return Response.json(await deleteTopic(params.clusterId, params.topicName, { actor: actor!, requestId }));
  },
});
