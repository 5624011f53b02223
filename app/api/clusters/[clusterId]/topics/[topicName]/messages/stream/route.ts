import { streamQuerySchema } from "@/lib/schemas/messages";
import { topicParamsSchema } from "@/lib/schemas/params";
import { defineRoute } from "@/server/http/define-route";
import { sseResponse } from "@/server/http/sse";
import { openMessageStream } from "@/server/services/messages/stream-messages";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Search and live tail over server-sent events; 4xx JSON before the stream opens, `error` events after. */
export const GET = defineRoute({
  permission: "messages:read",
  response: { mediaType: "text/event-stream" },
  params: topicParamsSchema,
  query: streamQuerySchema,
  async handler({ params, query, request, actor, requestId }) {
    const stream = await openMessageStream(
      params.clusterId,
      params.topicName,
      query,
      request.headers.get("last-event-id"),
      { actor, requestId },
    );
    return sseResponse(request, stream.events, {
      onClose: stream.close,
      maxDurationMs: query.follow ? 30 * 60_000 : 60 * 60_000,
    });
  },
});
