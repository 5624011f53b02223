/**
 * B3 — Topic list at scale (`npm run bench:topics [-- --large] [--cleanup] [--pairs N] [--cold N]`).
 * See bench/README.md and shared BENCHMARKS.md §6.1/B3. A benchmark, not a test: it prints, never fails on a gate.
 */
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { Kafka, logLevel, type Admin } from "kafkajs";
import { baselinePage, baselineRetries, type BaselineItem } from "./lib/baseline";
import { brokerFds, busyNeighbours, ensureCluster, stopCluster, BOOTSTRAP } from "./lib/cluster";
import {
  countsSince,
  describeCounts,
  describeSlowest,
  installRequestCounter,
  resetSlowest,
  snapshotCounts,
  totalOf,
} from "./lib/request-counter";
import { CLUSTER_ID, pageQuery, writeBenchConfig } from "./lib/sluice-config";
import { bootstrapRatio, fmtMB, fmtMs, median, p95, RssSampler } from "./lib/stats";
import { deleteWorkload, ensureWorkload, WORKLOADS, type Workload } from "./lib/workload";
import { argv, num } from "./lib/args";

const ROOT = path.resolve(import.meta.dirname, "..");
const flag = (f: string) => argv.includes(f);
const LARGE = flag("--large");
const CLEANUP = flag("--cleanup");
const PAIRS = num("--pairs", 10);
const WARMUP = 2;
const COLD = num("--cold", 3);
const REFRESH_TRIALS = 3;
const WAIT_QUIET_S = num("--wait-quiet", 900);
const FD_LIMIT = 20_000; // hard RLIMIT_NOFILE of the dev brokers on this host (see workload.ts)
WORKLOADS.L.partitions = num("--l-partitions", WORKLOADS.L.partitions);

installRequestCounter(); // before any client exists
writeBenchConfig();
const { listTopics } = await import("@/server/services/topics/list-topics");
const { getTopicSnapshot, invalidateTopicSnapshot } = await import("@/server/kafka/topic-snapshot");
const { disconnectAll } = await import("@/server/kafka/registry");

const rss = new RssSampler();
const log = (s = "") => console.log(s);

type Phase = {
  w: Workload;
  clusterTopics: number;
  clusterPartitions: number;
  sluice: number[];
  base: number[];
  sluiceSearch: number[];
  baseSearch: number[];
  kcat: number[];
  sluiceReq: string;
  sluiceReqTotal: number;
  baseReq: string;
  baseReqTotal: number;
  searchReq: string;
  agree: string;
  snapshotBuildMs: number[];
  snapshotReq: string;
  refresh: { ms: number; p99: number; max: number; pages: number[] }[];
  idleP99: number;
  cold: { sluice: ColdResult[]; kafkajs: ColdResult[] };
  rssAfterSnapshot: number;
  peakRss: number;
  busy: string[];
  baseRetries: number;
};
type ColdResult = {
  ms: number;
  wallMs: number;
  importMs: number;
  requests: number;
  detail: string;
  slowest: string;
  peakRss: number;
  error?: string;
};

// ---------------------------------------------------------------------------------------------------------------

