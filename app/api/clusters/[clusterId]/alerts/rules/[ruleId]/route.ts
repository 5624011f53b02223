import { alertRuleBodySchema, alertRuleParamsSchema, AlertRuleDtoSchema } from "@/lib/alerts/rules";
import { defineRoute } from "@/server/http/define-route";
import { deleteRule, updateRule } from "@/server/services/alerts/rules";

export const dynamic = "force-dynamic";

export const PUT = defineRoute({
  permission: "alerts:manage",
  response: AlertRuleDtoSchema,
  params: alertRuleParamsSchema,
  body: alertRuleBodySchema,
  async handler({ params, body, actor, requestId }) {
    return Response.json(await updateRule(params.clusterId, params.ruleId, body, { actor, requestId }));
  },
});

export const DELETE = defineRoute({
  permission: "alerts:manage",
  response: { 204: null },
  params: alertRuleParamsSchema,
  async handler({ params, actor, requestId }) {
    await deleteRule(params.clusterId, params.ruleId, { actor, requestId });
    return new Response(null, { status: 204 });
  },
});
