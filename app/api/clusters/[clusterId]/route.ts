import { clusterParamsSchema } from "@/lib/schemas/params";
import { defineRoute } from "@/server/http/define-route";
import { getClusterOverview } from "@/server/services/clusters/get-cluster-overview";
import { ClusterOverviewSchema } from "@/lib/schemas/clusters";

export const dynamic = "force-dynamic";

export const GET = defineRoute({
  permission: "clusters:read",
  response: ClusterOverviewSchema,
  params: clusterParamsSchema,
  async handler({ params }) {
    return Response.json(await getClusterOverview(params.clusterId));
  },
});
