import { principalParamsSchema, ServicePrincipalDtoSchema } from "@/lib/schemas/requests";
import { defineRoute } from "@/server/http/define-route";
import { removePrincipal } from "@/server/services/access/service-principals";

export const dynamic = "force-dynamic";

/** Removes a team's claim on a principal (its ACLs and credentials on the broker stay as they are). */
export const DELETE = defineRoute({
  permission: "access:manage",
  response: ServicePrincipalDtoSchema,
  params: principalParamsSchema,
  async handler({ params, actor, requestId }) {
    return Response.json(await removePrincipal(params.clusterId, params.principalId, { actor, requestId }));
  },
});
