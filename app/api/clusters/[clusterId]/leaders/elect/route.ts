import { clusterParamsSchema } from "@/lib/schemas/params";
import { electLeadersBodySchema, ElectLeadersResultSchema } from "@/lib/schemas/replicas";
import { defineRoute } from "@/server/http/define-route";
import { electLeaders } from "@/server/services/replicas/elect-leaders";

export const dynamic = "force-dynamic";

/** Preferred-leader election for one topic (`{topic}`) or every partition of the cluster (`{}`). */
export const POST = defineRoute({
  permission: "replicas:manage",
  response: ElectLeadersResultSchema,
  params: clusterParamsSchema,
  body: electLeadersBodySchema,
  async handler({ params, body, actor, requestId }) {
    return Response.json(await electLeaders(params.clusterId, body.topic, { actor, requestId }));
  },
});
