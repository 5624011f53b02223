import { clusterParamsSchema } from "@/lib/schemas/params";
import { defineRoute } from "@/server/http/define-route";
import { streamRequests } from "@/server/services/requests/stream-requests";

export const dynamic = "force-dynamic";

/** SSE: "request" events as the caller's visible requests change state. */
export const GET = defineRoute({
  permission: "requests:read",
  response: { mediaType: "text/event-stream" },
  params: clusterParamsSchema,
  async handler({ params, actor, request, requestId }) {
    return streamRequests(request, params.clusterId, { actor, requestId });
  },
});
