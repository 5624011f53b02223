// Sluice's shared stream worker: every tab of this browser hands its live streams (live tails) to this one
// SharedWorker, which carries them all on ONE connection to /api/streams (server-side multiplexing). Browsers
// allow 6 connections per origin over HTTP/1.1; with one stream per tab, the 7th tab would hang.
// Messages: lib/sse/stream-protocol.ts. Built to public/sluice-stream-worker.js by next.config.js (never edit that).
import { SseParser } from "./parse";
import {
  encodeSubscriptions,
  SUB_END,
  SUB_ERROR,
  type MuxEventData,
  type MuxSubErrorData,
  type MuxSubscription,
  type TabToWorker,
  type WorkerStatus,
  type WorkerToTab,
} from "./stream-protocol";

type Sub = { url: string; lastId?: string; port: MessagePort };
/** The SharedWorker global scope, as far as this file uses it (the project's TS lib is the DOM one). */
const scope = globalThis as unknown as { onconnect: ((e: MessageEvent) => void) | null };

const subs = new Map<string, Sub>();
let connection: { abort: AbortController } | null = null;
let reopenTimer: ReturnType<typeof setTimeout> | undefined;
let attempt = 0;

function post(key: string, message: WorkerToTab) {
  subs.get(key)?.port.postMessage(message);
}
function broadcast(status: WorkerStatus) {
  for (const key of subs.keys()) post(key, { key, type: "status", status });
}

function encodeSubs(): string {
  const list = [...subs.entries()].map(([k, s]): MuxSubscription =>
    s.lastId ? { k, u: s.url, l: s.lastId } : { k, u: s.url },
  );
  return encodeSubscriptions(list);
}

/** Reopen the shared connection with the current subscriptions (debounced: tabs often change several at once). */
function scheduleReopen(delay = 30) {
  clearTimeout(reopenTimer);
  reopenTimer = setTimeout(reopen, delay);
}

function reopen() {
  if (connection) connection.abort.abort();
  connection = null;
  if (subs.size === 0) return;
  const abort = new AbortController();
  connection = { abort };
  void run(abort);
}

async function run(abort: AbortController) {
  broadcast(attempt ? { state: "reconnecting", attempt } : { state: "connecting", attempt });
  let res: Response;
  try {
    res = await fetch(`/api/streams?subs=${encodeSubs()}`, {
      signal: abort.signal,
      headers: { accept: "text/event-stream" },
      cache: "no-store",
    });
  } catch (error) {
    return failed(abort, error);
  }
  if (!res.ok || !res.body) {
    const body: unknown = await res.json().catch(() => null);
    broadcast({ state: "failed", httpStatus: res.status, body });
    return;
  }
  attempt = 0;
  broadcast({ state: "open" });
  const parser = new SseParser();
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      for (const e of parser.feed(value)) dispatch(e.event, e.data);
    }
  } catch (error) {
    return failed(abort, error);
  }
  if (!abort.signal.aborted) scheduleReopen(500); // the server closed (duration cap): resume everyone
}

function dispatch(event: string, raw: string) {
  let m: MuxEventData;
  try {
    m = JSON.parse(raw) as MuxEventData;
  } catch {
    return;
  }
  const sub = subs.get(m.k);
  if (!sub) return;
  if (event === SUB_ERROR) {
    const { status, d } = m as unknown as MuxSubErrorData;
    post(m.k, { key: m.k, type: "status", status: { state: "failed", httpStatus: status, body: d } });
    subs.delete(m.k);
    return;
  }
  if (event === SUB_END) {
    scheduleReopen(500);
    return;
  }
  if (m.id !== undefined) sub.lastId = m.id;
  post(m.k, { key: m.k, type: "event", event, data: JSON.stringify(m.d), id: m.id });
}

function failed(abort: AbortController, error: unknown) {
  if (abort.signal.aborted) return;
  attempt++;
  const delay = [500, 1000, 2000, 4000, 8000][Math.min(attempt - 1, 4)];
  const message = (error as { message?: unknown } | null)?.message;
  const reason = String(error && message ? message : error);
  broadcast({ state: "reconnecting", attempt, reason });
  scheduleReopen(delay);
}

scope.onconnect = (e) => {
  const port = e.ports[0];
  port.onmessage = (m: MessageEvent<TabToWorker>) => {
    const msg = m.data;
    if (msg.type === "subscribe") {
      subs.set(msg.key, { url: msg.url, lastId: msg.lastId, port });
      scheduleReopen();
    } else if (msg.type === "unsubscribe") {
      if (subs.delete(msg.key)) scheduleReopen();
    } else if (msg.type === "unsubscribe-port") {
      let changed = false;
      for (const [k, s] of subs) if (s.port === port) changed = subs.delete(k) || changed;
      if (changed) scheduleReopen();
    }
  };
  port.start();
};
