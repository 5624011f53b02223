/**
 * B5 — Live tail latency and tab limits (`npm run bench:tail [-- --rate 1000] [--seconds 20] [--tabs 8]`).
 * A producer writes 1 KiB records at a fixed rate to 6 partitions (timestamp = send time). Headless Chromium
 * tails the topic through Sluice's shared stream worker (the path the UI uses) in one tab, then in N tabs at
 * once; a raw kafkajs consumer measures the same records in the same run. Latency = receive time − record
 * timestamp. Prints, never fails.
 */
import { execFileSync } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { Readable } from "node:stream";
import { chromium } from "@playwright/test";
import { deleteGroup, kafka, MSG_CLUSTER_ID, writeMessagesBenchConfig } from "./lib/messages";
import { streamWorkerScript } from "../dev/stream-worker.mjs";
import { quantile } from "./lib/stats";
import { num } from "./lib/args";

const RATE = num("--rate", 1000);
const SECONDS = num("--seconds", 20);
const TABS = num("--tabs", 8);
writeMessagesBenchConfig();
const ROOT = path.resolve(import.meta.dirname, "..");

const topic = `bench.tail.${Date.now().toString(36)}`;
const admin = kafka().admin();
await admin.connect();
await admin.createTopics({ topics: [{ topic, numPartitions: 6 }], waitForLeaders: true });

// Sluice's routes served from this process (as `next start` would), plus the worker (built from its TypeScript
// source, as `next build` does) and a bare page.
const workerScript = streamWorkerScript();
// The streams need a signed-in user: a bench database (migrated), an admin signed in through the real sign-in route.
process.env.DATABASE_URL ??= "file:./.data/bench.db";
execFileSync("node", ["dev/migrate.mjs", "deploy"], {
  cwd: ROOT,
  stdio: "ignore",
  env: process.env,
});
const { sluiceAdmin } = await import("../test/auth");
const cookie = (await sluiceAdmin()).cookie;
const { GET: mux } = await import("@/app/api/streams/route");
const page = `<!doctype html><html><body><script>
window.lat = []; window.records = 0; window.firstEventMs = null; window.longTasks = 0; window.status = "";
new PerformanceObserver((l) => { window.longTasks += l.getEntries().length; }).observe({ entryTypes: ["longtask"] });
const started = performance.now();
const w = new SharedWorker("/sluice-stream-worker.js", { name: "sluice-streams" });
w.port.onmessage = (e) => {
  const m = e.data;
  if (m.type === "status") { window.status = m.status.state; return; }
  if (window.firstEventMs === null) window.firstEventMs = performance.now() - started;
  if (m.event !== "messages") return;
  const now = Date.now();
  for (const r of JSON.parse(m.data).messages) { window.lat.push(now - r.timestamp); window.records++; }
};
w.port.start();
w.port.postMessage({ type: "subscribe", key: "bench-" + Math.random().toString(36).slice(2), url: "/api/clusters/${MSG_CLUSTER_ID}/topics/${topic}/messages/stream?start=end&follow=true" });
</script></body></html>`;
const server = http.createServer(async (req, res) => {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  if (url.pathname === "/sluice-stream-worker.js") {
    return void res.writeHead(200, { "content-type": "text/javascript" }).end(workerScript);
  }
  if (url.pathname === "/tail.html") return void res.writeHead(200, { "content-type": "text/html" }).end(page);
  if (url.pathname !== "/api/streams") return void res.writeHead(404).end();
  const abort = new AbortController();
  res.on("close", () => abort.abort());
  const headers = new Headers(
    Object.entries(req.headers).flatMap(([k, v]) => (typeof v === "string" ? [[k, v] as [string, string]] : [])),
  );
  headers.set("cookie", cookie);
  const response = await mux(new Request(url, { signal: abort.signal, headers }), { params: Promise.resolve({}) });
  res.writeHead(response.status, Object.fromEntries(response.headers));
  if (response.body) Readable.fromWeb(response.body as never).pipe(res);
  else res.end();
});
await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;

