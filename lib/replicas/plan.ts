import type { ReplicaMove } from "@/lib/schemas/replicas";

export type Assignment = { partition: number; replicas: number[] };

/**
 * A balanced placement of `replicationFactor` replicas per partition over `brokers`, moving as few replicas as it
 * can: each partition keeps its replicas that are on allowed brokers (its preferred leader first), drops the ones
 * on the most loaded brokers when it has too many, and gets new ones on the least loaded brokers (fewest replicas,
 * then fewest preferred leaders, then lowest id). Throws when the factor exceeds the broker count: the caller asks
 * the broker for its own reason instead.
 */
export function generatePlan(current: Assignment[], brokers: number[], replicationFactor: number): Assignment[] {
  const allowed = [...new Set(brokers)].sort((a, b) => a - b);
  if (replicationFactor > allowed.length) {
    throw new RangeError(`replication factor ${replicationFactor} exceeds the ${allowed.length} brokers chosen`);
  }
  const load = new Map(allowed.map((b) => [b, 0]));
  const leaders = new Map(allowed.map((b) => [b, 0]));
  const sorted = [...current].sort((a, b) => a.partition - b.partition);
  // First pass: what each partition keeps, so loads reflect every kept replica before anything is added.
  const kept = sorted.map((p) => p.replicas.filter((b) => load.has(b)));
  for (const k of kept) for (const b of k) load.set(b, load.get(b)! + 1);
  const byLoad = (a: number, b: number) => load.get(a)! - load.get(b)! || leaders.get(a)! - leaders.get(b)! || a - b;
  return sorted.map((p, i) => {
    const replicas = [...kept[i]];
    while (replicas.length > replicationFactor) {
      // Drop the replica on the most loaded broker, never the first (preferred leader) unless it is the only choice.
      const candidates = replicas.slice(1);
      const drop = candidates.sort((a, b) => byLoad(b, a))[0];
      replicas.splice(replicas.indexOf(drop), 1);
      load.set(drop, load.get(drop)! - 1);
    }
    while (replicas.length < replicationFactor) {
      const add = allowed.filter((b) => !replicas.includes(b)).sort(byLoad)[0];
      replicas.push(add);
      load.set(add, load.get(add)! + 1);
    }
    leaders.set(replicas[0], leaders.get(replicas[0])! + 1);
    return { partition: p.partition, replicas };
  });
}

/** What a plan changes: one move per partition whose replica list differs (order matters: the first leads). */
export function diffPlan(current: Assignment[], target: Assignment[]): { moves: ReplicaMove[]; unchanged: number } {
  const now = new Map(current.map((p) => [p.partition, p.replicas]));
  const moves: ReplicaMove[] = [];
  let unchanged = 0;
  for (const t of [...target].sort((a, b) => a.partition - b.partition)) {
    const cur = now.get(t.partition) ?? [];
    if (cur.length === t.replicas.length && cur.every((b, i) => b === t.replicas[i])) {
      unchanged++;
      continue;
    }
    moves.push({
      partition: t.partition,
      current: cur,
      target: t.replicas,
      adding: t.replicas.filter((b) => !cur.includes(b)),
      removing: cur.filter((b) => !t.replicas.includes(b)),
      leaderChanges: cur[0] !== t.replicas[0],
    });
  }
  return { moves, unchanged: unchanged + (current.length - target.length > 0 ? current.length - target.length : 0) };
}
