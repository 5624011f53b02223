/**
 * B4 — Lag for all groups (`npm run bench:lag [-- --groups 2000] [--pairs N] [--cleanup]`).
 * Sluice's per-cluster group snapshot against (a) Kafka's own kafka-consumer-groups (ConsumerGroupCommand
 * --describe --all-groups, JVM start included) and (b) a naive sequential kafkajs loop, on the 3-broker dev
 * cluster, alternating A/B. Every group-partition's lag is checked against the CLI's. A benchmark, not a test:
 * it prints, never fails on a gate. See bench/README.md and shared BENCHMARKS.md B4.
 */
import { execFileSync, spawnSync } from "node:child_process";
import path from "node:path";
import { Kafka, logLevel, type Admin } from "kafkajs";
import { BOOTSTRAP, ensureCluster, stopCluster } from "./lib/cluster";
import { countsSince, describeCounts, installRequestCounter, snapshotCounts } from "./lib/request-counter";
import { CLUSTER_ID, writeBenchConfig } from "./lib/sluice-config";
import { bootstrapRatio, fmtMs, median, p95 } from "./lib/stats";
import { argv, num } from "./lib/args";

const ROOT = path.resolve(import.meta.dirname, "..");
const GROUPS = num("--groups", 200);
const PAIRS = num("--pairs", 5);
const TOPICS = 20;
const PARTITIONS = 6;
const PREFIX = `bench.lag.g${GROUPS}.`;
const TOPIC_PREFIX = "bench.lag.t.";
const RF = Math.min(3, BOOTSTRAP.length);
const log = (s = "") => console.log(s);

installRequestCounter();
writeBenchConfig();
const { getGroupSnapshot, invalidateGroupSnapshot, partitionLag } = await import("@/server/kafka/group-snapshot");
const { listGroups } = await import("@/server/services/groups/list-groups");
const { disconnectAll } = await import("@/server/kafka/registry");
const { Admin: ModernAdmin } = await import("@platformatic/kafka");

const startedCluster = ensureCluster();
const kafka = new Kafka({ clientId: "bench-lag", brokers: BOOTSTRAP, logLevel: logLevel.NOTHING });
const admin: Admin = kafka.admin();
await admin.connect();

// ---- workload: 20 topics × 6 partitions with records; GROUPS groups committing on 1–5 topics (every 5th group
// committed nothing on some partitions: an assigned-but-uncommitted shape is not possible without members, so
// 20% of the groups commit on only half the partitions of their topics).
const topics = Array.from({ length: TOPICS }, (_, i) => `${TOPIC_PREFIX}${String(i).padStart(2, "0")}`);
const existing = new Set(await admin.listTopics());
const missing = topics.filter((t) => !existing.has(t));
if (missing.length) {
  log(`creating ${missing.length} topics and producing 200 records per partition ...`);
  await admin.createTopics({
    topics: missing.map((topic) => ({ topic, numPartitions: PARTITIONS, replicationFactor: RF })),
    waitForLeaders: true,
  });
  const producer = kafka.producer();
  await producer.connect();
  for (const topic of missing) {
    for (let p = 0; p < PARTITIONS; p++) {
      await producer.send({
        topic,
        messages: Array.from({ length: 200 }, (_, i) => ({ partition: p, value: `r${i}` })),
      });
    }
  }
  await producer.disconnect();
}
const groupIds = Array.from({ length: GROUPS }, (_, i) => `${PREFIX}${String(i).padStart(4, "0")}`);
const listed = new Set((await admin.listGroups()).groups.map((g) => g.groupId));
const toCreate = groupIds.filter((g) => !listed.has(g));
if (toCreate.length) {
  log(`committing offsets for ${toCreate.length} groups ...`);
  // One OffsetCommit per group and topic (generation -1: a group without members), as a stopped consumer leaves
  // it; kafkajs's admin.setOffsets joins each group first and takes seconds per call.
  // (@platformatic/kafka's alterConsumerGroupOffsets: generation -1, no join)
  const raw = new ModernAdmin({ clientId: "bench-lag-setup", bootstrapBrokers: BOOTSTRAP, retries: 3 });
  let n = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (n < toCreate.length) {
        const i = groupIds.indexOf(toCreate[n++]);
        const count = 1 + (i % 5);
        for (let k = 0; k < count; k++) {
          const topic = topics[(i * 7 + k * 3) % TOPICS];
          const parts = i % 5 === 0 ? PARTITIONS / 2 : PARTITIONS;
          await raw.alterConsumerGroupOffsets({
            groupId: groupIds[i],
            topics: [
              {
                name: topic,
                partitionOffsets: Array.from({ length: parts }, (_, p) => ({
                  partition: p,
                  offset: BigInt((i * 13 + p * 17) % 200),
                })),
              },
            ],
          });
        }
      }
    }),
  );
  await raw.close();
}
const groupPartitions = groupIds.reduce(
  (n, _, i) => n + (1 + (i % 5)) * (i % 5 === 0 ? PARTITIONS / 2 : PARTITIONS),
  0,
);

