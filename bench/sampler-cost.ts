/**
 * Sampler cost (`npm run bench:sampler [-- --minutes 3] [--baseline-ticks 6] [--interval 10] [--cleanup]`), issue #15.
 * Creates (or reuses) topics totalling ~5,000 partitions (200 × 25, created with one CreateTopics request, a few
 * records in every partition) and 1,000 consumer groups with committed offsets (one OffsetCommit each), then runs
 * Sluice's real always-on sampler (server/metrics/sampler.ts, with alert evaluation and the stored history and
 * health, as the server runs it) at a 10 s interval for a few minutes, and prints per tick: duration, CPU
 * (process.cpuUsage), CPU share of one core, whether ticks overlapped, and Kafka requests. Baseline in the same
 * run: a plain kafkajs admin loop reading the same figures (list + describe groups, fetchOffsets per group,
 * fetchTopicOffsets per topic) at the same interval. Goal: ≤ 5 % of one core at 10 s, ticks never overlap.
 * Cluster: the 3-broker dev cluster (bench/lib/cluster.ts), or BENCH_BOOTSTRAP. A benchmark: it prints, never fails.
 * `--profile FILE`: a CPU profile of the steady state (from the end of the first tick), written as a .cpuprofile
 * (Chrome DevTools) with the functions taking the most CPU printed.
 */
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import os from "node:os";
import { Kafka, logLevel, type Admin } from "kafkajs";
import { BOOTSTRAP, busyNeighbours, ensureCluster } from "./lib/cluster";
import { countsSince, describeCounts, installRequestCounter, snapshotCounts, totalOf } from "./lib/request-counter";
import { CLUSTER_ID, migrateBenchDatabase, writeBenchConfig } from "./lib/sluice-config";
import { fmtMs, median, p95 } from "./lib/stats";
import { argv, num } from "./lib/args";

const MINUTES = num("--minutes", 3);
const PROFILE = argv.includes("--profile") ? argv[argv.indexOf("--profile") + 1] : null;
const BASELINE_TICKS = num("--baseline-ticks", 6);
const INTERVAL_MS = num("--interval", 10) * 1000;
const TOPICS = 200;
const PARTITIONS = 25;
const GROUPS = 1_000;
const TOPIC_PREFIX = "bench.sampler.t";
const GROUP_PREFIX = "bench.sampler.g";
const log = (s = "") => console.log(s);
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

// A Sluice config with the bench cluster only; a bench database (migrated) for the sampler's history, lease and health.
writeBenchConfig({ name: "Bench", samplingMs: INTERVAL_MS });
migrateBenchDatabase();
installRequestCounter();
const { MetricsSampler } = await import("@/server/metrics/sampler");
const { evaluateAlerts } = await import("@/server/services/alerts/evaluate");
const { prisma } = await import("@/server/db/prisma");
const { disconnectAll } = await import("@/server/kafka/registry");
const { Admin: ModernAdmin } = await import("@platformatic/kafka");

ensureCluster();
const kafka = new Kafka({ clientId: "bench-sampler", brokers: BOOTSTRAP, logLevel: logLevel.NOTHING });
const admin: Admin = kafka.admin();
await admin.connect();
const brokers = (await admin.describeCluster()).brokers.length;
const RF = Math.min(3, brokers);

