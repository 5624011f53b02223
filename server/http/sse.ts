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
 * One step of a stream's life: something to write (an event, or wire-only text such as the retry hint and comments,
 * which only the text encoding carries) and/or the end of the stream, after which the consumer calls `close`. An
 * empty step: nothing to write (the stream was closed while waiting).
 */
export type SseStep = { write?: SseEvent | string; end?: boolean };

/** A stream as steps, pulled one at a time; `close` tears it down (the client went away). */
export type SseSteps = { next(): Promise<SseStep>; close(): Promise<void> };

const muxSteps: WeakMap<Response, SseSteps> = processState("MuxSteps", () => new WeakMap<Response, SseSteps>());

/**
 * The events of a stream answered to a multiplexed request (markMultiplexed), as objects: the multiplexer reads
 * these instead of parsing the Response's text. Undefined for any other Response.
 */
export function multiplexedSteps(response: Response): SseSteps | undefined {
  return muxSteps.get(response);
}

/**
 * Adapts an async generator of events to a text/event-stream Response. The generator gets an AbortSignal that
 * fires when the client goes away (stream cancel or request abort), when the duration cap is reached, or when
 * the stream is otherwise torn down; its `finally` is where consumers are released. Pull-based, so a slow
 * client applies back-pressure to the generator instead of growing a buffer. For a multiplexed request the
 * same steps are handed to the multiplexer as objects (multiplexedSteps) and the body stays empty.
 */
export function sseResponse(
  request: Request,
  produce: (signal: AbortSignal) => AsyncIterable<SseEvent>,
  options: SseOptions = {},
): Response {
  const steps = openSteps(request, produce, options);
  const headers = { ...SSE_HEADERS, ...options.headers };
  if (muxInner.has(request)) {
    const response = new Response(null, { headers });
    muxSteps.set(response, steps);
    return response;
  }
  const stream = new ReadableStream<Uint8Array>({
    async pull(out) {
      const step = await steps.next();
      if (typeof step.write === "string") out.enqueue(encoder.encode(step.write));
      // Buffer.from encodes UTF-8 faster than TextEncoder on Node 20.
      else if (step.write) out.enqueue(Buffer.from(formatSseEvent(step.write), "utf8"));
      if (step.end) {
        await steps.close();
        out.close();
      }
    },
    async cancel() {
      await steps.close();
    },
  });
  return new Response(stream, { headers });
}

/** The stream's lifecycle, whatever its encoding: retry hint, events, heartbeats, duration cap, draining, errors. */
function openSteps(
  request: Request,
  produce: (signal: AbortSignal) => AsyncIterable<SseEvent>,
  options: SseOptions,
): SseSteps {
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

  const teardown = async () => {
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

  // Once, however many callers (the consumer's close, the end of the stream): all of them wait for the same teardown.
  let finishing: Promise<void> | undefined;
  const finish = () => (finishing ??= teardown());

  async function next(): Promise<SseStep> {
    if (first) {
      first = false;
      // The retry hint plus a comment flushes headers at once, so the client sees the stream open.
      return { write: `retry: ${options.retryMs ?? 3000}\n: open\n\n` };
    }
    pending ??= iterator.next();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ping = new Promise<"ping">((resolve) => {
      timer = setTimeout(() => resolve("ping"), heartbeatMs);
    });
    try {
      const result = await Promise.race([pending, ping, draining]);
      // The client went away while we waited (close ran finish): the stream is closed, nothing to write.
      if (closed) return {};
      if (result === "drain") return { write: `retry: ${DRAIN_RETRY_MS}\n: server restarting\n\n`, end: true };
      if (result === "ping") {
        return { write: options.heartbeatEvent ? { event: "heartbeat", data: { t: Date.now() } } : ": ping\n\n" };
      }
      pending = null;
      if (result.done || controller.signal.aborted) return { end: true };
      return { write: result.value };
    } catch (error) {
      pending = null;
      if (closed) return {};
      return { write: { event: "error", data: { ...streamError(error), fatal: true } }, end: true };
    } finally {
      clearTimeout(timer);
    }
  }

  return { next, close: finish };
}
