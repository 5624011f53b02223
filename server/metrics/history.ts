import "server-only";
import { perCluster } from "@/server/process-state";
import { bucketStart, rollup, type StoredTick } from "@/lib/metrics/rollup";
import { prisma } from "@/server/db/prisma";
import type { Tick } from "./sampler";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
export const RETENTION = { raw: HOUR, "1m": 24 * HOUR, "1h": 30 * 24 * HOUR } as const;
export type Resolution = keyof typeof RETENTION;

export function toStored(tick: Tick): StoredTick {
  if (!tick.ok) return { ok: false, e: tick.error };
  return {
    ok: true,
    p: tick.produceRate,
    c: tick.consumeRate,
    t: Object.fromEntries(tick.topics.map((x) => [x.topic, x.rate])),
    g: Object.fromEntries(tick.groups.map((x) => [x.groupId, [x.lag, x.rate, x.lagSeconds ?? null]])),
  };
}

export function fromStored(t: number, s: StoredTick): Tick {
  if (!s.ok) return { t, ok: false, error: s.e ?? "sample failed" };
  return {
    t,
    ok: true,
    produceRate: s.p ?? null,
    consumeRate: s.c ?? null,
    topics: Object.entries(s.t ?? {}).map(([topic, rate]) => ({ topic, rate, end: 0 })),
    groups: Object.entries(s.g ?? {}).map(([groupId, [lag, rate, lagSeconds]]) => ({
      groupId,
      lag,
      rate,
      lagSeconds: lagSeconds ?? null,
    })),
  };
}

const lastRolled = perCluster<{ m: number; h: number; pruned: number }>("HistoryRolled");

/**
 * Stores a tick, rolls finished minutes and hours up, and prunes what is past retention (once a minute).
 * Rollups are idempotent per bucket: a bucket already rolled (by this or another replica) is not rolled twice.
 */
export async function recordTick(clusterId: string, tick: Tick): Promise<void> {
  await prisma.metricSample.create({
    data: { clusterId, resolution: "raw", at: new Date(tick.t), data: JSON.stringify(toStored(tick)) },
  });
  const state = lastRolled.get(clusterId) ?? {
    m: bucketStart(tick.t, MINUTE),
    h: bucketStart(tick.t, HOUR),
    pruned: 0,
  };
  lastRolled.set(clusterId, state);
  const minute = bucketStart(tick.t, MINUTE);
  if (minute > state.m) {
    await rollBucket(clusterId, "raw", "1m", state.m, MINUTE);
    state.m = minute;
  }
  const hour = bucketStart(tick.t, HOUR);
  if (hour > state.h) {
    await rollBucket(clusterId, "1m", "1h", state.h, HOUR);
    state.h = hour;
  }
  if (tick.t - state.pruned > MINUTE) {
    state.pruned = tick.t;
    await pruneHistory(clusterId, tick.t);
  }
}

/** Deletes samples past their resolution's retention. */
export async function pruneHistory(clusterId: string, now = Date.now()): Promise<void> {
  await Promise.all(
    (Object.keys(RETENTION) as Resolution[]).map((resolution) =>
      prisma.metricSample.deleteMany({
        where: { clusterId, resolution, at: { lt: new Date(now - RETENTION[resolution]) } },
      }),
    ),
  );
}

async function rollBucket(
  clusterId: string,
  from: Resolution,
  to: Resolution,
  start: number,
  size: number,
): Promise<void> {
  const at = new Date(start);
  if (await prisma.metricSample.findFirst({ where: { clusterId, resolution: to, at } })) return;
  const rows = await prisma.metricSample.findMany({
    where: { clusterId, resolution: from, at: { gte: at, lt: new Date(start + size) } },
    orderBy: { at: "asc" },
  });
  if (rows.length === 0) return;
  await prisma.metricSample.create({
    data: {
      clusterId,
      resolution: to,
      at,
      data: JSON.stringify(rollup(rows.map((r) => JSON.parse(r.data) as StoredTick))),
    },
  });
}

/** Stored ticks since a time at one resolution, oldest first. */
export async function loadTicks(clusterId: string, resolution: Resolution, sinceMs: number): Promise<Tick[]> {
  const rows = await prisma.metricSample.findMany({
    where: { clusterId, resolution, at: { gte: new Date(sinceMs) } },
    orderBy: { at: "asc" },
  });
  return rows.map((r) => fromStored(r.at.getTime(), JSON.parse(r.data) as StoredTick));
}