async function waitQuiet(): Promise<string[]> {
  const t0 = Date.now();
  let busy = busyNeighbours();
  if (busy.length) {
    log(
      `waiting up to ${WAIT_QUIET_S}s for neighbours to finish (timings would be skewed): ${busy.map((b) => b.slice(0, 80)).join("; ")}`,
    );
  }
  while (busy.length && Date.now() - t0 < WAIT_QUIET_S * 1000) {
    await new Promise((r) => setTimeout(r, 5_000));
    busy = busyNeighbours();
  }
  if (busy.length) log("still busy; measuring anyway (results marked)");
  return busy;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const snapshotState = () =>
  (
    globalThis as unknown as {
      __sluiceTopicSnapshots?: Map<string, { snapshot?: { at: number }; refreshing?: Promise<unknown> }>;
    }
  ).__sluiceTopicSnapshots?.get(CLUSTER_ID);

/** A foreground snapshot rebuild (untimed for page samples, so no background refresh lands inside a sample). */
let freshAt = 0;
async function ensureFresh(force = false): Promise<number> {
  if (!force && Date.now() - freshAt < 7_000) return 0;
  invalidateTopicSnapshot(CLUSTER_ID);
  const t = performance.now();
  const s = await getTopicSnapshot(CLUSTER_ID);
  freshAt = s.at;
  return performance.now() - t;
}

function kcatOnce(): number {
  const t = performance.now();
  const r = spawnSync("kcat", ["-L", "-J", "-b", BOOTSTRAP.join(",")], { stdio: ["ignore", "ignore", "ignore"] });
  return r.status === 0 ? performance.now() - t : NaN;
}
const hasKcat = spawnSync("kcat", ["-V"], { stdio: "ignore" }).status === 0;

function coldRun(mode: "sluice" | "kafkajs", q: string): Promise<ColdResult> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn(process.execPath, [...process.execArgv, path.join(ROOT, "bench/topics-cold.ts"), mode, q], {
      cwd: ROOT,
      env: process.env,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.on("error", reject);
    child.on("close", () => {
      const line = out.split("\n").find((l) => l.startsWith("RESULT "));
      if (!line) return reject(new Error(`cold ${mode} child printed no result: ${out.slice(0, 500)}`));
      resolve({ ...JSON.parse(line.slice(7)), wallMs: performance.now() - t });
    });
  });
}

function sameRows(
  s: { name: string; partitions: number; replicationFactor: number; records: number | null }[],
  b: BaselineItem[],
): string {
  if (s.length !== b.length) return `no (${s.length} vs ${b.length} rows)`;
  for (const [i, x] of s.entries()) {
    const y = b[i];
    if (
      x.name !== y.name ||
      x.partitions !== y.partitions ||
      x.replicationFactor !== y.replicationFactor ||
      x.records !== y.records
    ) {
      return `no (row ${i}: ${JSON.stringify(x)} vs ${JSON.stringify(y)})`;
    }
  }
  return `yes (${s.length} rows: names, partitions, RF, records)`;
}

// ---------------------------------------------------------------------------------------------------------------

