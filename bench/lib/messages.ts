import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { CompressionTypes, Kafka, logLevel } from "kafkajs";

/** The message benchmarks run against the single local broker (dev/kafka.sh start; KAFKA_PORT as it uses). */
export const MSG_BOOTSTRAP = `127.0.0.1:${process.env.KAFKA_PORT ?? 19092}`;
export const MSG_CLUSTER_ID = "bench-msg";

export function writeMessagesBenchConfig(): void {
  const file = path.join(os.tmpdir(), `sluice-bench-messages-${process.pid}.yaml`);
  fs.writeFileSync(
    file,
    `clusters:\n  - id: ${MSG_CLUSTER_ID}\n    name: Bench (local)\n    bootstrapServers: ${MSG_BOOTSTRAP}\n    messages: { maxSessions: 100 }\n`,
  );
  process.env.SLUICE_CONFIG = file;
  process.on("exit", () => fs.rmSync(file, { force: true }));
}

export const kafka = () =>
  new Kafka({ clientId: "sluice-bench", brokers: [MSG_BOOTSTRAP], logLevel: logLevel.NOTHING });

export type MsgWorkload = {
  topic: string;
  records: number;
  size: number;
  partitions: number;
  gzip: boolean;
  planted: number;
};

/** A record like B1's: JSON-ish text, half random so compression has something to do; every N-th carries X-42. */
function recordValue(i: number, size: number, plantEvery: number): string {
  const orderId = plantEvery > 0 && i % plantEvery === plantEvery - 1 ? "X-42" : `A-${i}`;
  const head = `{"orderId":"${orderId}","seq":${i},"customer":"c${i % 997}","pad":"`;
  const room = Math.max(0, size - head.length - 2);
  let pad = "";
  const half = room >> 1;
  while (pad.length < half) pad += Math.random().toString(36).slice(2);
  pad = pad.slice(0, half) + "x".repeat(room - half);
  return `${head}${pad}"}`;
}

