/**
 * B1 — Browse throughput (`npm run bench:browse [-- --records N] [--size B] [--gzip] [--runs N]`).
 * A full oldest-first scan through Sluice's message stream (parsed as SSE, every record counted) against a raw
 * kafkajs consumer (baseline A) and kcat (reference) on the same topic in the same run. Prints, never fails.
 */
import {
  ensureMessagesWorkload,
  kcatScan,
  rawKafkajsScan,
  sluiceScan,
  writeMessagesBenchConfig,
  type MsgWorkload,
} from "./lib/messages";
import { median } from "./lib/stats";
import { argv, num } from "./lib/args";

const records = num("--records", 200_000);
const size = num("--size", 1024);
const gzip = argv.includes("--gzip");
const runs = num("--runs", 3);
writeMessagesBenchConfig();

const w: MsgWorkload = {
  topic: `bench.browse.${size}b.${records}${gzip ? ".gzip" : ""}`,
  records,
  size,
  partitions: 12,
  gzip,
  planted: 0,
};
console.log(
  `B1 browse: ${records} records of ${size} B, 12 partitions${gzip ? ", gzip" : ""}; ${runs} alternating runs`,
);
await ensureMessagesWorkload(w);

const ours: Awaited<ReturnType<typeof sluiceScan>>[] = [];
const raw: Awaited<ReturnType<typeof rawKafkajsScan>>[] = [];
for (let i = 0; i < runs; i++) {
  raw.push(await rawKafkajsScan(w.topic, records));
  ours.push(await sluiceScan(w.topic, "start=oldest"));
  if (ours.at(-1)!.records !== records) {
    console.log(`  ! Sluice delivered ${ours.at(-1)!.records} of ${records} records`);
  }
}
const kcat = kcatScan(w.topic);
const rate = (n: number, ms: number) => n / (ms / 1000);
const oursRate = median(ours.map((r) => rate(r.records, r.ms)));
const rawRate = median(raw.map((r) => rate(r.records, r.ms)));
const { disconnectAll } = await import("@/server/kafka/registry");
(await import("./lib/messages")).closeRouteServer();
await disconnectAll();

console.log("");
console.log(`kcat (reference)            ${Math.round(rate(kcat.records, kcat.ms)).toLocaleString("en")} rec/s`);
console.log(
  `raw kafkajs consumer (A)    ${Math.round(rawRate).toLocaleString("en")} rec/s, TTFR p50 ${Math.round(median(raw.map((r) => r.ttfrMs)))} ms (group join)`,
);
console.log(
  `Sluice stream, SSE parsed   ${Math.round(oursRate).toLocaleString("en")} rec/s, TTFR p50 ${Math.round(median(ours.map((r) => r.ttfrMs)))} ms`,
);
console.log(
  `Sluice event-loop delay p99 ${median(ours.map((r) => r.loopP99Ms)).toFixed(0)} ms, peak RSS ${Math.max(...ours.map((r) => r.peakRssMB)).toFixed(0)} MB`,
);
console.log(`ratio Sluice / raw kafkajs = ${(oursRate / rawRate).toFixed(2)} (gate ≥ 0.5, stretch ≥ 0.8)`);
process.exit(0);
