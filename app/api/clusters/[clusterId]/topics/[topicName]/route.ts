import { topicParamsSchema } from "@/lib/schemas/params";
import { defineRoute } from "@/server/http/define-route";
import { deleteTopic } from "@/server/services/topics/delete-topic";
import { getTopic } from "@/server/services/topics/get-topic";

export const dynamic = "force-dynamic";

export const GET = defineRoute({
  permission: "topics:read",
  params: topicParamsSchema,
  async handler({ params }) {
    return Response.json(await getTopic(params.clusterId, params.topicName));
  },
});

export const DELETE = defineRoute({
  permission: "topics:delete",
  params: topicParamsSchema,
  async handler({ params, actor, requestId }) {
    return Response.json(await deleteTopic(params.clusterId, params.topicName, { actor: actor!, requestId }));
  },
});
