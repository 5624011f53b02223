import { decideRequestBodySchema, requestParamsSchema, TopicRequestDtoSchema } from "@/lib/schemas/requests";
import { defineRoute } from "@/server/http/define-route";
import { decideRequest } from "@/server/services/requests/decide-request";

export const dynamic = "force-dynamic";

/** Approve (and provision) or reject a pending request. */
export const POST = defineRoute({
  permission: "requests:decide",
  response: TopicRequestDtoSchema,
  params: requestParamsSchema,
  body: decideRequestBodySchema,
  async handler({ params, body, actor, requestId }) {
    return Response.json(await decideRequest(params.clusterId, params.requestId, body, { actor, requestId }));
  },
});
