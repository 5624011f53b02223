import { requestParamsSchema, TopicRequestDtoSchema } from "@/lib/schemas/requests";
import { defineRoute } from "@/server/http/define-route";
import { retryRequest } from "@/server/services/requests/decide-request";

export const dynamic = "force-dynamic";

/** Provision a FAILED request again. */
export const POST = defineRoute({
  permission: "requests:decide",
  response: TopicRequestDtoSchema,
  params: requestParamsSchema,
  async handler({ params, actor, requestId }) {
    return Response.json(await retryRequest(params.clusterId, params.requestId, { actor, requestId }));
  },
});
