import { requestParamsSchema, CollectedSecretSchema } from "@/lib/schemas/requests";
import { defineRoute } from "@/server/http/define-route";
import { collectCredential } from "@/server/services/requests/collect-credential";

export const dynamic = "force-dynamic";

/** The password of a provisioned credential request, once, to its requester (never cached, never stored). */
export const POST = defineRoute({
  permission: "requests:create",
  response: CollectedSecretSchema,
  params: requestParamsSchema,
  async handler({ params, actor, requestId }) {
    return Response.json(await collectCredential(params.clusterId, params.requestId, { actor, requestId }), {
      headers: { "cache-control": "no-store" },
    });
  },
});
