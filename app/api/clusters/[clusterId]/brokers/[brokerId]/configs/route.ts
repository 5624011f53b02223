import { brokerConfigChangeBodySchema } from "@/lib/schemas/configs";
import { brokerParamsSchema } from "@/lib/schemas/params";
import { dryRunQuerySchema, ConfigDiffSchema } from "@/lib/schemas/topics";
import { defineRoute } from "@/server/http/define-route";
import { alterBrokerConfig } from "@/server/services/brokers/alter-broker-config";
import { getBrokerConfigs } from "@/server/services/brokers/get-broker-configs";
import { BrokerConfigsSchema } from "@/lib/schemas/clusters";

export const dynamic = "force-dynamic";

export const GET = defineRoute({
  permission: "clusters:read",
  response: BrokerConfigsSchema,
  params: brokerParamsSchema,
  async handler({ params }) {
    return Response.json({
      brokerId: params.brokerId,
      configs: await getBrokerConfigs(params.clusterId, params.brokerId),
    });
  },
});

/** Set, reset, append or subtract this broker's dynamic configs (admins). ?dryRun=true: the broker validates only. */
export const PATCH = defineRoute({
  permission: "brokers:configure",
  response: ConfigDiffSchema,
  params: brokerParamsSchema,
  query: dryRunQuerySchema,
  body: brokerConfigChangeBodySchema,
  async handler({ params, query, body, actor, requestId }) {
    return Response.json(
      await alterBrokerConfig(params.clusterId, params.brokerId, body, {
        dryRun: query.dryRun,
        audit: { actor: actor!, requestId },
      }),
    );
  },
});
