import { defineRoute } from "@/server/http/define-route";
import { listClusterOverviews } from "@/server/services/clusters/get-cluster-overview";
import { ClusterOverviewListSchema } from "@/lib/schemas/clusters";

export const dynamic = "force-dynamic";

export const GET = defineRoute({
  // Any signed-in user: the list holds only the clusters they have a role on (possibly none).
  permission: "signed-in",
  response: ClusterOverviewListSchema,
  async handler({ actor }) {
    return Response.json({ clusters: await listClusterOverviews(actor) });
  },
});
