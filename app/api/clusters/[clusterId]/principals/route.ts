import { clusterParamsSchema } from "@/lib/schemas/params";
import { principalBodySchema, ServicePrincipalListSchema, ServicePrincipalDtoSchema } from "@/lib/schemas/requests";
import { defineRoute } from "@/server/http/define-route";
import { declarePrincipal, listPrincipals } from "@/server/services/access/service-principals";

export const dynamic = "force-dynamic";

/** The teams' service principals on the cluster (who owns User:orders-svc). */
export const GET = defineRoute({
  permission: "requests:read",
  response: ServicePrincipalListSchema,
  params: clusterParamsSchema,
  async handler({ params }) {
    return Response.json({ principals: await listPrincipals(params.clusterId) });
  },
});

/** Declares a principal as a team's (admins; approvers where the cluster delegates access). */
export const POST = defineRoute({
  permission: "access:manage",
  response: { 201: ServicePrincipalDtoSchema },
  params: clusterParamsSchema,
  body: principalBodySchema,
  async handler({ params, body, actor, requestId }) {
    return Response.json(await declarePrincipal(params.clusterId, body, { actor, requestId }), { status: 201 });
  },
});
