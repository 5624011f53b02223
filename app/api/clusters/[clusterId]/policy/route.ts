import { clusterParamsSchema } from "@/lib/schemas/params";
import { policyBodySchema, PolicyDtoSchema } from "@/lib/schemas/requests";
import { defineRoute } from "@/server/http/define-route";
import { getPolicy, setPolicy } from "@/server/services/requests/policies";

export const dynamic = "force-dynamic";

export const GET = defineRoute({
  permission: "requests:read",
  response: PolicyDtoSchema,
  params: clusterParamsSchema,
  async handler({ params }) {
    return Response.json(await getPolicy(params.clusterId));
  },
});

export const PUT = defineRoute({
  permission: "policies:manage",
  response: PolicyDtoSchema,
  params: clusterParamsSchema,
  body: policyBodySchema,
  async handler({ params, body, actor, requestId }) {
    return Response.json(await setPolicy(params.clusterId, body, { actor, requestId }));
  },
});
