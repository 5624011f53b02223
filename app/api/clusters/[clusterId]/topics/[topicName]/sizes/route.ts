import { topicParamsSchema } from "@/lib/schemas/params";
import { defineRoute } from "@/server/http/define-route";
import { getTopicSizes } from "@/server/services/sizes/get-topic-sizes";
import { TopicSizesSchema } from "@/lib/schemas/sizes";

export const dynamic = "force-dynamic";

/** One topic's size per partition and replica; `available: false` with the reason on brokers without DescribeLogDirs. */
export const GET = defineRoute({
  permission: "topics:read",
  response: TopicSizesSchema,
  params: topicParamsSchema,
  async handler({ params }) {
    return Response.json(await getTopicSizes(params.clusterId, params.topicName));
  },
});
