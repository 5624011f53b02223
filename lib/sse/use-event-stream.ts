"use client";

import { useEffect, useRef, useState } from "react";
import { ApiClientError, toApiClientError } from "@/lib/api/client";
import { SseParser, type RawSseEvent } from "./parse";

export type StreamStatus =
  | { state: "idle" }
  | { state: "connecting"; attempt: number }
  | { state: "open" }
  | { state: "reconnecting"; attempt: number; reason: string }
  | { state: "closed" }
  | { state: "failed"; error: ApiClientError };

export type EventStreamOptions = {
  /** null = not connected. Changing it closes the old stream and opens a new one. */
  url: string | null;
  onEvent: (event: RawSseEvent) => void;
  /** After the server ends the stream normally: reconnect (resuming from the last id) or stop. Default: stop. */
  reconnectOnEnd?: (lastEvent: RawSseEvent | undefined) => boolean;
  /** Resume cursor from an earlier stream, sent as Last-Event-ID on the first request. */
  initialLastEventId?: string;
};

const BACKOFF_MS = [500, 1000, 2000, 4000, 8000];

/**
 * fetch + the SSE wire parser, owned by an AbortController tied to the component. Reconnects only on network
 * failure (with backoff) or when the caller asks after a normal end, always resuming from the last event id;
 * a 4xx/5xx answer before the stream opens is final and surfaces as `failed` with the API error.
 */
export function useEventStream({ url, onEvent, reconnectOnEnd, initialLastEventId }: EventStreamOptions): StreamStatus {
  const [status, setStatus] = useState<StreamStatus>({ state: "idle" });
  const onEventRef = useRef(onEvent);
  const reconnectRef = useRef(reconnectOnEnd);
  useEffect(() => {
    onEventRef.current = onEvent;
    reconnectRef.current = reconnectOnEnd;
  });

  useEffect(() => {
    if (!url) return;
    const abort = new AbortController();
    let lastEventId = initialLastEventId;
    void (async () => {
      for (let attempt = 0; !abort.signal.aborted; attempt++) {
        setStatus(
          attempt === 0
            ? { state: "connecting", attempt }
            : (s) => (s.state === "reconnecting" ? s : { state: "reconnecting", attempt, reason: "stream ended" }),
        );
        let lastEvent: RawSseEvent | undefined;
        try {
          const res = await fetch(url, {
            signal: abort.signal,
            headers: { accept: "text/event-stream", ...(lastEventId ? { "last-event-id": lastEventId } : {}) },
            cache: "no-store",
          });
          if (!res.ok || !res.body) {
            const body = await res.json().catch(() => null);
            setStatus({ state: "failed", error: toApiClientError(res.status, body) });
            return;
          }
          setStatus({ state: "open" });
          attempt = 0;
          const parser = new SseParser();
          const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            for (const event of parser.feed(value)) {
              lastEvent = event;
              if (event.id !== undefined) lastEventId = event.id;
              onEventRef.current(event);
            }
          }
          if (abort.signal.aborted) return;
          if (!reconnectRef.current?.(lastEvent)) {
            setStatus({ state: "closed" });
            return;
          }
        } catch (error) {
          if (abort.signal.aborted) return;
          const delay = BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)];
          setStatus({
            state: "reconnecting",
            attempt: attempt + 1,
            reason: error instanceof Error ? error.message : "network error",
          });
          await new Promise((r) => setTimeout(r, delay));
        }
      }
    })();
    return () => abort.abort();
  }, [url, initialLastEventId]);

  return url ? status : { state: "idle" };
}

/** Parses an event's JSON data, or returns undefined when the server sent something unparseable. */
export function parseEventData(event: RawSseEvent): unknown {
  try {
    return JSON.parse(event.data);
  } catch {
    return undefined;
  }
}
