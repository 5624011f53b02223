import "server-only";
import { perCluster } from "@/server/process-state";
import {
  estimateLagSeconds,
  evaluateGroup,
  evaluatePartition,
  timeToCatchUp,
  type HealthStatus,
  type Observation,
} from "@/lib/groups/health";
import type { GroupInfo } from "./group-snapshot";
import type { PartitionOffsets } from "./offsets";

/** Commit observations kept per partition (Burrow's default window is 10 offsets). */
export const WINDOW = 10;
/** Sampled end-offset points kept per partition for the seconds estimate (at 10 s refreshes: ~20 min). */
const END_POINTS = 120;
/** Two observations closer than this are one (several refreshes in a burst would shrink the window's span). */
const MIN_SPACING_MS = Number(process.env.SLUICE_GROUP_SAMPLE_SPACING_MS ?? 4_000);

type Key = string; // topic \0 partition
type ClusterHistory = { ends: Map<Key, { t: number; end: number }[]>; commits: Map<string, Map<Key, Observation[]>> };
const clusters = perCluster<ClusterHistory>("GroupHistory");

/**
 * History keys, made once per partition: the sampler looks up every committed partition of every group twice per tick
 * (tens of thousands), and building the string each time was a visible share of its CPU. Dropped wholesale past a
 * bound (deleted topics' keys would otherwise stay).
 */
const keys = new Map<string, Key[]>();
let keyCount = 0;
function key(topic: string, partition: number): Key {
  let byPartition = keys.get(topic);
  if (!byPartition) {
    if (keyCount > 500_000) {
      keys.clear();
      keyCount = 0;
    }
    keys.set(topic, (byPartition = []));
  }
  let k = byPartition[partition];
  if (k === undefined) {
    k = byPartition[partition] = `${topic}\u0000${partition}`;
    keyCount++;
  }
  return k;
}

function history(clusterId: string): ClusterHistory {
  let h = clusters.get(clusterId);
  if (!h) clusters.set(clusterId, (h = { ends: new Map(), commits: new Map() }));
  return h;
}

function pushEnd(points: { t: number; end: number }[], t: number, end: number) {
  const last = points[points.length - 1];
  if (last && t - last.t < MIN_SPACING_MS) return;
  // A plateau keeps its first and its latest point: the first says when the log end reached the value.
  const before = points[points.length - 2];
  if (last && before && last.end === end && before.end === end) {
    last.t = t;
  } else if (points.length >= END_POINTS) {
    // The oldest point is reused as the newest: long-lived objects replaced every tick are what the sampler's
    // garbage collection spent most on (bench/sampler-cost.ts).
    const oldest = points.shift()!;
    oldest.t = t;
    oldest.end = end;
    points.push(oldest);
  } else {
    points.push({ t, end });
  }
}

/**
 * Records committed offsets and log ends seen at time t. `complete`: these are all the cluster's groups (a
 * group no longer listed loses its history).
 */
export function recordGroupObservations(
  clusterId: string,
  t: number,
  groups: Pick<GroupInfo, "groupId" | "committed">[],
  ends: Map<string, Map<number, PartitionOffsets>>,
  complete = true,
): void {
  const h = history(clusterId);
  for (const [topic, parts] of ends) {
    for (const [partition, o] of parts) {
      const k = key(topic, partition);
      let points = h.ends.get(k);
      if (!points) h.ends.set(k, (points = []));
      pushEnd(points, t, Number(o.end));
    }
  }
  const seen = new Set<string>();
  for (const grp of groups) {
    seen.add(grp.groupId);
    let parts = h.commits.get(grp.groupId);
    if (!parts) h.commits.set(grp.groupId, (parts = new Map()));
    for (const c of grp.committed) {
      const end = ends.get(c.topic)?.get(c.partition)?.end;
      if (end === undefined) continue;
      const k = key(c.topic, c.partition);
      let w = parts.get(k);
      if (!w) parts.set(k, (w = []));
      const last = w[w.length - 1];
      if (last && t - last.t < MIN_SPACING_MS) continue;
      if (w.length >= WINDOW) {
        const oldest = w.shift()!; // reused, as in pushEnd
        oldest.t = t;
        oldest.committed = Number(c.offset);
        oldest.end = Number(end);
        w.push(oldest);
      } else {
        w.push({ t, committed: Number(c.offset), end: Number(end) });
      }
    }
  }
  if (complete) for (const id of h.commits.keys()) if (!seen.has(id)) h.commits.delete(id);
}

export type PartitionAssessment = {
  lagSeconds: number | null;
  lagSecondsExtrapolated: boolean;
  status: HealthStatus;
  rule: string;
};
export type GroupAssessment = {
  status: HealthStatus;
  rule: string;
  maxLagSeconds: number | null;
  catchUpSeconds: number | null;
  catchUpReason?: string;
  partitions: Map<Key, PartitionAssessment>;
};

