import { clusterParamsSchema } from "@/lib/schemas/params";
import { defineRoute } from "@/server/http/define-route";
import { alertOverview } from "@/server/services/alerts/rules";
import { AlertOverviewSchema } from "@/lib/alerts/rules";

export const dynamic = "force-dynamic";

/** Rules, pending and firing alerts, recent history and active silences of a cluster. */
export const GET = defineRoute({
  permission: "alerts:read",
  response: AlertOverviewSchema,
  params: clusterParamsSchema,
  async handler({ params }) {
    return Response.json(await alertOverview(params.clusterId));
  },
});
