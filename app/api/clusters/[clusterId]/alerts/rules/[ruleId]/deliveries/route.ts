import { alertRuleParamsSchema, DeliveryListSchema } from "@/lib/alerts/rules";
import { defineRoute } from "@/server/http/define-route";
import { ruleDeliveries } from "@/server/services/alerts/rules";

export const dynamic = "force-dynamic";

/** A rule's delivery log (notifications, status, every attempt): admins, and a team's approvers for its rules, as channels name receivers. */
export const GET = defineRoute({
  permission: "alerts:manage",
  response: DeliveryListSchema,
  params: alertRuleParamsSchema,
  async handler({ params, actor }) {
    return Response.json({ deliveries: await ruleDeliveries(params.clusterId, params.ruleId, actor) });
  },
});
