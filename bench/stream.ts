/**
 * Live metrics fan-out (`npm run bench:stream [-- --subscribers 200] [--seconds 120] [--topics 100] [--groups 100]`).
 * One cluster with topics × 10 partitions and groups with commits; N SSE subscribers (a separate process) on the
 * cluster stream for the duration. Prints sampler ticks on time vs expected, metrics events per subscriber,
 * server RSS growth and the server's CPU share, then the ratio last. Prints, never fails.
 */
import { spawn } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { Readable } from "node:stream";
import { kafka, MSG_CLUSTER_ID, writeMessagesBenchConfig } from "./lib/messages";
import { num } from "./lib/args";

const SUBSCRIBERS = num("--subscribers", 200);
const SECONDS = num("--seconds", 120);
const TOPICS = num("--topics", 100);
const GROUPS = num("--groups", 100);
const INTERVAL_MS = 5000;
writeMessagesBenchConfig();

const admin = kafka().admin();
await admin.connect();
const names = Array.from({ length: TOPICS }, (_, i) => `bench.stream.t${String(i).padStart(3, "0")}`);
const existing = new Set(await admin.listTopics());
const missing = names.filter((n) => !existing.has(n));
if (missing.length) {
  await admin.createTopics({ topics: missing.map((topic) => ({ topic, numPartitions: 10 })), waitForLeaders: true });
}
// Groups with a committed offset each; kafkajs's setOffsets takes seconds per group, so only missing ones, 10 at a time.
const haveGroups = new Set((await admin.listGroups()).groups.map((g) => g.groupId));
const wantGroups = Array.from({ length: GROUPS }, (_, i) => ({
  groupId: `bench.stream.g${String(i).padStart(3, "0")}`,
  topic: names[i % TOPICS],
})).filter((g) => !haveGroups.has(g.groupId));
for (let i = 0; i < wantGroups.length; i += 10) {
  await Promise.all(
    wantGroups
      .slice(i, i + 10)
      .map((g) =>
        admin
          .setOffsets({ groupId: g.groupId, topic: g.topic, partitions: [{ partition: 0, offset: "0" }] })
          .catch(() => {}),
      ),
  );
}
await admin.disconnect();
console.log(
  `bench:stream: ${TOPICS} topics × 10 partitions, ${GROUPS} groups, ${SUBSCRIBERS} subscribers for ${SECONDS} s, sampler every ${INTERVAL_MS / 1000} s`,
);

const { GET } = await import("@/app/api/clusters/[clusterId]/metrics/stream/route");
const { samplerFor } = await import("@/server/metrics/sampler");
const server = http.createServer(async (req, res) => {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  const abort = new AbortController();
  res.on("close", () => abort.abort());
  const response = await GET(new Request(url, { signal: abort.signal }), {
    params: Promise.resolve({ clusterId: MSG_CLUSTER_ID }),
  });
  res.writeHead(response.status, Object.fromEntries(response.headers));
  if (response.body) Readable.fromWeb(response.body as never).pipe(res);
  else res.end();
});
await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/api/clusters/${MSG_CLUSTER_ID}/metrics/stream`;

global.gc?.();
const rssBefore = process.memoryUsage.rss();
let rssPeak = rssBefore;
const rssTimer = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage.rss())), 500);
const cpuBefore = process.cpuUsage();
const started = performance.now();
const child = spawn(
  process.execPath,
  [path.join(import.meta.dirname, "lib/sse-subscribers.mjs"), url, String(SUBSCRIBERS)],
  { stdio: ["ignore", "pipe", "inherit"] },
);
let out = "";
child.stdout.on("data", (d) => (out += d));
// RSS is compared from the end of a 10 s warm-up (connections, first ticks) to the end: flat means no leak.
await new Promise((r) => setTimeout(r, 10_000));
const rssWarm = process.memoryUsage.rss();
rssPeak = rssWarm;
await new Promise((r) => setTimeout(r, Math.max(0, SECONDS * 1000 - 10_000)));
const rssEnd = process.memoryUsage.rss();
const sampler = samplerFor(MSG_CLUSTER_ID);
const ticks = sampler.history.filter((t) => t.t >= Date.now() - SECONDS * 1000);
child.kill("SIGTERM");
await new Promise((r) => child.on("exit", r));
const wall = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
clearInterval(rssTimer);
server.close();
const { disconnectAll } = await import("@/server/kafka/registry");
await disconnectAll();

const { counts, failed } = JSON.parse(out.trim() || '{"counts":[],"failed":0}') as { counts: number[]; failed: number };
const expected = Math.floor(SECONDS / (INTERVAL_MS / 1000));
const minEvents = Math.min(...counts);
const maxEvents = Math.max(...counts);
const okTicks = ticks.filter((t) => t.ok).length;
console.log("");
console.log(
  `sampler ticks     ${ticks.length} in ${SECONDS} s (expected ~${expected}), ${okTicks} ok, ${sampler.skipped} skipped as overrun`,
);
console.log(
  `subscribers       ${counts.length} connected, ${failed} failed; metrics events per subscriber min ${minEvents}, max ${maxEvents}`,
);
console.log(
  `server RSS        ${(rssBefore / 2 ** 20).toFixed(0)} MB idle, ${(rssWarm / 2 ** 20).toFixed(0)} MB after warm-up, ${(rssEnd / 2 ** 20).toFixed(0)} MB at the end, peak ${(rssPeak / 2 ** 20).toFixed(0)} MB (change after warm-up ${((rssEnd - rssWarm) / 2 ** 20).toFixed(0)} MB, target ±50 MB)`,
);
console.log(
  `server CPU        ${(((cpu.user + cpu.system) / 1000 / wall) * 100).toFixed(1)} % of one core (sampler + SSE fan-out; target ≤ 10 %)`,
);
console.log(
  `ratio events delivered / ticks = ${(minEvents / Math.max(1, ticks.length)).toFixed(2)} (1.00 = every subscriber got every tick)`,
);
process.exit(0);
