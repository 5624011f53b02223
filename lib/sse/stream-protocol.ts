/**
 * The live path's messages, end to end: a tab talks to the shared stream worker (lib/sse/stream-worker.ts) over a
 * MessagePort, and the worker carries every tab's subscriptions on one SSE connection to /api/streams
 * (server/http/stream-mux.ts). Imported by the tab side (use-shared-event-stream.ts), the worker and the server.
 */

/** Where the built worker is served (public/, generated from lib/sse/stream-worker.ts), and its shared name. */
export const STREAM_WORKER_URL = "/sluice-stream-worker.js";
export const STREAM_WORKER_NAME = "sluice-streams";

/** Subscriptions per multiplexed connection (one per browser: every live view of every tab). */
export const MAX_SUBSCRIPTIONS = 32;

// --- tab ↔ worker (MessagePort) ---

export type TabToWorker =
  | { type: "subscribe"; key: string; url: string; lastId?: string }
  | { type: "unsubscribe"; key: string }
  /** The tab is going away: drop all of its port's subscriptions. */
  | { type: "unsubscribe-port" };

export type WorkerStatus =
  | { state: "connecting"; attempt: number }
  /** `reason` is absent while a reopen after a network failure is under way. */
  | { state: "reconnecting"; attempt: number; reason?: string }
  | { state: "open" }
  | { state: "failed"; httpStatus: number; body: unknown };

export type WorkerToTab =
  /** One event of the tab's stream; `data` is the event's JSON text, as on a direct SSE connection. */
  | { key: string; type: "event"; event: string; data: string; id?: string }
  | { key: string; type: "status"; status: WorkerStatus };

// --- worker ↔ /api/streams ---

/** One entry of the `subs` query parameter (base64url JSON of an array): key, stream URL, Last-Event-ID. */
export type MuxSubscription = { k: string; u: string; l?: string };

/** Event names the multiplexer adds; every other event keeps its stream's own name. */
export const SUB_ERROR = "sub-error";
export const SUB_END = "sub-end";

/** The data of each multiplexed event. */
export type MuxEventData = { k: string; id?: string; d: unknown };
/** `sub-error`: the subscription was refused (its HTTP status and error body) or failed; it is dropped. */
export type MuxSubErrorData = { k: string; status: number; d: unknown };
/** `sub-end`: the subscription's stream ended (duration cap, draining server); the worker reopens. */
export type MuxSubEndData = { k: string };

/** The `subs` query parameter for a list of subscriptions (base64url of UTF-8 JSON). */
export function encodeSubscriptions(list: MuxSubscription[]): string {
  const bytes = new TextEncoder().encode(JSON.stringify(list));
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