// ---- workload
const topics = Array.from({ length: TOPICS }, (_, i) => `${TOPIC_PREFIX}${String(i).padStart(3, "0")}`);
const existing = new Set(await admin.listTopics());
const missing = topics.filter((t) => !existing.has(t));
if (missing.length) {
  const t0 = Date.now();
  // One CreateTopics request for all of them (kafkajs sends the list in one request to the controller).
  await admin.createTopics({
    topics: missing.map((topic) => ({ topic, numPartitions: PARTITIONS, replicationFactor: RF })),
    waitForLeaders: false,
    timeout: 120_000,
  });
  log(
    `created ${missing.length} topics × ${PARTITIONS} partitions (RF ${RF}) in ${((Date.now() - t0) / 1000).toFixed(0)} s`,
  );
}
// Every partition led (thousands of new logs take the broker a while), then 10 records into every empty partition.
for (let i = 0; ; i++) {
  const m = await admin.fetchTopicMetadata({ topics });
  if (m.topics.every((t) => t.partitions.length === PARTITIONS && t.partitions.every((p) => p.leader >= 0))) break;
  if (i > 120) throw new Error("the bench topics have no leaders after 2 minutes");
  await wait(1_000);
}
// A new partition can be in the metadata before its leader serves it (NOT_LEADER_FOR_PARTITION): ask again.
async function endOffsets(topic: string) {
  for (let i = 0; ; i++) {
    try {
      return await admin.fetchTopicOffsets(topic);
    } catch (error) {
      if (i >= 30 || !(error as { retriable?: boolean }).retriable) throw error;
      await wait(1_000);
    }
  }
}
const empty: string[] = [];
for (const topic of topics) if ((await endOffsets(topic)).every((o) => o.high === "0")) empty.push(topic);
if (empty.length) {
  const t0 = Date.now();
  const producer = kafka.producer();
  await producer.connect();
  for (let i = 0; i < empty.length; i += 40) {
    const batch = empty.slice(i, i + 40);
    await producer.sendBatch({
      topicMessages: batch.map((topic) => ({
        topic,
        messages: Array.from({ length: PARTITIONS * 10 }, (_, j) => ({ partition: j % PARTITIONS, value: `r${j}` })),
      })),
    });
  }
  await producer.disconnect();
  log(
    `produced 10 records into each partition of ${empty.length} topics in ${((Date.now() - t0) / 1000).toFixed(0)} s`,
  );
}
const groupIds = Array.from({ length: GROUPS }, (_, i) => `${GROUP_PREFIX}${String(i).padStart(4, "0")}`);
const listed = new Set((await admin.listGroups()).groups.map((g) => g.groupId));
const toCommit = groupIds.filter((g) => !listed.has(g));
if (toCommit.length) {
  const t0 = Date.now();
  // Group i commits on every partition of topic i % 200, at offsets 0..10 (some lag, some caught up).
  const modern = new ModernAdmin({ clientId: "bench-sampler-commit", bootstrapBrokers: BOOTSTRAP, retries: 2 });
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < toCommit.length) {
        const groupId = toCommit[next++];
        const i = Number(groupId.slice(GROUP_PREFIX.length));
        await modern.alterConsumerGroupOffsets({
          groupId,
          topics: [
            {
              name: topics[i % TOPICS],
              partitionOffsets: Array.from({ length: PARTITIONS }, (_, p) => ({
                partition: p,
                offset: BigInt((i + p) % 11),
              })),
            },
          ],
        });
      }
    }),
  );
  await modern.close();
  log(`committed offsets for ${toCommit.length} groups in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}
const md = await admin.fetchTopicMetadata({ topics: [] });
const partitionsTotal = md.topics.filter((t) => !t.name.startsWith("__")).reduce((a, t) => a + t.partitions.length, 0);
const groupsTotal = (await admin.listGroups()).groups.length;
log(
  `cluster: ${BOOTSTRAP.join(",")} (${brokers} broker${brokers === 1 ? "" : "s"}); ${md.topics.length} topics, ${partitionsTotal} partitions (non-internal), ${groupsTotal} groups`,
);
const busy = busyNeighbours();
log(
  `load average ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(" ")}${busy.length ? `; busy neighbours: ${busy.length}` : ""}`,
);

type TickFigures = { ms: number; cpuMs: number; requests: number; counts: ReturnType<typeof countsSince> };

// ---- Sluice's sampler: the real class, its alert evaluation (two rules over the bench groups), history and health.
await prisma.samplerLease.deleteMany({ where: { clusterId: CLUSTER_ID } });
await prisma.alertRule.deleteMany({ where: { clusterId: CLUSTER_ID } });
await prisma.alertRule.createMany({
  data: [
    {
      clusterId: CLUSTER_ID,
      name: "lag",
      kind: "group_lag_seconds",
      params: JSON.stringify({ kind: "group_lag_seconds", group: `${GROUP_PREFIX}*`, thresholdSeconds: 3600 }),
      channels: "[]",
      createdBy: "bench",
    },
    {
      clusterId: CLUSTER_ID,
      name: "health",
      kind: "group_health",
      params: JSON.stringify({
        kind: "group_health",
        group: `${GROUP_PREFIX}*`,
        statuses: ["STALL", "STOP", "REWIND"],
      }),
      channels: "[]",
      createdBy: "bench",
    },
  ],
});
const sampler = new MetricsSampler(CLUSTER_ID, "bench-sampler", INTERVAL_MS);
const evalMs: number[] = [];
sampler.afterTick.add(async (tick, sampled) => {
  if (!sampled) return;
  const t0 = performance.now();
  await evaluateAlerts({ clusterId: CLUSTER_ID, tick, groupDetail: sampler.groupDetail });
  evalMs.push(performance.now() - t0);
});
await sampler.loaded;
const ticks: TickFigures[] = [];
// The steady share is measured from the end of the first (cold) tick: start-up work is not the per-tick cost.
let warm = null as { cpu: NodeJS.CpuUsage; wall: number } | null;
// Wrap the sampler's own tick (the timer calls this.tick() each interval) to time each one that ran.
const inner = sampler as unknown as { tick: () => Promise<void> };
const run = inner.tick.bind(sampler);
inner.tick = async () => {
  const skippedBefore = sampler.skipped;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const r0 = snapshotCounts();
  await run();
  if (sampler.skipped !== skippedBefore) return;
  const c = process.cpuUsage(c0);
  const counts = countsSince(r0);
  ticks.push({ ms: performance.now() - t0, cpuMs: (c.user + c.system) / 1000, requests: totalOf(counts), counts });
  if (ticks.length === 1) {
    warm = { cpu: process.cpuUsage(), wall: performance.now() };
    if (profiler) await profiler.post("Profiler.start");
  }
};
const profiler = PROFILE ? new Session() : null;
if (profiler) {
  profiler.connect();
  await profiler.post("Profiler.enable");
  await profiler.post("Profiler.setSamplingInterval", { interval: 1000 });
}
log(`\nSluice's sampler every ${INTERVAL_MS / 1000} s for ${MINUTES} min ...`);
const cpu0 = process.cpuUsage();
const wall0 = performance.now();
sampler.start();
// CPU share minute by minute: the first minutes carry one-off work (the first alert transitions of 1,000 groups
// stopping at once), the later ones the steady state.
const perMinute: number[] = [];
for (let m = 0; m < MINUTES; m++) {
  const c0 = process.cpuUsage();
  const w0 = performance.now();
  await wait(60_000);
  const c = process.cpuUsage(c0);
  perMinute.push((c.user + c.system) / 1000 / (performance.now() - w0));
}
await sampler.stop();
if (profiler && PROFILE) writeProfile((await profiler.post("Profiler.stop")).profile, PROFILE);
const cpuAll = process.cpuUsage(cpu0);
const wallAll = performance.now() - wall0;
const cpuWarm = process.cpuUsage(warm?.cpu ?? cpu0);
const wallWarm = performance.now() - (warm?.wall ?? wall0);
const sluice = {
  ticks: ticks.slice(1),
  first: ticks[0],
  share: (cpuWarm.user + cpuWarm.system) / 1000 / wallWarm,
  shareAll: (cpuAll.user + cpuAll.system) / 1000 / wallAll,
  overlaps: sampler.skipped,
  failed: sampler.failedTicks,
};