// Baseline: a raw kafkajs consumer on the same topic.
const groupId = `sluice-bench-tail-${Date.now()}`;
const consumer = kafka().consumer({ groupId, maxWaitTimeInMs: 100 });
await consumer.connect();
await consumer.subscribe({ topic, fromBeginning: false });
const rawLat: number[] = [];
let rawOn = false;
await consumer.run({
  eachBatch: async ({ batch }) => {
    const now = Date.now();
    if (rawOn) for (const m of batch.messages) rawLat.push(now - Number(m.timestamp));
  },
});
await new Promise((r) => setTimeout(r, 4000)); // group join

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
const context = await browser.newContext();
const producer = kafka().producer();
await producer.connect();
const value = "x".repeat(1000);

async function produceFor(seconds: number): Promise<number> {
  let sent = 0;
  const perTick = Math.max(1, Math.round(RATE / 100));
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    const tick = Date.now();
    await producer.send({
      topic,
      acks: 1,
      messages: Array.from({ length: perTick }, (_, i) => ({
        key: `k${sent + i}`,
        value,
        timestamp: String(Date.now()),
      })),
    });
    sent += perTick;
    const wait = 10 - (Date.now() - tick);
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }
  return sent;
}

async function scenario(tabs: number) {
  const pages = [];
  for (let i = 0; i < tabs; i++) {
    const p = await context.newPage();
    await p.goto(`${base}/tail.html`);
    pages.push(p);
  }
  await new Promise((r) => setTimeout(r, 2000)); // streams positioned at the end
  rawLat.length = 0;
  rawOn = true;
  const rssBefore = process.memoryUsage.rss();
  const sent = await produceFor(SECONDS);
  await new Promise((r) => setTimeout(r, 2000));
  rawOn = false;
  const results = await Promise.all(
    pages.map((p) =>
      p.evaluate(() => ({
        lat: (window as never as { lat: number[] }).lat,
        records: (window as never as { records: number }).records,
        first: (window as never as { firstEventMs: number }).firstEventMs,
        longTasks: (window as never as { longTasks: number }).longTasks,
      })),
    ),
  );
  const rssAfter = process.memoryUsage.rss();
  for (const p of pages) await p.close();
  await new Promise((r) => setTimeout(r, 500));
  return { sent, results, rss: (rssAfter - rssBefore) / 2 ** 20 };
}

const one = await scenario(1);
const many = await scenario(TABS);
await browser.close();
await producer.disconnect();
await consumer.disconnect();
await deleteGroup(groupId);
await admin.deleteTopics({ topics: [topic] });
await admin.disconnect();
server.close();
const { disconnectAll } = await import("@/server/kafka/registry");
await disconnectAll();

const p = (xs: number[], q: number) => Math.round(quantile(xs, q));
const ours = one.results[0];
console.log("");
console.log(`rate ${RATE} msg/s × ${SECONDS} s, 1 KiB records, 6 partitions; ${one.sent} sent`);
console.log(`raw kafkajs consumer        latency p50 ${p(rawLat, 0.5)} ms, p99 ${p(rawLat, 0.99)} ms`);
console.log(
  `Sluice tail, 1 tab          latency p50 ${p(ours.lat, 0.5)} ms, p99 ${p(ours.lat, 0.99)} ms; ${ours.records}/${one.sent} delivered; first event ${Math.round(ours.first)} ms after subscribing; long tasks ${ours.longTasks}`,
);
const streaming = many.results.filter((r) => r.records >= many.sent * 0.99).length;
const all = many.results.flatMap((r) => r.lat);
console.log(
  `Sluice tail, ${TABS} tabs         ${streaming}/${TABS} tabs received ≥ 99 % of ${many.sent}; latency p50 ${p(all, 0.5)} ms, p99 ${p(all, 0.99)} ms; server RSS change ${many.rss.toFixed(0)} MB`,
);
console.log(
  `added latency p50 = ${p(ours.lat, 0.5) - p(rawLat, 0.5)} ms, p99 = ${p(ours.lat, 0.99) - p(rawLat, 0.99)} ms (gate p50 ≤ 150, p99 ≤ 500; stretch 50 / 150)`,
);
process.exit(0);
