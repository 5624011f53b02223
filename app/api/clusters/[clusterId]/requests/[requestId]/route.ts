import { requestParamsSchema, TopicRequestDtoSchema } from "@/lib/schemas/requests";
import { defineRoute } from "@/server/http/define-route";
import { findVisibleRequest } from "@/server/services/requests/decide-request";
import { toRequestDto } from "@/server/services/requests/to-dto";

export const dynamic = "force-dynamic";

export const GET = defineRoute({
  permission: "requests:read",
  response: TopicRequestDtoSchema,
  params: requestParamsSchema,
  async handler({ params, actor, requestId }) {
    return Response.json(
      toRequestDto(await findVisibleRequest(params.clusterId, params.requestId, { actor, requestId }), actor),
    );
  },
});
