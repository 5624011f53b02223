import { replayJobParamsSchema } from "@/lib/schemas/replay";
import { defineRoute } from "@/server/http/define-route";
import { sseResponse } from "@/server/http/sse";
import { openReplayJobStream } from "@/server/services/replay/stream-replay-job";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** A job's progress over server-sent events (`job` on every change, then `done`). */
export const GET = defineRoute({
  permission: "messages:read",
  response: { mediaType: "text/event-stream" },
  params: replayJobParamsSchema,
  async handler({ params, actor, request }) {
    const events = await openReplayJobStream(params.clusterId, params.jobId, actor);
    return sseResponse(request, events, { maxDurationMs: 60 * 60_000 });
  },
});
