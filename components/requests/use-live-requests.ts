"use client";

import { useCallback } from "react";
import { paths } from "@/lib/paths";
import { useRequestChanged } from "@/lib/queries/requests";
import type { TopicRequestDto } from "@/lib/schemas/requests";
import { useEventStream } from "@/lib/sse/use-event-stream";

/** Keeps the cluster's request views current: every status change arrives over SSE and lands in the cache. */
export function useLiveRequests(clusterId: string) {
  const changed = useRequestChanged(clusterId);
  const onEvent = useCallback(
    (e: { event: string; data: string }) => {
      if (e.event === "request") changed(JSON.parse(e.data) as TopicRequestDto);
    },
    [changed],
  );
  return useEventStream({ url: paths.api.requestsStream(clusterId), onEvent, reconnectOnEnd: () => true });
}
