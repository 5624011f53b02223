"use client";

import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import { emptyFeed, feedReducer, type FeedAction, type FeedOptions, type FeedState } from "@/lib/message-feed/feed";
import type { Message } from "@/lib/schemas/messages";
import { MessageStreamEvents } from "@/lib/sse/message-events";
import type { RawSseEvent } from "@/lib/sse/parse";
import { parseEventData, useEventStream, type StreamStatus } from "@/lib/sse/use-event-stream";
import { useSharedEventStream } from "@/lib/sse/use-shared-event-stream";
import type { z } from "zod";

export type Progress = z.infer<typeof MessageStreamEvents.progress>;
export type Done = z.infer<typeof MessageStreamEvents.done>;
export type StreamError = z.infer<typeof MessageStreamEvents.error>;
type Phase = z.infer<typeof MessageStreamEvents.phase>;

const FLUSH_MS = 250;

/**
 * A search or live tail: SSE events → arrivals buffered in a ref → one reducer step every 250 ms, so 10,000
 * records a second cost four renders, not 10,000. `shared` sends the stream through the browser's one shared
 * connection (live tails), otherwise a direct fetch stream (finite searches).
 */
export function useMessageFeed(url: string | null, options: FeedOptions & { shared: boolean }) {
  const { cap, newestFirst } = options;
  const [state, dispatch] = useReducer(
    (s: FeedState, a: FeedAction) => feedReducer(s, a, { cap, newestFirst }),
    emptyFeed,
  );
  const [progress, setProgress] = useState<Progress | null>(null);
  const [phase, setPhase] = useState<Phase | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const [error, setError] = useState<StreamError | null>(null);
  const arrivals = useRef<Message[]>([]);

  const onEvent = useCallback((e: RawSseEvent) => {
    const data = parseEventData(e);
    switch (e.event) {
      case "messages": {
        const parsed = MessageStreamEvents.messages.safeParse(data);
        if (parsed.success) arrivals.current.push(...parsed.data.messages);
        break;
      }
      case "progress": {
        const parsed = MessageStreamEvents.progress.safeParse(data);
        if (parsed.success) setProgress(parsed.data);
        break;
      }
      case "phase": {
        const parsed = MessageStreamEvents.phase.safeParse(data);
        if (parsed.success) setPhase(parsed.data);
        break;
      }
      case "done": {
        const parsed = MessageStreamEvents.done.safeParse(data);
        if (parsed.success) setDone(parsed.data);
        break;
      }
      case "error": {
        const parsed = MessageStreamEvents.error.safeParse(data);
        if (parsed.success) setError(parsed.data);
        break;
      }
    }
  }, []);

  // A new stream starts from a clean slate.
  const [prevUrl, setPrevUrl] = useState(url);
  if (url !== prevUrl) {
    setPrevUrl(url);
    if (url) {
      dispatch({ type: "clear" });
      setProgress(null);
      setPhase(null);
      setDone(null);
      setError(null);
    }
  }

  useEffect(() => {
    const timer = setInterval(() => {
      if (arrivals.current.length === 0) return;
      const batch = arrivals.current;
      arrivals.current = [];
      dispatch({ type: "append", batch });
    }, FLUSH_MS);
    return () => clearInterval(timer);
  }, []);

  const reconnectOnEnd = useCallback(
    (last: RawSseEvent | undefined) => last?.event !== "done" && last?.event !== "error",
    [],
  );
  const direct = useEventStream({ url: options.shared ? null : url, onEvent, reconnectOnEnd });
  const shared = useSharedEventStream({ url: options.shared ? url : null, onEvent, reconnectOnEnd });
  const status: StreamStatus = options.shared ? shared : direct;
  return { state, dispatch, progress, phase, done, error, status };
}
