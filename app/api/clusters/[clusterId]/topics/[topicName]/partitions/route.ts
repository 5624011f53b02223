import { topicParamsSchema } from "@/lib/schemas/params";
import { addPartitionsBodySchema, AddPartitionsResultSchema } from "@/lib/schemas/topics";
import { defineRoute } from "@/server/http/define-route";
import { addPartitions } from "@/server/services/topics/add-partitions";

export const dynamic = "force-dynamic";

export const POST = defineRoute({
  permission: "topics:alter",
  response: AddPartitionsResultSchema,
  params: topicParamsSchema,
  body: addPartitionsBodySchema,
  async handler({ params, body, actor, requestId }) {
    return Response.json(
      await addPartitions(params.clusterId, params.topicName, body.count, { actor: actor!, requestId }),
    );
  },
});
