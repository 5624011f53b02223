import "server-only";
import type { MetricsPoint } from "@/lib/schemas/metrics";
import { getClusterConfigOrThrow } from "@/server/config";
import { ApiError } from "@/server/http/api-error";
import type { SseEvent } from "@/server/http/sse";
import { withDeadline } from "@/server/kafka/deadline";
import { describeAnyGroup } from "@/server/kafka/group-snapshot";
import { samplerFor, type Tick, type TickEvent } from "@/server/metrics/sampler";
import { getTopicInfoOrThrow } from "@/server/services/topics/get-topic-or-throw";

export type MetricsScope = { topic?: string; group?: string };

const TOP = 10;
/** A subscriber that falls this many ticks behind loses the oldest ones (memory stays bounded). */
const QUEUE_MAX = 20;

export function project(tick: Tick, scope: MetricsScope): MetricsPoint {
  if (!tick.ok) {
    return { t: tick.t, ok: false, produceRate: null, consumeRate: null, topics: [], groups: [], error: tick.error };
  }
  let topics = tick.topics;
  let groups = tick.groups;
  if (scope.topic) {
    topics = topics.filter((x) => x.topic === scope.topic);
    groups = [];
  } else if (scope.group) {
    groups = groups.filter((x) => x.groupId === scope.group);
    topics = [];
  } else {
    topics = [...topics].sort((a, b) => (b.rate ?? -1) - (a.rate ?? -1)).slice(0, TOP);
    groups = [...groups].sort((a, b) => b.lag - a.lag).slice(0, TOP);
  }
  return { t: tick.t, ok: true, produceRate: tick.produceRate, consumeRate: tick.consumeRate, topics, groups };
}

/**
 * Live metrics for a cluster, a topic or a group from the cluster's one sampler. Unknown topic or group → 404
 * before the stream opens. The stream starts with the history the sampler holds (after Last-Event-ID when
 * resuming), then per tick a `metrics` event (produce/consume rates, topics), a `lag` event (groups' lag; not on
 * a topic's stream) and, when the tick failed, an `error` event with the reason (the metrics event then carries
 * ok: false so charts show a gap, not zeros); `topics-changed` when topics appear or go; `heartbeat` in silence.
 */
export async function openMetricsStream(
  clusterId: string,
  scope: MetricsScope,
  lastEventId: string | null,
): Promise<(signal: AbortSignal) => AsyncGenerator<SseEvent>> {
  const cluster = getClusterConfigOrThrow(clusterId);
  await withDeadline(5_000, `Cluster "${cluster.name}"`, async () => {
    if (scope.topic) await getTopicInfoOrThrow(clusterId, cluster.name, scope.topic!);
    if (scope.group) {
      const group = await describeAnyGroup(clusterId, scope.group);
      if (group.state === "Dead") {
        throw new ApiError("not_found", `Consumer group "${scope.group}" does not exist on cluster "${cluster.name}".`);
      }
    }
  });
  const sampler = samplerFor(clusterId);
  const since = lastEventId && /^\d+$/.test(lastEventId) ? Number(lastEventId) : 0;

  return async function* events(signal: AbortSignal): AsyncGenerator<SseEvent> {
    const queue: TickEvent[] = [];
    let wake: (() => void) | null = null;
    const unsubscribe = sampler.subscribe((e) => {
      queue.push(e);
      if (queue.length > QUEUE_MAX) queue.shift();
      wake?.();
    });
    const onAbort = () => wake?.();
    signal.addEventListener("abort", onAbort);
    try {
      await sampler.loaded;
      const history = sampler.history.filter((t) => t.t > since).map((t) => project(t, scope));
      yield {
        event: "history",
        id: String(history.at(-1)?.t ?? since),
        data: { intervalMs: sampler.intervalMs, points: history },
      };
      while (!signal.aborted) {
        if (queue.length === 0) await new Promise<void>((r) => (wake = r));
        wake = null;
        while (queue.length && !signal.aborted) {
          const e = queue.shift()!;
          if (e.topicsChanged && !scope.group) yield { event: "topics-changed", data: e.topicsChanged };
          const { groups, ...point } = project(e.tick, scope);
          yield { event: "metrics", id: String(e.tick.t), data: { ...point, groups: [] } };
          if (!scope.topic && point.ok) yield { event: "lag", data: { t: point.t, groups } };
          if (!point.ok) yield { event: "error", data: { t: point.t, message: point.error } };
        }
      }
    } finally {
      signal.removeEventListener("abort", onAbort);
      unsubscribe();
    }
  };
}
