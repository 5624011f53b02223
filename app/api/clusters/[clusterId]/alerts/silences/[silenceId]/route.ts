import { silenceParamsSchema } from "@/lib/alerts/rules";
import { defineRoute } from "@/server/http/define-route";
import { deleteSilence } from "@/server/services/alerts/rules";

export const dynamic = "force-dynamic";

export const DELETE = defineRoute({
  permission: "alerts:manage",
  response: { 204: null },
  params: silenceParamsSchema,
  async handler({ params, actor, requestId }) {
    await deleteSilence(params.clusterId, params.silenceId, { actor, requestId });
    return new Response(null, { status: 204 });
  },
});
