/**
 * B2 — Server-side search scan (`npm run bench:search [-- --records N]`).
 * The B1 workload with 100 planted matches; filters: (a) substring in the value, (b) CEL on a decoded JSON
 * field, (c) a filter matching nothing. Scan rate from Sluice's own progress counter, normalised by a raw
 * kafkajs consumer scanning the same topic in the same run. Prints, never fails.
 */
import {
  ensureMessagesWorkload,
  rawKafkajsScan,
  sluiceScan,
  writeMessagesBenchConfig,
  type MsgWorkload,
} from "./lib/messages";
import { median } from "./lib/stats";
import { num } from "./lib/args";

const records = num("--records", 200_000);
const runs = num("--runs", 2);
writeMessagesBenchConfig();

const w: MsgWorkload = {
  topic: `bench.search.1024b.${records}`,
  records,
  size: 1024,
  partitions: 12,
  gzip: false,
  planted: 100,
};
console.log(
  `B2 search: ${records} records of 1 KiB, 12 partitions, ${w.planted} planted matches; ${runs} runs per filter`,
);
await ensureMessagesWorkload(w);

const filters = [
  { name: "(a) substring in value", query: "start=oldest&in=value&q=X-42", expect: w.planted },
  {
    name: "(b) CEL value.orderId",
    query: `start=oldest&cel=${encodeURIComponent('value.orderId == "X-42"')}`,
    expect: w.planted,
  },
  { name: "(c) matches nothing", query: "start=oldest&in=value&q=no-such-thing-anywhere", expect: 0 },
];
const rawRates: number[] = [];
const rows: string[] = [];
const ratios: string[] = [];
for (const f of filters) {
  const res = [];
  for (let i = 0; i < runs; i++) {
    const raw = await rawKafkajsScan(w.topic, records);
    rawRates.push(raw.records / (raw.ms / 1000));
    res.push(await sluiceScan(w.topic, f.query));
  }
  const scanRate = median(res.map((r) => r.scanned / (r.ms / 1000)));
  const rawRate = median(rawRates);
  const last = res.at(-1)!;
  const ok =
    last.scanned === records && last.matched === f.expect
      ? "ok"
      : `! scanned ${last.scanned}/${records}, matched ${last.matched}/${f.expect}`;
  rows.push(
    `${f.name.padEnd(26)} ${Math.round(scanRate).toLocaleString("en").padStart(9)} rec/s scanned, first match ${Number.isNaN(last.ttfrMs) ? "—" : `${Math.round(last.ttfrMs)} ms`}, longest progress gap ${Math.round(last.progressGapMaxMs)} ms, peak RSS ${Math.round(last.peakRssMB)} MB, ${ok}`,
  );
  ratios.push(`${f.name}: ${(scanRate / rawRate).toFixed(2)}`);
}
const { disconnectAll } = await import("@/server/kafka/registry");
(await import("./lib/messages")).closeRouteServer();
await disconnectAll();
console.log("");
console.log(`raw kafkajs consumer (A)   ${Math.round(median(rawRates)).toLocaleString("en").padStart(9)} rec/s`);
for (const r of rows) console.log(r);
console.log(`ratio scan / raw kafkajs = ${ratios.join("; ")} (gate ≥ 0.6 for a and b)`);
process.exit(0);