/** Writes the profile and prints the functions with the most self time (what the steady state spends CPU on). */
function writeProfile(profile: import("node:inspector").Profiler.Profile, file: string) {
  writeFileSync(file, JSON.stringify(profile));
  const interval = (profile.endTime - profile.startTime) / Math.max(1, profile.samples?.length ?? 1);
  const hits = new Map<number, number>();
  for (const id of profile.samples ?? []) hits.set(id, (hits.get(id) ?? 0) + 1);
  const self = new Map<string, number>();
  for (const n of profile.nodes) {
    const f = n.callFrame;
    const where = f.url
      ? `${f.url.replace("file://", "").replace(`${process.cwd()}/`, "")}:${f.lineNumber + 1}`
      : "(native)";
    const name = `${f.functionName || "(anonymous)"} ${where}`;
    self.set(name, (self.get(name) ?? 0) + (hits.get(n.id) ?? 0) * interval);
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  log(`\nCPU profile (${file}), self time, top 25 of ${fmtMs(total / 1000)} ms sampled:`);
  for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    log(`  ${fmtMs(us / 1000).padStart(8)} ms  ${((us / total) * 100).toFixed(1).padStart(5)} %  ${name}`);
  }
}

// ---- baseline: a plain kafkajs admin loop reading the same figures, at the same interval.
log(`baseline: a kafkajs admin loop every ${INTERVAL_MS / 1000} s, ${BASELINE_TICKS} ticks ...`);
const base: TickFigures[] = [];
let baseOverlaps = 0;
const baseCpu0 = process.cpuUsage();
const baseWall0 = performance.now();
for (let i = 0; i < BASELINE_TICKS; i++) {
  const due = baseWall0 + i * INTERVAL_MS;
  if (performance.now() < due) await wait(due - performance.now());
  else if (i > 0) baseOverlaps++; // the previous read ran past this tick's start
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const r0 = snapshotCounts();
  const ids = (await admin.listGroups()).groups.map((g) => g.groupId);
  await admin.describeGroups(ids);
  for (const groupId of ids) await admin.fetchOffsets({ groupId });
  const names = (await admin.listTopics()).filter((t) => !t.startsWith("__"));
  for (const topic of names) await admin.fetchTopicOffsets(topic);
  const c = process.cpuUsage(c0);
  const counts = countsSince(r0);
  base.push({ ms: performance.now() - t0, cpuMs: (c.user + c.system) / 1000, requests: totalOf(counts), counts });
}
const baseEnd = Math.max(performance.now(), baseWall0 + BASELINE_TICKS * INTERVAL_MS);
const baseCpuAll = process.cpuUsage(baseCpu0);
const baseShare = (baseCpuAll.user + baseCpuAll.system) / 1000 / (baseEnd - baseWall0);

