import { requestParamsSchema, revokeBodySchema, TopicRequestDtoSchema } from "@/lib/schemas/requests";
import { defineRoute } from "@/server/http/define-route";
import { revokeAccess } from "@/server/services/requests/revoke-access";

export const dynamic = "force-dynamic";

/** Revoke a provisioned access (its owner team's approver or an admin): answers the revoke request, provisioned. */
export const POST = defineRoute({
  permission: "requests:decide",
  response: { 201: TopicRequestDtoSchema },
  params: requestParamsSchema,
  body: revokeBodySchema,
  async handler({ params, body, actor, requestId }) {
    return Response.json(await revokeAccess(params.clusterId, params.requestId, body, { actor, requestId }), {
      status: 201,
    });
  },
});
