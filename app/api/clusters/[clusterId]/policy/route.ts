import { clusterParamsSchema } from "@/lib/schemas/params";
import { policyBodySchema } from "@/lib/schemas/requests";
import { defineRoute } from "@/server/http/define-route";
import { getPolicy, setPolicy } from "@/server/services/requests/policies";

export const dynamic = "force-dynamic";

export const GET = defineRoute({
  permission: "requests:read",
  params: clusterParamsSchema,
  async handler({ params }) {
    return Response.json(await getPolicy(params.clusterId));
  },
});

export const PUT = defineRoute({
  permission: "policies:manage",
  params: clusterParamsSchema,
  body: policyBodySchema,
  async handler({ params, body, actor, requestId }) {
    return Response.json(await setPolicy(params.clusterId, body, { actor, requestId }));
  },
});
