"use client";

import { queryOptions, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { paths } from "@/lib/paths";
import { jsonQueryOptions } from "@/lib/queries/json-query";
import {
  MetricsEvents,
  MetricsHistorySchema as HistorySchema,
  MetricsPointSchema,
  type MetricsPoint,
} from "@/lib/schemas/metrics";
import type { RawSseEvent } from "@/lib/sse/parse";
import { parseEventData } from "@/lib/sse/use-event-stream";
import { useSharedEventStream } from "@/lib/sse/use-shared-event-stream";
import { groupKeys } from "./groups";
import { topicKeys } from "./topics";

export type MetricsScope = { topic?: string; group?: string };
const KEEP_MS = 60 * 60_000;

export const metricsKeys = {
  live: (clusterId: string, scope: MetricsScope) =>
    ["clusters", clusterId, "metrics", "live", scope.topic ?? null, scope.group ?? null] as const,
  history: (clusterId: string, scope: MetricsScope, range: string) =>
    ["clusters", clusterId, "metrics", "history", range, scope.topic ?? null, scope.group ?? null] as const,
};

/** Stored samples for long ranges (per minute for 24 h, per hour for 30 days), refreshed every minute. */
export const metricsHistoryOptions = (clusterId: string, scope: MetricsScope, range: "24h" | "30d") =>
  jsonQueryOptions(
    metricsKeys.history(clusterId, scope, range),
    paths.api.metricsHistory(clusterId, { range, ...scope }),
    HistorySchema,
    { staleTime: 60_000, refetchInterval: 60_000 },
  );

/** The cache entry the stream writes into; nothing is fetched for it. */
export const liveMetricsOptions = (clusterId: string, scope: MetricsScope) =>
  queryOptions({
    queryKey: metricsKeys.live(clusterId, scope),
    queryFn: () => [] as MetricsPoint[],
    enabled: false,
    staleTime: Infinity,
    gcTime: KEEP_MS,
    initialData: [] as MetricsPoint[],
  });

/**
 * Live metrics of a cluster (or one topic / group): the SSE stream (through the browser's shared connection)
 * writes every tick into the query cache, so every chart and number on the page reads one source. A topic
 * created or deleted anywhere refreshes the topic and group lists.
 */
export function useLiveMetrics(clusterId: string, scope: MetricsScope = {}) {
  const qc = useQueryClient();
  const key = metricsKeys.live(clusterId, scope);
  const { data: points } = useQuery(liveMetricsOptions(clusterId, scope));
  const onEvent = useCallback(
    (e: RawSseEvent) => {
      const data = parseEventData(e);
      if (e.event === "history") {
        const h = MetricsEvents.history.safeParse(data);
        if (h.success) qc.setQueryData<MetricsPoint[]>(key, (old = []) => merge(old, h.data.points));
      } else if (e.event === "metrics") {
        const p = MetricsPointSchema.safeParse(data);
        if (p.success) qc.setQueryData<MetricsPoint[]>(key, (old = []) => merge(old, [p.data]));
      } else if (e.event === "lag") {
        const l = MetricsEvents.lag.safeParse(data);
        if (l.success) {
          qc.setQueryData<MetricsPoint[]>(key, (old = []) =>
            old.map((p) => (p.t === l.data.t ? { ...p, groups: l.data.groups } : p)),
          );
        }
      } else if (e.event === "topics-changed") {
        void qc.invalidateQueries({ queryKey: topicKeys.lists(clusterId) });
        void qc.invalidateQueries({ queryKey: groupKeys.all(clusterId) });
      }
    },
    // key is derived from these three values
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [qc, clusterId, scope.topic, scope.group],
  );
  const status = useSharedEventStream({
    url: paths.api.metricsStream(clusterId, scope),
    onEvent,
    reconnectOnEnd: () => true,
  });
  return { points, status };
}

function merge(old: MetricsPoint[], add: MetricsPoint[]): MetricsPoint[] {
  const cutoff = Date.now() - KEEP_MS;
  const byT = new Map(old.map((p) => [p.t, p]));
  for (const p of add) byT.set(p.t, p);
  return [...byT.values()].filter((p) => p.t >= cutoff).sort((a, b) => a.t - b.t);
}