// ---- the three ways to get lag for all groups
async function sluice(): Promise<{ ms: number; lags: Map<string, number> }> {
  invalidateGroupSnapshot(CLUSTER_ID);
  const t0 = performance.now();
  const page = await listGroups(CLUSTER_ID, { q: PREFIX, sort: "totalLag", dir: "desc", limit: 50, offset: 0 });
  const ms = performance.now() - t0;
  if (page.total !== GROUPS) throw new Error(`Sluice listed ${page.total} groups, expected ${GROUPS}`);
  const snap = await getGroupSnapshot(CLUSTER_ID);
  const lags = new Map<string, number>();
  for (const g of snap.groups) {
    if (g.groupId.startsWith(PREFIX)) {
      for (const c of g.committed) {
        lags.set(
          `${g.groupId} ${c.topic} ${c.partition}`,
          partitionLag(snap.ends, c.topic, c.partition, c.offset) ?? -1,
        );
      }
    }
  }
  return { ms, lags };
}

/** Warm: the snapshot is fresh (as the background refresh keeps it while someone looks), the page is served from it. */
async function sluiceWarm(): Promise<number> {
  await getGroupSnapshot(CLUSTER_ID);
  const t0 = performance.now();
  const page = await listGroups(CLUSTER_ID, { q: PREFIX, sort: "totalLag", dir: "desc", limit: 50, offset: 0 });
  if (page.total !== GROUPS) throw new Error(`Sluice listed ${page.total} groups, expected ${GROUPS}`);
  return performance.now() - t0;
}

async function naive(): Promise<number> {
  const a = kafka.admin();
  await a.connect();
  const t0 = performance.now();
  const ends = new Map<string, Map<number, number>>();
  for (const groupId of groupIds) {
    const offsets = await a.fetchOffsets({ groupId });
    for (const t of offsets) {
      if (!ends.has(t.topic)) {
        ends.set(t.topic, new Map((await a.fetchTopicOffsets(t.topic)).map((o) => [o.partition, Number(o.high)])));
      }
    }
  }
  const ms = performance.now() - t0;
  await a.disconnect();
  return ms;
}

const toolsLibs = path.join(ROOT, ".data/kafka-tools-libs");
function ensureTools() {
  if (spawnSync("bash", ["-c", `ls ${toolsLibs}/kafka-tools-4.3.1.jar`], { stdio: "ignore" }).status === 0) return;
  log("resolving kafka-tools from Maven Central ...");
  execFileSync(
    "mvn",
    ["-B", "-q", "-f", path.join(ROOT, "bench/kafka-tools/pom.xml"), "dependency:copy-dependencies"],
    { stdio: "inherit" },
  );
}

