import { clusterParamsSchema } from "@/lib/schemas/params";
import { defineRoute } from "@/server/http/define-route";
import { listBrokers } from "@/server/services/brokers/list-brokers";
import { BrokerListSchema } from "@/lib/schemas/clusters";

export const dynamic = "force-dynamic";

export const GET = defineRoute({
  permission: "clusters:read",
  response: BrokerListSchema,
  params: clusterParamsSchema,
  async handler({ params }) {
    return Response.json({ brokers: await listBrokers(params.clusterId) });
  },
});
