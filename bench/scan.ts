/**
 * `npm run bench:scan [-- --records N --runs N]` — a whole-topic scan, Sluice against `kcat -C -e … | grep -c`.
 * A 6-partition topic of N JSON records (lz4, written once by kcat, reused), then, alternating per run: kcat piped
 * into grep, and each Sluice mode through its real HTTP route (substring `q=`, RE2 regex, CEL on a JSON field over
 * SSE; the unfiltered JSON Lines export), each read by a client in its own process. Prints medians, the throughput
 * ratio against kcat, the event-loop delay p99 of the serving process during each scan, and two concurrent scans.
 * Prints, never fails.
 */
import { execFileSync, spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { kafka, MSG_BOOTSTRAP, MSG_CLUSTER_ID, writeMessagesBenchConfig } from "./lib/messages";
import { median } from "./lib/stats";
import { writeScanWorker } from "../dev/scan-worker.mjs";
import { num, str } from "./lib/args";

const records = num("--records", 500_000);
const runs = num("--runs", 3);
/** `--only export`: only the modes whose name contains the word (kcat always runs). */
const only = str("--only", "");
const topic = `bench.scan.json.${records}`;
const CUSTOMERS = 10_000;
const NEEDLE = "c4242";
writeMessagesBenchConfig();
// Searches and exports run their fetches in the scan workers (SLUICE_SCAN_THREADS=0: on the main thread, as before).
writeScanWorker();

/** ~464 bytes of JSON per record (232 MB for 500,000): an order with a customer, items and a free-text note. */
function recordValue(i: number): string {
  const words = [
    "alpha",
    "bravo",
    "charlie",
    "delta",
    "echo",
    "foxtrot",
    "golf",
    "hotel",
    "india",
    "juliet",
    "kilo",
    "lima",
  ];
  let note = "";
  let s = (i * 2654435761) >>> 0;
  while (note.length < 200) {
    s = (s * 1103515245 + 12345) >>> 0;
    note += `${words[s % words.length]}-${(s >>> 8).toString(36)} `;
  }
  const customer = `c${(i * 7919) % CUSTOMERS}`;
  const items = [0, 1, 2]
    .map(
      (k) =>
        `{"sku":"SKU-${((i + k * 31) % 5000).toString().padStart(5, "0")}","qty":${1 + ((i + k) % 4)},"price":${(((i * 13 + k) % 10000) / 100).toFixed(2)}}`,
    )
    .join(",");
  return `{"orderId":"o-${String(i).padStart(9, "0")}","seq":${i},"customer":"${customer}","region":"${["eu-west", "us-east", "ap-south"][i % 3]}","status":"${["new", "paid", "shipped", "returned"][i % 4]}","items":[${items}],"note":"${note.slice(0, 200).trim()}"}`;
}

async function ensureTopic(): Promise<void> {
  const admin = kafka().admin();
  await admin.connect();
  const existing = await admin.fetchTopicOffsets(topic).catch(() => null);
  const have = existing ? existing.reduce((n, p) => n + Number(p.high) - Number(p.low), 0) : 0;
  if (have === records) return void (await admin.disconnect());
  if (existing) await admin.deleteTopics({ topics: [topic] });
  await admin.createTopics({ topics: [{ topic, numPartitions: 6 }], waitForLeaders: true });
  await admin.disconnect();
  const started = Date.now();
  const kcat = spawn(
    "kcat",
    [
      "-P",
      "-b",
      MSG_BOOTSTRAP,
      "-t",
      topic,
      "-z",
      "lz4",
      "-K",
      "\t",
      "-X",
      "linger.ms=100",
      "-X",
      "batch.size=1000000",
      "-q",
    ],
    { stdio: ["pipe", "inherit", "inherit"] },
  );
  let bytes = 0;
  for (let i = 0; i < records; i += 5000) {
    let chunk = "";
    for (let j = i; j < Math.min(records, i + 5000); j++) {
      const v = recordValue(j);
      bytes += v.length;
      chunk += `order-${j}\t${v}\n`;
    }
    if (!kcat.stdin.write(chunk)) await new Promise((r) => kcat.stdin.once("drain", r));
  }
  kcat.stdin.end();
  await new Promise((r) => kcat.on("exit", r));
  console.error(
    `  wrote ${records} records (${(bytes / 1e6).toFixed(0)} MB of values, lz4) to ${topic} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

/** Sluice's stream and export routes served from this process over HTTP (as `next start` serves them). */
async function routeServer(): Promise<{ url: string; close: () => void }> {
  process.env.DATABASE_URL ??= "file:./.data/bench.db";
  execFileSync("node", ["dev/migrate.mjs", "deploy"], {
    cwd: path.resolve(import.meta.dirname, ".."),
    stdio: "ignore",
    env: process.env,
  });
  const { sluiceAdmin } = await import("../test/auth");
  const cookie = (await sluiceAdmin()).cookie;
  const stream = (await import("@/app/api/clusters/[clusterId]/topics/[topicName]/messages/stream/route")).GET;
  const exp = (await import("@/app/api/clusters/[clusterId]/topics/[topicName]/messages/export/route")).GET;
  const http = await import("node:http");
  const { Readable } = await import("node:stream");
  const srv = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const m = /^\/api\/clusters\/([^/]+)\/topics\/([^/]+)\/messages\/(stream|export)$/.exec(url.pathname);
    if (!m) return void res.writeHead(404).end();
    const abort = new AbortController();
    res.on("close", () => abort.abort());
    const handler = m[3] === "stream" ? stream : exp;
    const response = await handler(new Request(url, { signal: abort.signal, headers: { cookie } }), {
      params: Promise.resolve({ clusterId: m[1], topicName: decodeURIComponent(m[2]) }),
    });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    if (response.body) Readable.fromWeb(response.body as never).pipe(res);
    else res.end();
  });
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", () => r()));
  return { url: `http://127.0.0.1:${(srv.address() as { port: number }).port}`, close: () => srv.close() };
}

/** cpuMs: CPU time of the serving process (Sluice) or of kcat and grep together, user + system. */
type Result = { ms: number; matched: number; scanned?: number; loopP99Ms?: number; cpuMs?: number; error?: string };

function runClient(script: string, url: string): Promise<Result> {
  const child = spawn(process.execPath, [path.join(import.meta.dirname, "lib", script), url], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  return new Promise((resolve) =>
    child.on("exit", () => resolve(JSON.parse(out.trim().split("\n").at(-1) || '{"error":"no output"}'))),
  );
}

async function sluice(base: string, mode: Mode): Promise<Result> {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const cpu = process.cpuUsage();
  const url = `${base}/api/clusters/${MSG_CLUSTER_ID}/topics/${encodeURIComponent(topic)}/messages/${mode.route}?start=oldest&${mode.query}`;
  const r = await runClient(mode.route === "stream" ? "sse-count-client.mjs" : "line-count-client.mjs", url);
  loop.disable();
  const used = process.cpuUsage(cpu);
  return { ...r, loopP99Ms: loop.percentile(99) / 1e6, cpuMs: (used.user + used.system) / 1000 };
}

function kcatGrep(): Result {
  const started = performance.now();
  // `times` (after the pipeline, so the exit status is its own) prints the shell's and then its children's CPU time.
  const out = execFileSync("sh", [
    "-c",
    `kcat -C -b ${MSG_BOOTSTRAP} -t ${topic} -e -o beginning -q -f '%s\\n' | grep -c -F '"customer":"${NEEDLE}"'; times`,
  ])
    .toString()
    .trim()
    .split("\n");
  const ms = performance.now() - started;
  const secs =
    (out.at(-1) ?? "").match(/(\d+)m([\d.]+)s/g)?.map((t) => {
      const [, m, sec] = /(\d+)m([\d.]+)s/.exec(t)!;
      return Number(m) * 60 + Number(sec);
    }) ?? [];
  return { ms, matched: Number(out[0]), cpuMs: secs.reduce((a, b) => a + b, 0) * 1000 };
}

type Mode = { name: string; route: "stream" | "export"; query: string; expect: number };
const expect = Math.ceil(records / CUSTOMERS);
const allModes: Mode[] = [
  { name: "substring (q=)", route: "stream", query: `q=${encodeURIComponent(`"customer":"${NEEDLE}"`)}`, expect },
  {
    name: "RE2 regex",
    route: "stream",
    query: `regex=true&q=${encodeURIComponent(`"customer":\\s*"${NEEDLE}"`)}`,
    expect,
  },
  {
    name: `CEL value.customer == "${NEEDLE}"`,
    route: "stream",
    query: `cel=${encodeURIComponent(`value.customer == "${NEEDLE}"`)}`,
    expect,
  },
  { name: "export, no filter (JSON Lines)", route: "export", query: "", expect: records },
];
const modes = allModes.filter((m) => m.name.includes(only));

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");
console.log(
  `bench:scan: ${records.toLocaleString("en")} JSON records, 6 partitions, lz4, topic ${topic}; ${runs} runs per mode, alternating; scan workers: ${process.env.SLUICE_SCAN_THREADS ?? os.availableParallelism()}; load average ${load()} on ${os.cpus().length} cores`,
);
await ensureTopic();
const server = await routeServer();
const times = new Map<string, number[]>([["kcat", []]]);
const cpus = new Map<string, number[]>([["kcat", []]]);
const push = (m: Map<string, number[]>, k: string, v: number) => (m.get(k) ?? m.set(k, []).get(k)!).push(v);
const loops = new Map<string, number[]>();
const checks: string[] = [];
// One warm-up pass (page cache, JIT, connections), not counted.
kcatGrep();
await sluice(server.url, modes[0]);
for (let run = 0; run < runs; run++) {
  const k = kcatGrep();
  times.get("kcat")!.push(k.ms);
  cpus.get("kcat")!.push(k.cpuMs!);
  if (k.matched !== expect) checks.push(`kcat matched ${k.matched}/${expect}`);
  for (const m of modes) {
    const r = await sluice(server.url, m);
    if (r.error) {
      checks.push(`${m.name}: ${r.error}`);
      continue;
    }
    push(times, m.name, r.ms);
    push(cpus, m.name, r.cpuMs!);
    (loops.get(m.name) ?? loops.set(m.name, []).get(m.name)!).push(r.loopP99Ms!);
    if (r.matched !== m.expect) checks.push(`${m.name}: matched ${r.matched}/${m.expect}`);
    console.error(
      `  run ${run + 1}: ${m.name} ${Math.round(r.ms)} ms (kcat ${Math.round(k.ms)} ms), loop p99 ${r.loopP99Ms!.toFixed(0)} ms`,
    );
  }
}
// Two searches at once: each should take about twice one alone, and both about the same (fair share).
const pair = only ? [] : await Promise.all([sluice(server.url, modes[0]), sluice(server.url, modes[0])]);
server.close();
const { disconnectAll } = await import("@/server/kafka/registry");
await disconnectAll();
await (await import("@/server/kafka/scan-pool")).closeScanPool();

const kcatMs = median(times.get("kcat")!);
const mb = (records * 464) / 1e6;
console.log("");
const kcatCpu = median(cpus.get("kcat")!);
console.log(
  `| scan of the whole topic (${runs} runs, median) | time | rec/s | vs kcat | CPU | vs kcat, per CPU second | event-loop p99 |`,
);
console.log("|---|---|---|---|---|---|---|");
console.log(
  `| kcat -C -e … \\| grep -c | ${(kcatMs / 1000).toFixed(2)} s | ${Math.round(records / (kcatMs / 1000)).toLocaleString("en")} | 1.00× | ${(kcatCpu / 1000).toFixed(2)} s | 1.00× | — |`,
);
const goals: Record<string, number> = {
  [allModes[0].name]: 0.6,
  [allModes[1].name]: 0.6,
  [allModes[2].name]: 0.35,
  [allModes[3].name]: 0.4,
};
const verdicts: string[] = [];
for (const m of modes) {
  const t = times.get(m.name);
  if (!t?.length) continue;
  const ms = median(t);
  const ratio = kcatMs / ms;
  const p99 = Math.max(...loops.get(m.name)!);
  const cpu = median(cpus.get(m.name)!);
  console.log(
    `| Sluice ${m.name} | ${(ms / 1000).toFixed(2)} s | ${Math.round(records / (ms / 1000)).toLocaleString("en")} | ${ratio.toFixed(2)}× | ${(cpu / 1000).toFixed(2)} s | ${(kcatCpu / cpu).toFixed(2)}× | ${p99.toFixed(0)} ms (max of runs) |`,
  );
  verdicts.push(`${m.name} ≥ ${goals[m.name]}×: ${ratio >= goals[m.name] ? "met" : "NOT met"}`);
}
console.log("");
if (pair.length) {
  console.log(
    `two concurrent substring scans: ${pair.map((p) => `${(p.ms / 1000).toFixed(2)} s`).join(" and ")} (one alone: ${(median(times.get(modes[0].name) ?? [NaN]) / 1000).toFixed(2)} s), loop p99 ${Math.max(...pair.map((p) => p.loopP99Ms!)).toFixed(0)} ms`,
  );
}
console.log(
  `about ${mb.toFixed(0)} MB of JSON; goals: ${verdicts.join(" · ")} · loop p99 ≤ 50 ms: ${Math.max(...[...loops.values()].flat()) <= 50 ? "met" : "NOT met"}`,
);
console.log(
  `load average at the end: ${load()} (CPU columns: the serving process for Sluice, kcat and grep together for kcat)`,
);
if (checks.length) console.log(`checks: ${checks.join("; ")}`);
process.exit(0);