/** Creates and fills the topic once; later runs reuse it when it already holds the records. */
export async function ensureMessagesWorkload(w: MsgWorkload): Promise<void> {
  const k = kafka();
  const admin = k.admin();
  await admin.connect();
  const existing = await admin.fetchTopicOffsets(w.topic).catch(() => null);
  const have = existing ? existing.reduce((n, p) => n + Number(p.high) - Number(p.low), 0) : 0;
  if (have === w.records) {
    await admin.disconnect();
    return;
  }
  if (existing) await admin.deleteTopics({ topics: [w.topic] });
  await admin.createTopics({ topics: [{ topic: w.topic, numPartitions: w.partitions }], waitForLeaders: true });
  await admin.disconnect();
  const producer = k.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  const plantEvery = w.planted > 0 ? Math.floor(w.records / w.planted) : 0;
  const started = Date.now();
  const BATCH = 2000;
  for (let i = 0; i < w.records; i += BATCH) {
    const messages = [];
    for (let j = i; j < Math.min(w.records, i + BATCH); j++) {
      messages.push({
        key: `key-${String(j).padStart(12, "0")}`,
        value: recordValue(j, w.size, plantEvery),
        headers: { source: "bench" },
      });
    }
    await producer.send({
      topic: w.topic,
      messages,
      acks: 1,
      compression: w.gzip ? CompressionTypes.GZIP : CompressionTypes.None,
    });
    if (i % 100_000 === 0 && i > 0) console.error(`  … ${i} records written`);
  }
  await producer.disconnect();
  console.error(`  wrote ${w.records} records to ${w.topic} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

export type ScanResult = {
  records: number;
  ms: number;
  ttfrMs: number;
  matched: number;
  scanned: number;
  progressGapMaxMs: number;
  loopP99Ms: number;
  peakRssMB: number;
};

let server: { url: string; close: () => void } | null = null;

/**
 * Serves Sluice's stream route from this process over HTTP (what `next start` does for it), so the client can
 * run in its own process like a browser: the server's figures do not pay for the client's parsing.
 */
export async function routeServer(): Promise<string> {
  if (server) return server.url;
  // Routes need a signed-in user: a bench database (migrated), an admin signed in through the real sign-in route.
  process.env.DATABASE_URL ??= "file:./.data/bench.db";
  execFileSync("node", ["dev/migrate.mjs", "deploy"], {
    cwd: path.resolve(import.meta.dirname, "../.."),
    stdio: "ignore",
    env: process.env,
  });
  const { sluiceAdmin } = await import("../../test/auth");
  const cookie = (await sluiceAdmin()).cookie;
  const { GET } = await import("@/app/api/clusters/[clusterId]/topics/[topicName]/messages/stream/route");
  const http = await import("node:http");
  const { Readable } = await import("node:stream");
  const srv = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const m = /^\/api\/clusters\/([^/]+)\/topics\/([^/]+)\/messages\/stream$/.exec(url.pathname);
    if (!m) return void res.writeHead(404).end();
    const abort = new AbortController();
    res.on("close", () => abort.abort());
    const response = await GET(new Request(url, { signal: abort.signal, headers: { cookie } }), {
      params: Promise.resolve({ clusterId: m[1], topicName: decodeURIComponent(m[2]) }),
    });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    if (response.body) Readable.fromWeb(response.body as never).pipe(res);
    else res.end();
  });
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", () => r()));
  const port = (srv.address() as { port: number }).port;
  server = { url: `http://127.0.0.1:${port}`, close: () => srv.close() };
  return server.url;
}

export function closeRouteServer(): void {
  server?.close();
  server = null;
}

/** Sluice's stream read by a separate client process (bench/lib/sse-count-client.mjs) that parses every event. */
export async function sluiceScan(topic: string, query: string): Promise<ScanResult> {
  const base = await routeServer();
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  let peak = process.memoryUsage.rss();
  const rssTimer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 100);
  const { spawn } = await import("node:child_process");
  const child = spawn(
    process.execPath,
    [
      path.join(import.meta.dirname, "sse-count-client.mjs"),
      `${base}/api/clusters/${MSG_CLUSTER_ID}/topics/${encodeURIComponent(topic)}/messages/stream?${query}`,
    ],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  await new Promise((r) => child.on("exit", r));
  clearInterval(rssTimer);
  loop.disable();
  const r = JSON.parse(out.trim().split("\n").at(-1) ?? "{}");
  if (r.error) throw new Error(r.error);
  return { ...r, ttfrMs: r.ttfrMs ?? NaN, loopP99Ms: loop.percentile(99) / 1e6, peakRssMB: peak / 2 ** 20 };
}

/** Baseline A: a raw kafkajs consumer, new group, no-op eachBatch, from the beginning until every record is seen. */
export async function rawKafkajsScan(
  topic: string,
  total: number,
): Promise<{ ms: number; ttfrMs: number; records: number }> {
  const groupId = `sluice-bench-raw-${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
  const consumer = kafka().consumer({ groupId });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const started = performance.now();
  let records = 0;
  let ttfr = NaN;
  await new Promise<void>((resolve) => {
    void consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        if (records === 0) ttfr = performance.now() - started;
        records += batch.messages.length;
        if (records >= total) resolve();
      },
    });
  });
  const ms = performance.now() - started;
  await consumer.disconnect();
  await deleteGroup(groupId);
  return { ms, ttfrMs: ttfr, records };
}

/** The baseline consumers' groups are removed after each run, leaving the broker as it was. */
export async function deleteGroup(groupId: string): Promise<void> {
  const admin = kafka().admin();
  await admin.connect();
  await admin.deleteGroups([groupId]).catch(() => {});
  await admin.disconnect();
}

/** Baseline B (reference only): kcat reading everything, one line per record. */
export function kcatScan(topic: string): { ms: number; records: number } {
  const started = performance.now();
  const out = execFileSync(
    "kcat",
    ["-C", "-b", MSG_BOOTSTRAP, "-t", topic, "-e", "-o", "beginning", "-q", "-f", "%o\\n"],
    { maxBuffer: 1 << 30 },
  );
  return { ms: performance.now() - started, records: out.toString().split("\n").filter(Boolean).length };
}
