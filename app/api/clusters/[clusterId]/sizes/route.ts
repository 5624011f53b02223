import { clusterParamsSchema } from "@/lib/schemas/params";
import { defineRoute } from "@/server/http/define-route";
import { getClusterSizes } from "@/server/services/sizes/get-cluster-sizes";
import { ClusterSizesSchema } from "@/lib/schemas/sizes";

export const dynamic = "force-dynamic";

/** Size on disk, broker log dirs and derived bytes-in; `available: false` with the reason on brokers without DescribeLogDirs. */
export const GET = defineRoute({
  permission: "clusters:read",
  response: ClusterSizesSchema,
  params: clusterParamsSchema,
  async handler({ params }) {
    return Response.json(await getClusterSizes(params.clusterId));
  },
});
