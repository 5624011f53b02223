import { z } from "zod";
import { defineRoute } from "@/server/http/define-route";
import { sseResponse } from "@/server/http/sse";
import { MAX_SUBSCRIPTIONS, type MuxSubscription } from "@/lib/sse/stream-protocol";
import { openMux, type MuxRoute } from "@/server/http/stream-mux";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The live streams a browser may share one connection for; each still runs its own permission checks. */
const ROUTES: MuxRoute[] = [
  {
    pattern: /^\/api\/clusters\/([^/]+)\/topics\/([^/]+)\/messages\/stream$/,
    params: ["clusterId", "topicName"],
    handler: async () => (await import("../clusters/[clusterId]/topics/[topicName]/messages/stream/route")).GET,
  },
  {
    pattern: /^\/api\/clusters\/([^/]+)\/metrics\/stream$/,
    params: ["clusterId"],
    handler: async () => (await import("../clusters/[clusterId]/metrics/stream/route")).GET,
  },
  {
    pattern: /^\/api\/clusters\/([^/]+)\/replays\/([^/]+)\/stream$/,
    params: ["clusterId", "jobId"],
    handler: async () => (await import("../clusters/[clusterId]/replays/[jobId]/stream/route")).GET,
  },
];

const subsSchema = z
  .string()
  .transform((s, ctx) => {
    try {
      return JSON.parse(Buffer.from(s, "base64url").toString("utf8"));
    } catch {
      ctx.addIssue({ code: "custom", message: "not base64url JSON" });
      return z.NEVER;
    }
  })
  .pipe(
    z
      .array(
        z.object({
          k: z.string().min(1).max(100),
          u: z.string().startsWith("/api/").max(8000),
          l: z.string().max(20_000).optional(),
        }),
      )
      .min(1)
      .max(MAX_SUBSCRIPTIONS) satisfies z.ZodType<MuxSubscription[]>,
  );

/** One SSE connection carrying several live streams (see server/http/stream-mux.ts). */
export const GET = defineRoute({
  // The basic read right to open the connection; every multiplexed stream checks its own permission.
  permission: "clusters:read",
  response: { mediaType: "text/event-stream" },
  query: z.object({ subs: subsSchema }),
  async handler({ query, request }) {
    return sseResponse(request, openMux(request, query.subs, ROUTES), { maxDurationMs: 30 * 60_000 });
  },
});
