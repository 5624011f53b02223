import { defineRoute } from "@/server/http/define-route";
import { listClusterOverviews } from "@/server/services/clusters/get-cluster-overview";

export const dynamic = "force-dynamic";

export const GET = defineRoute({
  permission: "clusters:read",
  async handler() {
    return Response.json({ clusters: await listClusterOverviews() });
  },
});
