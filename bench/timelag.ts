/**
 * B7 — Lag in seconds: accuracy (`npm run bench:timelag [-- --seconds 90]`).
 * A 6-partition topic gets 500 records/s; a group's committed offsets follow at 80% of that (so its lag in time
 * grows steadily); an idle topic's group is caught up. Every 5 s Sluice's estimate (the Kafka Lag Exporter
 * method over its sampled end offsets, as the list and group pages show it) is compared with the ground truth,
 * now − the timestamp of the record at the committed offset, read from the broker (Sluice's exact mode). The same
 * estimator fed at Kafka Lag Exporter's default 30 s poll runs alongside as the baseline. Prints, never fails.
 */
import { Kafka, logLevel } from "kafkajs";
import { BOOTSTRAP, ensureCluster } from "./lib/cluster";
import { CLUSTER_ID, writeBenchConfig } from "./lib/sluice-config";
import { median, p95 } from "./lib/stats";
import { num } from "./lib/args";

const SECONDS = num("--seconds", 90);
const RATE = 500;
const PARTITIONS = 6;
const TICK_MS = 5_000;
const KLE_POLL_MS = 30_000;
const log = (s = "") => console.log(s);

process.env.SLUICE_GROUP_SAMPLE_SPACING_MS = "1000";
writeBenchConfig();
const { getGroupSnapshot, invalidateGroupSnapshot } = await import("@/server/kafka/group-snapshot");
const { assessGroup, partitionKey } = await import("@/server/kafka/group-history");
const { getLagSeconds } = await import("@/server/services/groups/get-lag-seconds");
const { estimateLagSeconds } = await import("@/lib/groups/health");
const { disconnectAll } = await import("@/server/kafka/registry");

ensureCluster();
const run = Date.now().toString(36);
const steady = `bench.timelag.steady.${run}`;
const idle = `bench.timelag.idle.${run}`;
const slowGroup = `bench.timelag.slow.${run}`;
const idleGroup = `bench.timelag.idle.${run}`;
const kafka = new Kafka({ clientId: "bench-timelag", brokers: BOOTSTRAP, logLevel: logLevel.NOTHING });
const admin = kafka.admin();
await admin.connect();
await admin.createTopics({
  topics: [
    { topic: steady, numPartitions: PARTITIONS, replicationFactor: 3 },
    { topic: idle, numPartitions: 1, replicationFactor: 3 },
  ],
  waitForLeaders: true,
});
const producer = kafka.producer();
await producer.connect();
await producer.send({ topic: idle, messages: Array.from({ length: 100 }, (_, i) => ({ value: `i${i}` })) });
await admin.setOffsets({ groupId: idleGroup, topic: idle, partitions: [{ partition: 0, offset: "100" }] });

// Produce RATE/s spread over the partitions, and commit at 80% of what was produced (per partition).
const produced = new Array(PARTITIONS).fill(0);
const committed = new Array(PARTITIONS).fill(0);
let producing = true;
const producerLoop = (async () => {
  while (producing) {
    const t = Date.now();
    const batch = RATE / 10;
    await producer.send({
      topic: steady,
      messages: Array.from({ length: batch }, (_, i) => ({ partition: i % PARTITIONS, value: `v${t}` })),
    });
    for (let i = 0; i < batch; i++) produced[i % PARTITIONS]++;
    await new Promise((r) => setTimeout(r, Math.max(0, 100 - (Date.now() - t))));
  }
})();
const commitLoop = setInterval(() => {
  for (let p = 0; p < PARTITIONS; p++) committed[p] = Math.floor(produced[p] * 0.8);
  void admin
    .setOffsets({
      groupId: slowGroup,
      topic: steady,
      partitions: committed.map((o, partition) => ({ partition, offset: String(o) })),
    })
    .catch(() => {});
}, 1000);

// Kafka Lag Exporter's cadence: end offsets sampled every 30 s into its own table.
const klePoints = new Map<number, { t: number; end: number }[]>();
async function kleSample() {
  const offs = await admin.fetchTopicOffsets(steady);
  for (const o of offs) {
    const pts = klePoints.get(o.partition) ?? [];
    pts.push({ t: Date.now(), end: Number(o.high) });
    klePoints.set(o.partition, pts);
  }
}
await kleSample();
const kleTimer = setInterval(() => void kleSample(), KLE_POLL_MS);

const errSluice: number[] = [];
const errKle: number[] = [];
const idleShown: number[] = [];
const started = Date.now();
log(
  `B7: ${SECONDS} s of ${RATE} records/s on ${PARTITIONS} partitions, group at 80%; estimates every ${TICK_MS / 1000} s`,
);
await new Promise((r) => setTimeout(r, TICK_MS));
while (Date.now() - started < SECONDS * 1000) {
  const t0 = Date.now();
  invalidateGroupSnapshot(CLUSTER_ID);
  const snap = await getGroupSnapshot(CLUSTER_ID);
  const now = Date.now();
  const truth = await getLagSeconds(CLUSTER_ID, slowGroup);
  const g = snap.groups.find((x) => x.groupId === slowGroup);
  const ig = snap.groups.find((x) => x.groupId === idleGroup);
  if (g && ig) {
    const est = assessGroup(CLUSTER_ID, slowGroup, g.committed, new Set(), now);
    for (const p of truth.partitions) {
      if (p.lagSeconds === null || Date.now() - started < 15_000) continue; // let the sampled history build up first
      const mine = est.partitions.get(partitionKey(p.topic, p.partition))?.lagSeconds;
      if (mine !== null && mine !== undefined) errSluice.push(Math.abs(mine - p.lagSeconds));
      const kle = estimateLagSeconds(klePoints.get(p.partition) ?? [], Number(p.committedOffset), now);
      if (kle) errKle.push(Math.abs(kle.seconds - p.lagSeconds));
    }
    idleShown.push(assessGroup(CLUSTER_ID, idleGroup, ig.committed, new Set(), now).maxLagSeconds ?? -1);
    const worst = Math.max(...truth.partitions.map((p) => p.lagSeconds ?? 0));
    process.stdout.write(
      `  t=${Math.round((now - started) / 1000)} s  true lag ≈ ${worst.toFixed(1)} s  Sluice ≈ ${(est.maxLagSeconds ?? NaN).toFixed(1)} s\n`,
    );
  }
  await new Promise((r) => setTimeout(r, Math.max(0, TICK_MS - (Date.now() - t0))));
}
producing = false;
clearInterval(commitLoop);
clearInterval(kleTimer);
await producerLoop;
await producer.disconnect();
await admin.deleteGroups([slowGroup, idleGroup]).catch(() => {});
await admin.deleteTopics({ topics: [steady, idle] }).catch(() => {});
await admin.disconnect();
await disconnectAll();

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
log("");
log(
  `  Sluice (sampled every ${TICK_MS / 1000} s)   mean |error| ${mean(errSluice).toFixed(2)} s   median ${median(errSluice).toFixed(2)} s   p95 ${p95(errSluice).toFixed(2)} s   (${errSluice.length} partition readings)   gate mean ≤ 5 s, stretch ≤ 2 s / p95 ≤ 5 s`,
);
log(
  `  same estimator at KLE's 30 s poll  mean |error| ${mean(errKle).toFixed(2)} s   median ${median(errKle).toFixed(2)} s   p95 ${p95(errKle).toFixed(2)} s`,
);
log(`  idle caught-up group shown as: ${[...new Set(idleShown.map((s) => `${s} s`))].join(", ")}   gate 0 s`);
log(`  error ratio Sluice / KLE-cadence: ${(mean(errSluice) / mean(errKle)).toFixed(2)}`);
process.exit(0);
