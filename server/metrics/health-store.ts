import "server-only";
import { perCluster } from "@/server/process-state";
import type { Observation } from "@/lib/groups/health";
import { prisma } from "@/server/db/prisma";
import { exportEnds, exportGroupWindows, restoreGroupHistory } from "@/server/kafka/group-history";
import { recordEvent } from "@/server/services/alerts/events";
import type { GroupDetail } from "./sampler";

/**
 * Windows and log-end points are written at most this often (a status change is written at once, and everything when
 * the sampler stops, as at shutdown or a lease hand-over). Writing every group's whole window every 30 s was the
 * largest share of the sampler's CPU at 1,000 groups (bench/sampler-cost.ts); after a crash a new leader starts from
 * windows at most this old, which the next ticks extend.
 */
const SAVE_EVERY_MS = 5 * 60_000;
/** Rows per bulk statement (well under SQLite's and PostgreSQL's bound-parameter limits). */
const SAVE_CHUNK = 500;

type Known = { status: string; rule: string; since: number; savedAt: number };
const knownByCluster = perCluster<Map<string, Known>>("HealthKnown");
const endsSaved = perCluster<number>("EndsSaved");

/**
 * Loads the stored verdicts and the windows behind them into this process (the sampling replica calls it before its
 * first read), so a restart or a new leader keeps verdicts and lag-in-seconds estimates instead of starting over.
 */
export async function restoreHealth(clusterId: string): Promise<void> {
  const [rows, ends] = await Promise.all([
    prisma.groupHealthState.findMany({ where: { clusterId } }),
    prisma.logEndHistory.findUnique({ where: { clusterId } }),
  ]);
  const groups = new Map<string, Record<string, Observation[]>>();
  const known = new Map<string, Known>();
  for (const r of rows) {
    try {
      groups.set(r.groupId, JSON.parse(r.windows) as Record<string, Observation[]>);
    } catch {
      /* a damaged row only loses its window */
    }
    known.set(r.groupId, { status: r.status, rule: r.rule, since: r.since.getTime(), savedAt: r.updatedAt.getTime() });
  }
  let endPoints: Record<string, { t: number; end: number }[]> = {};
  try {
    endPoints = ends ? (JSON.parse(ends.data) as typeof endPoints) : {};
  } catch {
    /* start the estimates afresh */
  }
  restoreGroupHistory(clusterId, endPoints, groups);
  knownByCluster.set(clusterId, known);
}

/**
 * Stores this tick's verdicts: a group whose status changed is written at once and recorded as a
 * `group.health_changed` event (a group seen for the first time counts as coming from OK); the windows of the others
 * at most every 5 minutes, or all of them with `all`. Returns the changes.
 */
export async function saveHealth(
  clusterId: string,
  t: number,
  detail: Map<string, GroupDetail>,
  /** write every window and the log ends now (the sampler stopping), not only what is due */
  all = false,
): Promise<{ groupId: string; from: string; to: string; rule: string }[]> {
  let known = knownByCluster.get(clusterId);
  if (!known) knownByCluster.set(clusterId, (known = new Map()));
  const changes: { groupId: string; from: string; to: string; rule: string }[] = [];
  const rows: {
    clusterId: string;
    groupId: string;
    status: string;
    rule: string;
    since: Date;
    windows: string;
    updatedAt: Date;
  }[] = [];
  for (const [groupId, d] of detail) {
    const k = known.get(groupId);
    const changed = !k || k.status !== d.status;
    if (!changed && !all && t - k.savedAt < SAVE_EVERY_MS) continue;
    const since = changed ? t : k!.since;
    rows.push({
      clusterId,
      groupId,
      status: d.status,
      rule: d.rule,
      since: new Date(since),
      windows: JSON.stringify(exportGroupWindows(clusterId, groupId) ?? {}),
      updatedAt: new Date(t),
    });
    if (changed && (k ? true : d.status !== "OK")) {
      changes.push({ groupId, from: k?.status ?? "OK", to: d.status, rule: d.rule });
    }
    known.set(groupId, { status: d.status, rule: d.rule, since, savedAt: t });
  }
  // Replaced in bulk (delete + insert, per chunk, in one transaction) rather than one upsert per group: a cluster
  // with 1,000 groups rewrote 1,000 rows every 30 s, one Prisma query each (bench/sampler-cost.ts).
  const writes = [];
  for (let i = 0; i < rows.length; i += SAVE_CHUNK) {
    const chunk = rows.slice(i, i + SAVE_CHUNK);
    writes.push(
      prisma.groupHealthState.deleteMany({ where: { clusterId, groupId: { in: chunk.map((r) => r.groupId) } } }),
    );
    writes.push(prisma.groupHealthState.createMany({ data: chunk }));
  }
  if (all || t - (endsSaved.get(clusterId) ?? 0) >= SAVE_EVERY_MS) {
    endsSaved.set(clusterId, t);
    const data = JSON.stringify(exportEnds(clusterId));
    writes.push(
      prisma.logEndHistory.upsert({
        where: { clusterId },
        create: { clusterId, data, updatedAt: new Date(t) },
        update: { data, updatedAt: new Date(t) },
      }),
    );
  }
  if (writes.length) await prisma.$transaction(writes);
  for (const c of changes) {
    await recordEvent({
      kind: "group.health_changed",
      clusterId,
      subject: c.groupId,
      data: { from: c.from, to: c.to, rule: c.rule },
      at: new Date(t),
    });
  }
  return changes;
}

/** The stored verdicts of a cluster's groups (followers and pages that do not sample). */
export async function storedHealth(
  clusterId: string,
): Promise<Map<string, { status: string; rule: string; since: Date }>> {
  const rows = await prisma.groupHealthState.findMany({
    where: { clusterId },
    select: { groupId: true, status: true, rule: true, since: true },
  });
  return new Map(rows.map((r) => [r.groupId, r]));
}

/** Forgets what this process knows (tests: a restarted process). */
export function forgetHealth(clusterId: string): void {
  knownByCluster.delete(clusterId);
  endsSaved.delete(clusterId);
}
