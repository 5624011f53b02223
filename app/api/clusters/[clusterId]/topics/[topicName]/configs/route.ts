import { topicParamsSchema } from "@/lib/schemas/params";
import { alterTopicConfigBodySchema, dryRunQuerySchema, ConfigDiffSchema } from "@/lib/schemas/topics";
import { defineRoute } from "@/server/http/define-route";
import { alterTopicConfig } from "@/server/services/topics/alter-topic-config";

export const dynamic = "force-dynamic";

/** Change or reset config keys; the other overrides are kept. ?dryRun=true returns the diff only. */
export const PATCH = defineRoute({
  permission: "topics:alter",
  response: ConfigDiffSchema,
  params: topicParamsSchema,
  query: dryRunQuerySchema,
  body: alterTopicConfigBodySchema,
  async handler({ params, query, body, actor, requestId }) {
    return Response.json(
      await alterTopicConfig(params.clusterId, params.topicName, body, {
        dryRun: query.dryRun,
        audit: { actor: actor!, requestId },
      }),
    );
  },
});
