import { alertRuleBodySchema, AlertRuleListSchema, AlertRuleDtoSchema } from "@/lib/alerts/rules";
import { clusterParamsSchema } from "@/lib/schemas/params";
import { defineRoute } from "@/server/http/define-route";
import { createRule, listRules } from "@/server/services/alerts/rules";

export const dynamic = "force-dynamic";

export const GET = defineRoute({
  permission: "alerts:read",
  response: AlertRuleListSchema,
  params: clusterParamsSchema,
  async handler({ params }) {
    return Response.json({ rules: await listRules(params.clusterId) });
  },
});

export const POST = defineRoute({
  permission: "alerts:manage",
  response: { 201: AlertRuleDtoSchema },
  params: clusterParamsSchema,
  body: alertRuleBodySchema,
  async handler({ params, body, actor, requestId }) {
    return Response.json(await createRule(params.clusterId, body, { actor, requestId }), { status: 201 });
  },
});