async function measure(w: Workload, admin: Admin): Promise<Phase> {
  const busy = await waitQuiet();
  rss.resetPeak();
  const md = await admin.fetchTopicMetadata();
  const phase: Phase = {
    w,
    clusterTopics: md.topics.length,
    clusterPartitions: md.topics.reduce((n, t) => n + t.partitions.length, 0),
    sluice: [],
    base: [],
    sluiceSearch: [],
    baseSearch: [],
    kcat: [],
    sluiceReq: "",
    sluiceReqTotal: 0,
    baseReq: "",
    baseReqTotal: 0,
    searchReq: "",
    agree: "",
    snapshotBuildMs: [],
    snapshotReq: "",
    refresh: [],
    idleP99: NaN,
    cold: { sluice: [], kafkajs: [] },
    rssAfterSnapshot: 0,
    peakRss: 0,
    busy,
    baseRetries: 0,
  };
  log(
    `\n== ${w.key}: page q="${w.prefix}" (first 50 of ${w.topics}), search q="${w.search}"; cluster ${phase.clusterTopics} topics, ${phase.clusterPartitions} partitions`,
  );

  // Cold first (fresh child processes), alternating Sluice / kafkajs script.
  for (let i = 0; i < COLD; i++) {
    for (const mode of ["sluice", "kafkajs"] as const) {
      const r = await coldRun(mode, w.prefix);
      phase.cold[mode].push(r);
      log(
        `  cold ${mode.padEnd(7)} #${i + 1}: first page ${fmtMs(r.ms)} ms (process wall ${fmtMs(r.wallMs)} ms, module load ${fmtMs(r.importMs)} ms)${r.error ? `  ERROR ${r.error}` : ""}`,
      );
    }
  }

  // Warm Sluice: snapshot built once in the foreground.
  const before = snapshotCounts();
  resetSlowest();
  phase.snapshotBuildMs.push(await ensureFresh(true));
  phase.snapshotReq = `${describeCounts(countsSince(before))}; slowest round trips: ${describeSlowest()}`;
  phase.rssAfterSnapshot = rss.sample();

  const retries0 = baselineRetries;
  let sluiceCounts = new Map<string, number>();
  let baseCounts = new Map<string, number>();
  let searchCounts = new Map<string, number>();
  for (let i = 0; i < WARMUP + PAIRS; i++) {
    const keep = i >= WARMUP;
    // A: kafkajs script
    let c = snapshotCounts();
    let t = performance.now();
    const b = await baselinePage(admin, w.prefix);
    let ms = performance.now() - t;
    if (keep) {
      phase.base.push(ms);
      baseCounts = countsSince(c);
    }
    // B: Sluice
    const rebuilt = await ensureFresh();
    if (rebuilt) phase.snapshotBuildMs.push(rebuilt);
    c = snapshotCounts();
    t = performance.now();
    const s = await listTopics(CLUSTER_ID, pageQuery(w.prefix));
    ms = performance.now() - t;
    if (s.metadataAgeMs >= 10_000) throw new Error("a warm sample hit a stale snapshot");
    if (keep) {
      phase.sluice.push(ms);
      sluiceCounts = countsSince(c);
    }
    if (i === WARMUP) phase.agree = sameRows(s.items, b.items);
    // search: A then B
    t = performance.now();
    await baselinePage(admin, w.search);
    ms = performance.now() - t;
    if (keep) phase.baseSearch.push(ms);
    await ensureFresh();
    c = snapshotCounts();
    t = performance.now();
    const ss = await listTopics(CLUSTER_ID, pageQuery(w.search));
    ms = performance.now() - t;
    if (keep) {
      phase.sluiceSearch.push(ms);
      searchCounts = countsSince(c);
    }
    if (i === WARMUP && ss.items.length !== 10) log(`  note: search matched ${ss.items.length} topics, not 10`);
    if (hasKcat && keep) phase.kcat.push(kcatOnce());
  }
  phase.baseRetries = baselineRetries - retries0;
  phase.sluiceReq = describeCounts(sluiceCounts);
  phase.sluiceReqTotal = totalOf(sluiceCounts);
  phase.baseReq = describeCounts(baseCounts);
  phase.baseReqTotal = totalOf(baseCounts);
  phase.searchReq = describeCounts(searchCounts);

  // Event-loop delay: idle control, then while a background refresh runs (pages keep being served meanwhile).
  {
    const h = monitorEventLoopDelay({ resolution: 10 });
    h.enable();
    await sleep(2_000);
    h.disable();
    phase.idleP99 = h.percentile(99) / 1e6;
  }
  for (let i = 0; i < REFRESH_TRIALS; i++) {
    await ensureFresh(true);
    const state = snapshotState();
    if (state?.snapshot) {
      state.snapshot = { ...state.snapshot, at: Date.now() - 10_500 };
    } // served stale → background refresh
    else {
      await sleep(10_500);
    }
    const h = monitorEventLoopDelay({ resolution: 10 });
    h.enable();
    const t = performance.now();
    const pages: number[] = [];
    do {
      const tp = performance.now();
      await listTopics(CLUSTER_ID, pageQuery(w.prefix)); // the first call starts the refresh and is served stale
      pages.push(performance.now() - tp);
      await sleep(20);
    } while (snapshotState()?.refreshing);
    const ms = performance.now() - t;
    h.disable();
    freshAt = snapshotState()?.snapshot?.at ?? 0;
    phase.refresh.push({ ms, p99: h.percentile(99) / 1e6, max: h.max / 1e6, pages });
    log(
      `  background refresh #${i + 1}: ${fmtMs(ms)} ms, loop delay p99 ${fmtMs(h.percentile(99) / 1e6)} ms, max ${fmtMs(h.max / 1e6)} ms, ${pages.length} pages served meanwhile (max ${fmtMs(Math.max(...pages))} ms)`,
    );
  }
  phase.peakRss = rss.peak;
  const after = busyNeighbours();
  if (after.length && !phase.busy.length) phase.busy = after;
  return phase;
}

