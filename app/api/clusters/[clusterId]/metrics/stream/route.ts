import { z } from "zod";
import { clusterParamsSchema } from "@/lib/schemas/params";
import { topicNameSchema } from "@/lib/schemas/topics";
import { defineRoute } from "@/server/http/define-route";
import { sseResponse } from "@/server/http/sse";
import { openMetricsStream } from "@/server/services/metrics/stream-metrics";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Live throughput and lag over SSE: the whole cluster, or ?topic= / ?group= for one of them. */
export const GET = defineRoute({
  permission: "clusters:read",
  response: { mediaType: "text/event-stream" },
  params: clusterParamsSchema,
  query: z.object({ topic: topicNameSchema.optional(), group: z.string().min(1).max(1000).optional() }),
  async handler({ params, query, request }) {
    const events = await openMetricsStream(params.clusterId, query, request.headers.get("last-event-id"));
    return sseResponse(request, events, { maxDurationMs: 30 * 60_000, heartbeatEvent: true });
  },
});
