import { topicParamsSchema } from "@/lib/schemas/params";
import { purgeTopicBodySchema, PurgeResultSchema } from "@/lib/schemas/topics";
import { defineRoute } from "@/server/http/define-route";
import { purgeTopic } from "@/server/services/topics/purge-topic";

export const dynamic = "force-dynamic";

export const POST = defineRoute({
  permission: "topics:alter",
  response: PurgeResultSchema,
  params: topicParamsSchema,
  body: purgeTopicBodySchema,
  async handler({ params, body, actor, requestId }) {
    return Response.json(await purgeTopic(params.clusterId, params.topicName, body, { actor: actor!, requestId }));
  },
});
