import { clusterParamsSchema } from "@/lib/schemas/params";
import { defineRoute } from "@/server/http/define-route";
import { listConnectClusters } from "@/server/services/connect/read-connect";
import { ConnectClusterListSchema } from "@/lib/schemas/connect";

export const dynamic = "force-dynamic";

/** The cluster's Kafka Connect clusters with version and health (a worker that is down is listed with its error). */
export const GET = defineRoute({
  permission: "connect:read",
  response: ConnectClusterListSchema,
  params: clusterParamsSchema,
  async handler({ params }) {
    return Response.json(await listConnectClusters(params.clusterId));
  },
});
