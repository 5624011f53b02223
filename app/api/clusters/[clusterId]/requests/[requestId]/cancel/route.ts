import { requestParamsSchema, TopicRequestDtoSchema } from "@/lib/schemas/requests";
import { defineRoute } from "@/server/http/define-route";
import { cancelRequest } from "@/server/services/requests/decide-request";

export const dynamic = "force-dynamic";

export const POST = defineRoute({
  permission: "requests:create",
  response: TopicRequestDtoSchema,
  params: requestParamsSchema,
  async handler({ params, actor, requestId }) {
    return Response.json(await cancelRequest(params.clusterId, params.requestId, { actor, requestId }));
  },
});