// ---- report
const row = (name: string, xs: TickFigures[], share: number, overlaps: number) => {
  if (!xs.length) return `| ${name} | 0 | — | — | — | — | — |`;
  const ms = xs.map((x) => x.ms);
  const cpu = xs.map((x) => x.cpuMs);
  return `| ${name} | ${xs.length} | ${fmtMs(median(ms))} / ${fmtMs(p95(ms))} / ${fmtMs(Math.max(...ms))} ms | ${fmtMs(median(cpu))} / ${fmtMs(p95(cpu))} ms | ${(share * 100).toFixed(2)} % | ${overlaps} | ${median(xs.map((x) => x.requests))} |`;
};
log(
  "\n| | ticks | duration median / p95 / max | CPU per tick median / p95 | CPU share of one core | overlapping ticks | Kafka requests per tick |",
);
log("| --- | --- | --- | --- | --- | --- | --- |");
log(row("Sluice sampler (+ alert evaluation, history, health)", sluice.ticks, sluice.share, sluice.overlaps));
log(row("kafkajs admin loop", base, baseShare, baseOverlaps));
log(
  `\nfirst Sluice tick (cold: metadata, coordinators, health restore, first alert transitions): ${fmtMs(sluice.first?.ms ?? NaN)} ms, CPU ${fmtMs(sluice.first?.cpuMs ?? NaN)} ms; failed ticks ${sluice.failed}`,
);
log(
  `CPU share from the end of the first tick: ${(sluice.share * 100).toFixed(2)} % of one core (with the first tick: ${(sluice.shareAll * 100).toFixed(2)} %)`,
);
log(`CPU share minute by minute: ${perMinute.map((x) => `${(x * 100).toFixed(1)} %`).join(", ")}`);
if (perMinute.length >= 4) {
  const late = perMinute.slice(Math.floor(perMinute.length / 2));
  log(
    `CPU share in the second half (steady state): ${((late.reduce((a, b) => a + b, 0) / late.length) * 100).toFixed(2)} %`,
  );
}
log(
  `of which alert evaluation (2 rules over the bench's groups): median ${fmtMs(median(evalMs.slice(1)))} ms, p95 ${fmtMs(p95(evalMs.slice(1)))} ms; read from Kafka (lastTickSeconds) ${fmtMs(sampler.lastTickSeconds * 1000)} ms at the last tick`,
);
log(`Sluice requests per tick: ${describeCounts(sluice.ticks.at(-1)?.counts ?? new Map())}`);
log(`baseline requests per tick: ${describeCounts(base.at(-1)?.counts ?? new Map())}`);
const r = (a: number, b: number) => (b ? (a / b).toFixed(3) : "—");
log(
  `ratios Sluice / baseline: duration ${r(median(sluice.ticks.map((x) => x.ms)), median(base.map((x) => x.ms)))}, CPU per tick ${r(median(sluice.ticks.map((x) => x.cpuMs)), median(base.map((x) => x.cpuMs)))}, requests ${r(median(sluice.ticks.map((x) => x.requests)), median(base.map((x) => x.requests)))}`,
);
log(
  `goal ≤ 5 % of one core at ${INTERVAL_MS / 1000} s: ${sluice.share <= 0.05 ? "met" : "NOT met"} (${(sluice.share * 100).toFixed(2)} %); ticks overlapped: ${sluice.overlaps ? `yes (${sluice.overlaps})` : "never"}`,
);

if (argv.includes("--cleanup")) {
  await admin.deleteGroups(groupIds).catch(() => {});
  await admin.deleteTopics({ topics }).catch(() => {});
}
await prisma.alertRule.deleteMany({ where: { clusterId: CLUSTER_ID } });
await admin.disconnect();
await disconnectAll().catch(() => {});
process.exit(0);