/**
 * A group's health (worst partition, rule named), estimated lag in seconds per partition (max for the group) and
 * time to catch up, from the recorded history. `assigned`: partitions a member holds now.
 */
export function assessGroup(
  clusterId: string,
  groupId: string,
  committed: { topic: string; partition: number; offset: string | null }[],
  assigned: Set<string>,
  now = Date.now(),
): GroupAssessment {
  const h = history(clusterId);
  const windows = h.commits.get(groupId);
  const partitions = new Map<Key, PartitionAssessment>();
  const verdicts: { topic: string; partition: number; health: { status: HealthStatus; rule: string } }[] = [];
  let maxLagSeconds: number | null = null;
  // Σ committed and Σ end at the windows' first and last observations (scalars: this runs per partition per tick).
  let firstT = Infinity;
  let firstCommitted = 0;
  let firstEnd = 0;
  let lastT = 0;
  let lastCommitted = 0;
  let lastEnd = 0;
  for (const c of committed) {
    if (c.offset === null) continue;
    const k = key(c.topic, c.partition);
    const w = windows?.get(k) ?? [];
    const health = evaluatePartition(w, assigned.has(k));
    const estimate = estimateLagSeconds(h.ends.get(k) ?? [], Number(c.offset), now);
    partitions.set(k, {
      lagSeconds: estimate?.seconds ?? null,
      lagSecondsExtrapolated: estimate?.extrapolated ?? false,
      status: health.status,
      get rule() {
        return health.rule; // written only when read (evaluatePartition's sentences are lazy)
      },
    });
    verdicts.push({ topic: c.topic, partition: c.partition, health });
    if (estimate) maxLagSeconds = Math.max(maxLagSeconds ?? 0, estimate.seconds);
    if (w.length >= 2) {
      const a = w[0];
      const b = w[w.length - 1];
      firstT = Math.min(firstT, a.t);
      firstCommitted += a.committed ?? 0;
      firstEnd += a.end;
      lastT = Math.max(lastT, b.t);
      lastCommitted += b.committed ?? 0;
      lastEnd += b.end;
    }
  }
  const first = { t: firstT, committed: firstCommitted, end: firstEnd };
  const last = { t: lastT, committed: lastCommitted, end: lastEnd };
  const group = evaluateGroup(verdicts);
  const catchUp =
    first.t === Infinity ? { seconds: null, reason: "not enough history yet" } : timeToCatchUp(first, last);
  return { ...group, maxLagSeconds, catchUpSeconds: catchUp.seconds, catchUpReason: catchUp.reason, partitions };
}

export const partitionKey = key;

/** The partitions some member of the group holds now, as history keys. */
export function assignedPartitions(members: { assignments: { topic: string; partitions: number[] }[] }[]): Set<string> {
  return new Set(members.flatMap((m) => m.assignments.flatMap((a) => a.partitions.map((p) => key(a.topic, p)))));
}

type EndPoint = { t: number; end: number };

/** A group's commit windows as plain data (persisted by server/metrics/health-store.ts). */
export function exportGroupWindows(clusterId: string, groupId: string): Record<string, Observation[]> | null {
  const parts = history(clusterId).commits.get(groupId);
  return parts ? Object.fromEntries(parts) : null;
}

/** Log-end points of the partitions some group committed on (what lag-in-seconds estimates need). */
export function exportEnds(clusterId: string): Record<string, EndPoint[]> {
  const h = history(clusterId);
  const keys = new Set<Key>();
  for (const parts of h.commits.values()) for (const k of parts.keys()) keys.add(k);
  return Object.fromEntries([...keys].flatMap((k) => (h.ends.has(k) ? [[k, h.ends.get(k)!] as const] : [])));
}

/** Seeds the history from stored windows after a restart or a replica change; what this process already holds wins. */
export function restoreGroupHistory(
  clusterId: string,
  ends: Record<string, EndPoint[]>,
  groups: Map<string, Record<string, Observation[]>>,
): void {
  const h = history(clusterId);
  for (const [k, points] of Object.entries(ends)) if (!h.ends.has(k)) h.ends.set(k, points.slice(-END_POINTS));
  for (const [groupId, windows] of groups) {
    if (h.commits.has(groupId)) continue;
    h.commits.set(groupId, new Map(Object.entries(windows).map(([k, w]) => [k, w.slice(-WINDOW)])));
  }
}

/** Forgets a cluster's in-memory history (tests: a process that starts afresh). */
export function forgetGroupHistory(clusterId: string): void {
  clusters.delete(clusterId);
}
