/**
 * Alert latency (`npm run bench:alertlatency [-- --trials 3] [--interval 10] [--threshold 10] [--for 10]`), issue #15:
 * from a real consumer stopping to the webhook receiving the notification. A producer writes 20 records/s into a
 * topic; a kafkajs consumer reads it and commits every second; a `group_lag_seconds` rule (threshold T s, hold F s)
 * with a webhook channel watches the consumers' groups. Sluice's real sampler (at the interval), alert evaluation
 * and outbox worker run as the server runs them; an HTTP server started here is the webhook receiver. Per trial a
 * consumer (new group) warms up for 3 intervals, stops, and the time to the webhook's "firing" is taken.
 * The condition (lag above T s) can hold no earlier than T s after the stop, so the bound is
 * T + F + 2 sampling intervals (the issue's "2 sampling intervals + the rule's for-duration", once the lag passed T).
 * Cluster: the 3-broker dev cluster (bench/lib/cluster.ts), or BENCH_BOOTSTRAP. A benchmark: it prints, never fails.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Kafka, logLevel } from "kafkajs";
import { BOOTSTRAP, ensureCluster } from "./lib/cluster";
import { CLUSTER_ID, migrateBenchDatabase, writeBenchConfig } from "./lib/sluice-config";
import { fmtMs, median } from "./lib/stats";
import { num } from "./lib/args";

const TRIALS = num("--trials", 3);
const INTERVAL_MS = num("--interval", 10) * 1000;
const THRESHOLD_S = num("--threshold", 10);
const FOR_S = num("--for", 10);
const run = Date.now().toString(36);
const topic = `bench.alertlat.${run}`;
const groupPrefix = `bench.alertlat.${run}.g`;
const log = (s = "") => console.log(s);
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

// A Sluice config with the bench cluster only; a bench database (migrated) for the sampler's history, lease and health.
writeBenchConfig({ name: "Bench", samplingMs: INTERVAL_MS });
migrateBenchDatabase();
const { MetricsSampler } = await import("@/server/metrics/sampler");
const { evaluateAlerts } = await import("@/server/services/alerts/evaluate");
const { startOutbox } = await import("@/server/services/alerts/outbox");
const { prisma } = await import("@/server/db/prisma");
const { disconnectAll } = await import("@/server/kafka/registry");

ensureCluster();
// The webhook receiver: when each group's "firing" arrived.
const firedAt = new Map<string, number>();
const receiver = createServer((req, res) => {
  let body = "";
  req.on("data", (d) => (body += d));
  req.on("end", () => {
    const p = JSON.parse(body) as { state: string; subject: string };
    if (p.state === "firing" && !firedAt.has(p.subject)) firedAt.set(p.subject, Date.now());
    res.writeHead(200).end();
  });
});
await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;

const kafka = new Kafka({ clientId: "bench-alertlat", brokers: BOOTSTRAP, logLevel: logLevel.NOTHING });
const admin = kafka.admin();
await admin.connect();
await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
const producer = kafka.producer();
await producer.connect();
let producing = true;
const produceLoop = (async () => {
  while (producing) {
    await producer.send({ topic, messages: [{ value: "a" }, { value: "b" }] }).catch(() => {});
    await wait(100);
  }
})();

await prisma.samplerLease.deleteMany({ where: { clusterId: CLUSTER_ID } });
await prisma.alertRule.deleteMany({ where: { clusterId: CLUSTER_ID } });
await prisma.alertRule.create({
  data: {
    clusterId: CLUSTER_ID,
    name: "consumer behind",
    kind: "group_lag_seconds",
    params: JSON.stringify({ kind: "group_lag_seconds", group: `${groupPrefix}*`, thresholdSeconds: THRESHOLD_S }),
    forSeconds: FOR_S,
    channels: JSON.stringify([{ type: "webhook", url }]),
    createdBy: "bench",
  },
});
const sampler = new MetricsSampler(CLUSTER_ID, "bench-alertlat", INTERVAL_MS);
sampler.afterTick.add((tick, sampled) =>
  sampled ? evaluateAlerts({ clusterId: CLUSTER_ID, tick, groupDetail: sampler.groupDetail }) : undefined,
);
startOutbox();
sampler.start();

const bound = THRESHOLD_S * 1000 + FOR_S * 1000 + 2 * INTERVAL_MS;
log(
  `interval ${INTERVAL_MS / 1000} s, rule: lag above ${THRESHOLD_S} s held ${FOR_S} s; bound T + F + 2 intervals = ${bound / 1000} s`,
);
const latencies: number[] = [];
for (let i = 0; i < TRIALS; i++) {
  const groupId = `${groupPrefix}${i}`;
  const consumer = kafka.consumer({ groupId, sessionTimeout: 10_000 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: false });
  await consumer.run({ autoCommitInterval: 1_000, eachMessage: async () => {} });
  await wait(3 * INTERVAL_MS); // the sampler sees it consuming for a few ticks
  const stoppedAt = Date.now();
  await consumer.disconnect();
  const deadline = stoppedAt + bound * 3;
  while (!firedAt.has(groupId) && Date.now() < deadline) await wait(100);
  const ms = (firedAt.get(groupId) ?? NaN) - stoppedAt;
  latencies.push(ms);
  log(
    `trial ${i + 1}: consumer stopped → webhook "firing" in ${fmtMs(ms / 1000)} s (after the lag passed ${THRESHOLD_S} s: ${fmtMs((ms - THRESHOLD_S * 1000) / 1000)} s; bound ${(bound - THRESHOLD_S * 1000) / 1000} s)`,
  );
}
const ok = latencies.filter((x) => !Number.isNaN(x));
log(
  `\nmedian ${fmtMs(median(ok) / 1000)} s, max ${fmtMs(Math.max(...ok) / 1000)} s; bound ${bound / 1000} s: ${ok.length === TRIALS && Math.max(...ok) <= bound ? "met" : "NOT met"}`,
);

producing = false;
await produceLoop;
await sampler.stop();
await producer.disconnect();
await prisma.alertRule.deleteMany({ where: { clusterId: CLUSTER_ID } });
await admin.deleteGroups(Array.from({ length: TRIALS }, (_, i) => `${groupPrefix}${i}`)).catch(() => {});
await admin.deleteTopics({ topics: [topic] }).catch(() => {});
await admin.disconnect();
await disconnectAll().catch(() => {});
receiver.close();
process.exit(0);
