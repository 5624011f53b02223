import { clusterParamsSchema } from "@/lib/schemas/params";
import { defineRoute } from "@/server/http/define-route";
import { getClusterTruth } from "@/server/services/clusters/get-cluster-truth";
import { ClusterTruthSchema } from "@/lib/schemas/clusters";

export const dynamic = "force-dynamic";

/** Kafka release, finalized features, active controller, voters and observers with their lag. */
export const GET = defineRoute({
  permission: "clusters:read",
  response: ClusterTruthSchema,
  params: clusterParamsSchema,
  async handler({ params }) {
    return Response.json(await getClusterTruth(params.clusterId));
  },
});
