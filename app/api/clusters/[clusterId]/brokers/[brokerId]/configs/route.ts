import { brokerParamsSchema } from "@/lib/schemas/params";
import { defineRoute } from "@/server/http/define-route";
import { getBrokerConfigs } from "@/server/services/brokers/get-broker-configs";

export const dynamic = "force-dynamic";

export const GET = defineRoute({
  permission: "clusters:read",
  params: brokerParamsSchema,
  async handler({ params }) {
    return Response.json({ brokerId: params.brokerId, configs: await getBrokerConfigs(params.clusterId, params.brokerId) });
  },
});
