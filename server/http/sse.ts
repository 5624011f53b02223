import "server-only";
import { processState } from "@/server/process-state";
import { getConfig } from "@/server/config";
import { ApiError } from "./api-error";
import { DRAIN_RETRY_MS, isDraining, onDrain } from "./drain";
import { currentRequest } from "./request-context";

/**
 * One server-sent event. `id` becomes the client's Last-Event-ID (a resume cursor), when given. `rawData` is
 * already-serialised JSON (one line), sent as is.
 */
export type SseEvent = { event: string; data?: unknown; rawData?: string; id?: string };

export type SseOptions = {
  /** A `: ping` comment after this much silence keeps proxies from closing the stream (default 15 s). */
  heartbeatMs?: number;
  /** Send the heartbeat as a typed `heartbeat` event ({t}) instead of a comment, for clients that watch it. */
  heartbeatEvent?: boolean;
  /** Hard cap on the stream's life; the client reconnects if it wants more (default 10 min). */
  maxDurationMs?: number;
  /** `retry:` hint for EventSource-style clients (default 3 s). */
  retryMs?: number;
  headers?: Record<string, string>;
  /** Runs once when the stream ends for any reason (even if the generator never started). */
  onClose?: () => void;
};

export const SSE_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  "Cache-Control": "no-cache, no-transform",
  Connection: "keep-alive",
  "X-Accel-Buffering": "no",
} as const;

const encoder = new TextEncoder();

/**
 * What a stream may tell the client about an error: an ApiError's code and message (written for users), anything
 * else as a generic `internal` error. The internal detail (message, stack) goes to the server log only.
 */
export function streamError(error: unknown, context = "stream"): { code: string; message: string } {
  if (error instanceof ApiError) return { code: error.code, message: error.message };
  console.error(`[${context}]`, error);
  return {
    code: "internal",
    message: "Something went wrong on Sluice's server; the stream stopped and the error was logged.",
  };
}

const openByUser: Map<string, number> = processState("SseByUser", () => new Map<string, number>());
const muxInner: WeakSet<Request> = processState<WeakSet<Request>>("MuxInner", () => new WeakSet());

/** A request the stream multiplexer makes inside one user connection: it does not count as another connection. */
export function markMultiplexed(request: Request): Request {
  muxInner.add(request);
  return request;
}

/** Counts an SSE connection against its user's cap (`limits.maxSseConnectionsPerUser`); beyond it → 429. */
function acquireSseConnection(request: Request): () => void {
  const userId = currentRequest()?.userId;
  if (!userId || muxInner.has(request)) return () => {};
  const max = getConfig().limits.maxSseConnectionsPerUser;
  const n = openByUser.get(userId) ?? 0;
  if (n >= max) {
    throw new ApiError(
      "rate_limited",
      `You already have ${n} live connections open (the limit per user is ${max}). Close a tab, then retry.`,
    );
  }
  openByUser.set(userId, n + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (openByUser.get(userId) ?? 1) - 1;
    if (left > 0) openByUser.set(userId, left);
    else openByUser.delete(userId);
  };
}

export function formatSseEvent(e: SseEvent): string {
  let frame = `event: ${e.event}\n`;
  if (e.id !== undefined) frame += `id: ${e.id.replace(/[\r\n]/g, "")}\n`;
  // JSON never contains raw newlines, so one data line per event.
  frame += `data: ${e.rawData ?? JSON.stringify(e.data)}\n\n`;
  return frame;
}

/**
 * Adapts an async generator of events to a text/event-stream Response. The generator gets an AbortSignal that
 * fires when the client goes away (stream cancel or request abort), when the duration cap is reached, or when
 * the stream is otherwise torn down; its `finally` is where consumers are released. Pull-based, so a slow
 * client applies back-pressure to the generator instead of growing a buffer.
 */
export function sseResponse(
  request: Request,
  produce: (signal: AbortSignal) => AsyncIterable<SseEvent>,
  options: SseOptions = {},
): Response {
  // A draining replica takes no new stream: the client's retry reaches another replica through the proxy.
  if (isDraining()) {
    throw new ApiError("service_unavailable", "This Sluice server is restarting. Live views reconnect in a moment.");
  }
  const releaseSlot = acquireSseConnection(request);
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const maxDurationMs = options.maxDurationMs ?? 10 * 60_000;
  const controller = new AbortController();
  const abort = () => {
    releaseSlot();
    controller.abort();
  };
  request.signal?.addEventListener("abort", abort, { once: true });
  const cap = setTimeout(abort, maxDurationMs);
  const iterator = produce(controller.signal)[Symbol.asyncIterator]();
  let pending: Promise<IteratorResult<SseEvent>> | null = null;
  let first = true;
  let closed = false;
  // Draining: the stream ends with a short retry hint, and the client resumes elsewhere from its Last-Event-ID.
  let drained: () => void = () => {};
  const draining = new Promise<"drain">((resolve) => (drained = () => resolve("drain")));
  const unregisterDrain = onDrain(() => drained());

  const finish = async () => {
    if (closed) return;
    closed = true;
    unregisterDrain();
    releaseSlot();
    clearTimeout(cap);
    try {
      options.onClose?.();
    } catch {
      /* cleanup must not break teardown */
    }
    request.signal?.removeEventListener("abort", abort);
    controller.abort();
    try {
      await iterator.return?.(undefined);
    } catch {
      /* the generator's own cleanup failed; nothing more to do */
    }
  };

  const stream = new ReadableStream<Uint8Array>({
    async pull(out) {
      if (first) {
        first = false;
        // The retry hint plus a comment flushes headers at once, so the client sees the stream open.
        out.enqueue(encoder.encode(`retry: ${options.retryMs ?? 3000}\n: open\n\n`));
        return;
      }
      pending ??= iterator.next();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const ping = new Promise<"ping">((resolve) => {
        timer = setTimeout(() => resolve("ping"), heartbeatMs);
      });
      try {
        const result = await Promise.race([pending, ping, draining]);
        // The client went away while we waited (cancel ran finish): the stream is closed, nothing to write.
        if (closed) return;
        if (result === "drain") {
          out.enqueue(encoder.encode(`retry: ${DRAIN_RETRY_MS}\n: server restarting\n\n`));
          await finish();
          out.close();
          return;
        }
        if (result === "ping") {
          out.enqueue(
            encoder.encode(
              options.heartbeatEvent ? formatSseEvent({ event: "heartbeat", data: { t: Date.now() } }) : ": ping\n\n",
            ),
          );
          return;
        }
        pending = null;
        if (result.done || controller.signal.aborted) {
          await finish();
          out.close();
          return;
        }
        // Buffer.from encodes UTF-8 faster than TextEncoder on Node 20.
        out.enqueue(Buffer.from(formatSseEvent(result.value), "utf8"));
      } catch (error) {
        pending = null;
        if (closed) return;
        out.enqueue(encoder.encode(formatSseEvent({ event: "error", data: { ...streamError(error), fatal: true } })));
        await finish();
        out.close();
      } finally {
        clearTimeout(timer);
      }
    },
    async cancel() {
      await finish();
    },
  });

  return new Response(stream, { headers: { ...SSE_HEADERS, ...options.headers } });
}
