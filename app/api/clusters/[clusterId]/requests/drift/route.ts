import { clusterParamsSchema } from "@/lib/schemas/params";
import { defineRoute } from "@/server/http/define-route";
import { checkDrift } from "@/server/services/requests/check-drift";
import { DriftCheckSchema } from "@/lib/schemas/requests";

export const dynamic = "force-dynamic";

/** Compare provisioned topics with the live cluster now (the periodic check does the same). */
export const POST = defineRoute({
  permission: "requests:read",
  response: DriftCheckSchema,
  params: clusterParamsSchema,
  async handler({ params }) {
    return Response.json(await checkDrift(params.clusterId));
  },
});
