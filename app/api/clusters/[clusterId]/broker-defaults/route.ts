import { brokerConfigChangeBodySchema, BrokerDefaultConfigsSchema } from "@/lib/schemas/configs";
import { clusterParamsSchema } from "@/lib/schemas/params";
import { dryRunQuerySchema, ConfigDiffSchema } from "@/lib/schemas/topics";
import { defineRoute } from "@/server/http/define-route";
import { alterBrokerConfig } from "@/server/services/brokers/alter-broker-config";
import { getBrokerDefaults } from "@/server/services/brokers/get-broker-defaults";

export const dynamic = "force-dynamic";

/** The cluster-wide default broker configuration. */
export const GET = defineRoute({
  permission: "clusters:read",
  response: BrokerDefaultConfigsSchema,
  params: clusterParamsSchema,
  async handler({ params }) {
    return Response.json(await getBrokerDefaults(params.clusterId));
  },
});

/** Set, reset, append or subtract cluster-wide default broker configs (admins). ?dryRun=true: the broker validates only. */
export const PATCH = defineRoute({
  permission: "brokers:configure",
  response: ConfigDiffSchema,
  params: clusterParamsSchema,
  query: dryRunQuerySchema,
  body: brokerConfigChangeBodySchema,
  async handler({ params, query, body, actor, requestId }) {
    return Response.json(
      await alterBrokerConfig(params.clusterId, "default", body, {
        dryRun: query.dryRun,
        audit: { actor: actor!, requestId },
      }),
    );
  },
});
