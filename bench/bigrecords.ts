/**
 * B6 — Large records and memory (`npm run bench:bigrecords [-- --small N]`).
 * A topic with 200 records of 1 MiB and 20 of 10 MiB among N small 1 KiB records: browse newest 100, open one
 * 10 MiB record, search the whole topic. Reports the Sluice process's peak RSS over idle, bytes per listed
 * record, and a raw kafkajs consumer's RSS growth reading the same records (same process, run first, after GC).
 * Prints, never fails.
 */
import { Kafka, logLevel } from "kafkajs";
import {
  MSG_BOOTSTRAP,
  MSG_CLUSTER_ID,
  rawKafkajsScan,
  sluiceScan,
  writeMessagesBenchConfig,
  closeRouteServer,
} from "./lib/messages";
import { num } from "./lib/args";

const small = num("--small", 20_000);
writeMessagesBenchConfig();
const topic = `bench.bigrecords.${small}`;
const MiB = 2 ** 20;
const gc = () => (globalThis as { gc?: () => void }).gc?.();

const kafka = new Kafka({ clientId: "sluice-bench", brokers: [MSG_BOOTSTRAP], logLevel: logLevel.NOTHING });
const admin = kafka.admin();
await admin.connect();
const have = await admin.fetchTopicOffsets(topic).catch(() => null);
const total = small + 220;
if (!have || have.reduce((n, p) => n + Number(p.high), 0) !== total) {
  if (have) await admin.deleteTopics({ topics: [topic] });
  await admin.createTopics({
    topics: [{ topic, numPartitions: 3, configEntries: [{ name: "max.message.bytes", value: String(16 * MiB) }] }],
    waitForLeaders: true,
  });
  const producer = kafka.producer();
  await producer.connect();
  const filler = (n: number) => Buffer.alloc(n, "abcdefghij");
  for (let i = 0; i < small; i += 2000) {
    await producer.send({
      topic,
      messages: Array.from({ length: Math.min(2000, small - i) }, (_, j) => ({
        key: `s${i + j}`,
        value: filler(1024),
      })),
    });
  }
  for (let i = 0; i < 200; i++) await producer.send({ topic, messages: [{ key: `m${i}`, value: filler(MiB) }] });
  for (let i = 0; i < 20; i++) await producer.send({ topic, messages: [{ key: `big${i}`, value: filler(10 * MiB) }] });
  await producer.disconnect();
  console.error(`  wrote ${total} records to ${topic}`);
}
await admin.disconnect();

gc();
const idle = process.memoryUsage.rss();
let peak = idle;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 50);
const raw = await rawKafkajsScan(topic, total);
const rawPeak = peak - idle;
gc();
await new Promise((r) => setTimeout(r, 500));
const idle2 = process.memoryUsage.rss();
peak = idle2;

const { browseMessages } = await import("@/server/services/messages/browse-messages");
const { getMessage } = await import("@/server/services/messages/get-message");
const { browseQuerySchema } = await import("@/lib/schemas/messages");
const t0 = performance.now();
// Reads as a local admin; the bench cluster has no masking rules, so nothing is audited.
const reader = {
  actor: { id: "bench", name: "bench", email: "bench@sluice.local", roles: { "*": "admin" as const }, teams: [] },
  requestId: "bench",
};
const page = await browseMessages(
  MSG_CLUSTER_ID,
  topic,
  browseQuerySchema.parse({ start: "newest", limit: "100" }),
  reader,
);
const listMs = performance.now() - t0;
const listBytes = Buffer.byteLength(JSON.stringify(page));
const bigOne = page.messages.find((m) => m.value.size >= 10 * MiB)!;
const t1 = performance.now();
const full = await getMessage(
  MSG_CLUSTER_ID,
  topic,
  bigOne.partition,
  BigInt(bigOne.offset),
  { keyFormat: "auto", valueFormat: "auto" },
  reader,
);
const openMs = performance.now() - t1;
const search = await sluiceScan(topic, "start=oldest&q=no-such-text");
clearInterval(sampler);
const oursPeak = Math.max(peak, search.peakRssMB * MiB) - idle2;
const { disconnectAll } = await import("@/server/kafka/registry");
await disconnectAll();
closeRouteServer();

console.log("");
console.log(`raw kafkajs consumer        read ${raw.records} records, RSS growth ${(rawPeak / MiB).toFixed(0)} MB`);
console.log(
  `Sluice newest 100           ${listMs.toFixed(0)} ms, ${(listBytes / page.messages.length / 1024).toFixed(1)} KiB per listed record (largest value ${(Math.max(...page.messages.map((m) => m.value.size)) / MiB).toFixed(0)} MiB, preview ≤ 20 KiB)`,
);
console.log(
  `Sluice open one 10 MiB      ${openMs.toFixed(0)} ms, ${(full.value.text!.length / MiB).toFixed(1)} MiB of text`,
);
console.log(`Sluice search whole topic   ${search.scanned} scanned in ${(search.ms / 1000).toFixed(1)} s`);
console.log(
  `Sluice RSS growth ${(oursPeak / MiB).toFixed(0)} MB (gate ≤ 256 MB); ratio to raw consumer = ${(oursPeak / Math.max(rawPeak, 1)).toFixed(2)} (stretch ≤ 2)`,
);
process.exit(0);