// ---------------------------------------------------------------------------------------------------------------

function report(phases: Phase[]): void {
  const row = (name: string, xs: number[], extra = "") =>
    log(
      `  ${name.padEnd(44)} ${fmtMs(median(xs)).padStart(8)} ${fmtMs(p95(xs)).padStart(8)} ${String(xs.length).padStart(4)}  ${extra}`,
    );
  for (const p of phases) {
    log(
      `\n== B3 ${p.w.key}: ${p.w.topics} topics × ${p.w.partitions} partitions RF 3 (cluster: ${p.clusterTopics} topics, ${p.clusterPartitions} partitions)${p.busy.length ? "  [MEASURED WHILE BUSY: " + p.busy.join("; ").slice(0, 120) + "]" : ""}`,
    );
    log(`  ${"scenario (ms)".padEnd(44)} ${"p50".padStart(8)} ${"p95".padStart(8)} ${"n".padStart(4)}`);
    row("Sluice warm page (limit 50, name asc)", p.sluice, `${p.sluiceReqTotal} requests: ${p.sluiceReq}`);
    row(
      "kafkajs script page",
      p.base,
      `${p.baseReqTotal} requests: ${p.baseReq}${p.baseRetries ? `; ${p.baseRetries} fetchTopicOffsets retries (kafkajs race)` : ""}`,
    );
    row(`Sluice search q="${p.w.search}" (warm)`, p.sluiceSearch, p.searchReq);
    row("kafkajs script search", p.baseSearch);
    if (p.kcat.length) row("kcat -L -J (metadata only, process wall)", p.kcat);
    const cs = p.cold.sluice.filter((c) => !c.error);
    const ck = p.cold.kafkajs.filter((c) => !c.error);
    row(
      "Sluice cold: first page in a fresh process",
      cs.map((c) => c.ms),
      `incl. connect + snapshot; process wall p50 ${fmtMs(median(cs.map((c) => c.wallMs)))} ms, peak RSS ${fmtMB(Math.max(...cs.map((c) => c.peakRss)))}; ${cs[0]?.requests ?? "?"} requests: ${cs[0]?.detail ?? ""}`,
    );
    row(
      "kafkajs script cold",
      ck.map((c) => c.ms),
      `${p.cold.kafkajs.length - ck.length} of ${p.cold.kafkajs.length} failed${p.cold.kafkajs.find((c) => c.error) ? ` (${p.cold.kafkajs.find((c) => c.error)!.error})` : ""}; ${ck[0]?.requests ?? "?"} requests: ${ck[0]?.detail ?? ""}`,
    );
    row("Sluice snapshot build (foreground)", p.snapshotBuildMs, p.snapshotReq);
    row(
      "Sluice background refresh duration",
      p.refresh.map((r) => r.ms),
    );
    row(
      "  pages served during refresh",
      p.refresh.flatMap((r) => r.pages),
    );
    log(
      `  event-loop delay during refresh (monitorEventLoopDelay, 10 ms resolution, raw values incl. the 10 ms): p99 ${p.refresh.map((r) => fmtMs(r.p99)).join(" / ")} ms, max ${p.refresh.map((r) => fmtMs(r.max)).join(" / ")} ms; idle control p99 ${fmtMs(p.idleP99)} ms`,
    );
    log(
      `  RSS (this process: Sluice + baseline + harness): after snapshot ${fmtMB(p.rssAfterSnapshot)}, peak ${fmtMB(p.peakRss)}`,
    );
    log(`  same page from both: ${p.agree}`);
  }
  log("");
  for (const p of phases) {
    const [lo, hi] = bootstrapRatio(p.sluice, p.base, median);
    log(
      `ratio sluice/kafkajs-script warm p50 (${p.w.key}) = ${(median(p.sluice) / median(p.base)).toFixed(3)} (p95 = ${(p95(p.sluice) / p95(p.base)).toFixed(3)}; bootstrap 95% CI of the p50 ratio ${lo.toFixed(3)}–${hi.toFixed(3)})`,
    );
  }
  log("gates (BENCHMARKS.md B3):");
  const mark = (ok: boolean) => (ok ? "met" : "NOT met");
  for (const p of phases) {
    const S = p.w.key === "S";
    const warmGate = S ? 300 : 1000;
    const loopP99 = Math.max(...p.refresh.map((r) => r.p99));
    const ratio = median(p.sluice) / median(p.base);
    const cold = median(p.cold.sluice.map((c) => c.ms));
    log(`  ${p.w.key}: warm p95 ${fmtMs(p95(p.sluice))} ms ≤ ${warmGate} ms: ${mark(p95(p.sluice) <= warmGate)}`);
    if (S) {
      log(
        `  ${p.w.key}: cold p50 ${fmtMs(cold)} ms ≤ 2000 ms: ${mark(cold <= 2000)} (max ${fmtMs(Math.max(...p.cold.sluice.map((c) => c.ms)))} ms)`,
      );
    } else {
      log(`  ${p.w.key}: cold p50 ${fmtMs(cold)} ms (no gate; stretch ≤ 3000 ms: ${mark(cold <= 3000)})`);
    }
    log(`  ${p.w.key}: ours/kafkajs-script p50 ${ratio.toFixed(3)} ≤ 1.5: ${mark(ratio <= 1.5)}`);
    log(`  ${p.w.key}: loop delay p99 during refresh ${fmtMs(loopP99)} ms ≤ 50 ms: ${mark(loopP99 <= 50)}`);
  }
}