function cli(): { ms: number; lags: Map<string, number> } {
  const t0 = performance.now();
  const out = execFileSync(
    "java",
    [
      "-cp",
      `${toolsLibs}/*:${path.join(ROOT, ".data/kafka-libs")}/*`,
      "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand",
      "--bootstrap-server",
      BOOTSTRAP.join(","),
      "--describe",
      "--all-groups",
    ],
    {
      maxBuffer: 256 * 2 ** 20,
      stdio: ["ignore", "pipe", "ignore"],
    },
  ).toString();
  const ms = performance.now() - t0;
  const lags = new Map<string, number>();
  for (const line of out.split("\n")) {
    const f = line.trim().split(/\s+/);
    // GROUP TOPIC PARTITION CURRENT-OFFSET LOG-END-OFFSET LAG CONSUMER-ID HOST CLIENT-ID
    if (f.length >= 6 && f[0].startsWith(PREFIX) && /^\d+$/.test(f[2]) && f[3] !== "-") {
      lags.set(`${f[0]} ${f[1]} ${f[2]}`, Number(f[5]));
    }
  }
  return { ms, lags };
}

ensureTools();
log(
  `\nB4: lag for all ${GROUPS} groups (${groupPartitions} group-partitions on ${TOPICS} topics × ${PARTITIONS} partitions, RF ${RF}, ${BOOTSTRAP.length} broker(s))`,
);
await sluice(); // warm-up: connections and metadata
await naive();
const s: number[] = [];
const nv: number[] = [];
const cl: number[] = [];
const warm: number[] = [];
let sluiceLags = new Map<string, number>();
let cliLags = new Map<string, number>();
let requests = "";
for (let i = 0; i < PAIRS; i++) {
  const before = snapshotCounts();
  const r = await sluice();
  if (i === 0) requests = describeCounts(countsSince(before));
  s.push(r.ms);
  sluiceLags = r.lags;
  for (let j = 0; j < 5; j++) warm.push(await sluiceWarm());
  nv.push(await naive());
  const c = cli();
  cl.push(c.ms);
  cliLags = c.lags;
}

let same = 0;
const diffs: string[] = [];
for (const [k, v] of cliLags) {
  if (sluiceLags.get(k) === v) same++;
  else if (diffs.length < 5) diffs.push(`${k}: Sluice ${sluiceLags.get(k)}, CLI ${v}`);
}
const [lo, hi] = bootstrapRatio(nv, s, median);
log(`  requests per Sluice refresh: ${requests}`);
log(
  `  lag values: ${same} of ${cliLags.size} group-partitions equal to kafka-consumer-groups'${sluiceLags.size !== cliLags.size ? ` (Sluice has ${sluiceLags.size})` : ""}${diffs.length ? `; first differences: ${diffs.join("; ")}` : ""}`,
);
log("");
log(
  `  Sluice (cold snapshot + first page of 50 by lag)  median ${fmtMs(median(s))} ms  p95 ${fmtMs(p95(s))} ms   gate ≤ 2000 ms, stretch ≤ 500 ms`,
);
log(
  `  Sluice warm page (fresh snapshot, 50 by lag)     median ${fmtMs(median(warm))} ms  p95 ${fmtMs(p95(warm))} ms   target ≤ 1000 ms`,
);
log(`  naive kafkajs loop (sequential)                    median ${fmtMs(median(nv))} ms  p95 ${fmtMs(p95(nv))} ms`);
log(
  `  kafka-consumer-groups --describe --all-groups      median ${fmtMs(median(cl))} ms  p95 ${fmtMs(p95(cl))} ms   (JVM start included)`,
);
log(
  `  speed-up over the naive loop: ${(median(nv) / median(s)).toFixed(1)}× (95% CI ${lo.toFixed(1)}–${hi.toFixed(1)})   gate ≥ 5×`,
);
log(`  Sluice / CLI wall time: ${(median(s) / median(cl)).toFixed(2)}   gate ≤ 1.0`);

await admin.disconnect();
await disconnectAll();
if (argv.includes("--cleanup")) {
  const a = kafka.admin();
  await a.connect();
  await a.deleteGroups(groupIds).catch(() => {});
  await a.deleteTopics({ topics }).catch(() => {});
  await a.disconnect();
}
if (startedCluster && argv.includes("--stop")) await stopCluster();
process.exit(0);
