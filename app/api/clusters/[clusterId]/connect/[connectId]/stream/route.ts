import { connectParamsSchema } from "@/lib/schemas/connect";
import { defineRoute } from "@/server/http/define-route";
import { streamConnect } from "@/server/services/connect/stream-connect";

export const dynamic = "force-dynamic";

/** SSE: `connectors` (every connector's and task's state) when anything changes; `unavailable` when the worker is down. */
export const GET = defineRoute({
  permission: "connect:read",
  response: { mediaType: "text/event-stream" },
  params: connectParamsSchema,
  async handler({ params, request }) {
    return streamConnect(request, params.clusterId, params.connectId);
  },
});
