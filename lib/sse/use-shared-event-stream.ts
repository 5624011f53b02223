"use client";

import { useEffect, useRef, useState } from "react";
import { toApiClientError } from "@/lib/api/client";
import type { RawSseEvent } from "./parse";
import {
  STREAM_WORKER_NAME,
  STREAM_WORKER_URL,
  type TabToWorker,
  type WorkerStatus,
  type WorkerToTab,
} from "./stream-protocol";
import { useEventStream, type EventStreamOptions, type StreamStatus } from "./use-event-stream";

let port: MessagePort | null | undefined;
const listeners = new Map<string, (m: WorkerToTab) => void>();
const send = (p: MessagePort, message: TabToWorker) => p.postMessage(message);

/** The tab's port to the shared stream worker (lib/sse/stream-worker.ts), or null where SharedWorker is missing. */
function sharedPort(): MessagePort | null {
  if (port !== undefined) return port;
  if (typeof window === "undefined" || typeof SharedWorker === "undefined") return (port = null);
  try {
    const worker = new SharedWorker(STREAM_WORKER_URL, { name: STREAM_WORKER_NAME });
    port = worker.port;
    port.onmessage = (e: MessageEvent<WorkerToTab>) => listeners.get(e.data.key)?.(e.data);
    port.start();
    window.addEventListener("pagehide", () => port && send(port, { type: "unsubscribe-port" }));
  } catch {
    port = null;
  }
  return port;
}

const toStatus = (s: WorkerStatus): StreamStatus =>
  s.state === "failed"
    ? { state: "failed", error: toApiClientError(s.httpStatus ?? 0, s.body ?? null) }
    : s.state === "reconnecting"
      ? { state: "reconnecting", attempt: s.attempt ?? 1, reason: s.reason ?? "reconnecting" }
      : s.state === "open"
        ? { state: "open" }
        : { state: "connecting", attempt: s.attempt ?? 0 };

/**
 * Like useEventStream, but the stream travels on the browser's one shared connection (a SharedWorker that
 * multiplexes every tab's live views over /api/streams), so any number of tabs can stream at once. Falls back
 * to a direct connection where SharedWorker does not exist.
 */
export function useSharedEventStream(options: EventStreamOptions): StreamStatus {
  const [shared] = useState(() => sharedPort() !== null);
  const direct = useEventStream({ ...options, url: shared ? null : options.url });
  const [status, setStatus] = useState<StreamStatus>({ state: "idle" });
  const onEventRef = useRef(options.onEvent);
  useEffect(() => {
    onEventRef.current = options.onEvent;
  });

  useEffect(() => {
    const p = shared ? sharedPort() : null;
    if (!p || !options.url) return;
    const key = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
    listeners.set(key, (m) => {
      if (m.type === "event") {
        onEventRef.current({
          event: m.event,
          data: m.data,
          ...(m.id !== undefined ? { id: m.id } : {}),
        } as RawSseEvent);
      } else {
        setStatus(toStatus(m.status));
      }
    });
    send(p, { type: "subscribe", key, url: options.url, lastId: options.initialLastEventId });
    return () => {
      listeners.delete(key);
      send(p, { type: "unsubscribe", key });
    };
  }, [shared, options.url, options.initialLastEventId]);

  if (!shared) return direct;
  return options.url ? status : { state: "idle" };
}
