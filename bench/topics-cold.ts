/**
 * Child process for the B3 cold measurement: a fresh process doing its first topic page, end to end including
 * connecting. argv: sluice|kafkajs <q>. Prints one line `RESULT {json}`. Modules are loaded before the clock
 * starts (their load time is reported apart as importMs).
 */
import { Kafka, logLevel } from "kafkajs";
import { listTopics } from "@/server/services/topics/list-topics";
import { disconnectAll } from "@/server/kafka/registry";
import { baselinePage, baselineRetries } from "./lib/baseline";
import { BOOTSTRAP } from "./lib/cluster";
import {
  countsSince,
  describeCounts,
  describeSlowest,
  installRequestCounter,
  snapshotCounts,
  totalOf,
} from "./lib/request-counter";
import { pageQuery, CLUSTER_ID } from "./lib/sluice-config";
import { RssSampler } from "./lib/stats";

const importMs = performance.now(); // since process start
const [mode, q] = process.argv.slice(2);
installRequestCounter();
const rss = new RssSampler();
const before = snapshotCounts();
const t0 = performance.now();
let items = 0;
let error: string | undefined;
try {
  if (mode === "sluice") {
    const page = await listTopics(CLUSTER_ID, pageQuery(q));
    items = page.items.length;
  } else {
    const admin = new Kafka({ clientId: "bench-baseline", brokers: BOOTSTRAP, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    items = (await baselinePage(admin, q)).items.length;
    await admin.disconnect();
  }
} catch (e) {
  error = `${(e as Error).name}: ${(e as Error).message}`;
}
const ms = performance.now() - t0;
rss.sample();
const c = countsSince(before);
console.log(
  `RESULT ${JSON.stringify({ mode, ms, error, importMs, items, requests: totalOf(c), detail: describeCounts(c), slowest: describeSlowest(), retries: baselineRetries, peakRss: rss.peak })}`,
);
if (mode === "sluice") await disconnectAll();
process.exit(0);