// ---------------------------------------------------------------------------------------------------------------

const t0 = performance.now();
const started = ensureCluster();
let admin: Admin | undefined;
try {
  const phases: Phase[] = [];
  const setupS = await ensureWorkload(WORKLOADS.S);
  log(
    `setup S: ${setupS.created} topics created, ${setupS.produced} partitions filled, ${fmtMs(setupS.ms / 1000)} s (cluster start included in total: ${fmtMs((performance.now() - t0) / 1000)} s)`,
  );
  admin = new Kafka({ clientId: "bench-baseline", brokers: BOOTSTRAP, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  phases.push(await measure(WORKLOADS.S, admin));
  if (LARGE) {
    const fds = brokerFds();
    const need = Math.max(...fds) + WORKLOADS.L.topics * WORKLOADS.L.partitions;
    if (need > FD_LIMIT * 0.95) {
      log(
        `\nL skipped: the brokers hold ${fds.join("/")} fds and L would add ~${WORKLOADS.L.topics * WORKLOADS.L.partitions} per broker (limit ${FD_LIMIT}); use a smaller --l-partitions`,
      );
    } else {
      const setupL = await ensureWorkload(WORKLOADS.L);
      log(
        `setup L: ${setupL.created} topics created, ${setupL.produced} partitions filled, ${fmtMs(setupL.ms / 1000)} s; broker fds ${brokerFds().join("/")}`,
      );
      phases.push(await measure(WORKLOADS.L, admin));
    }
  }
  log(
    `\nsetup + measurement took ${fmtMs((performance.now() - t0) / 1000)} s; host ${process.platform} ${process.version}, ${(await import("node:os")).cpus().length} CPUs`,
  );
  report(phases);
} finally {
  await admin?.disconnect().catch(() => {});
  await disconnectAll();
  rss.stop();
  if (CLEANUP) {
    for (const w of [WORKLOADS.L, WORKLOADS.S]) log(`cleanup: deleted ${await deleteWorkload(w)} ${w.key} topics`);
  }
  if (started) await stopCluster();
}
process.exit(0);
