/**
 * Topic list with sizes at the largest topic count this host holds (`npm run bench:sizes [-- --pairs N]`).
 * Runs against the test stack's broker (dev/test-stack.env, or KAFKA_PORT; 1,050 pre-loaded topics). A benchmark,
 * not a test: it prints, never fails on a gate. See bench/README.md.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Admin } from "@platformatic/kafka";
import { fmtMs, median, p95, bootstrapRatio } from "./lib/stats";
import { num } from "./lib/args";

const PAIRS = num("--pairs", 40);
const WARMUP = 3;
const BOOTSTRAP = `127.0.0.1:${process.env.KAFKA_PORT ?? "19092"}`;
const CLUSTER = "sizes";

const file = path.join(os.tmpdir(), `sluice-bench-sizes-${process.pid}.yaml`);
fs.writeFileSync(file, `clusters:\n  - id: ${CLUSTER}\n    name: Bench sizes\n    bootstrapServers: [${BOOTSTRAP}]\n`);
process.env.SLUICE_CONFIG = file;
process.on("exit", () => fs.rmSync(file, { force: true }));

const { listTopics } = await import("@/server/services/topics/list-topics");
const { getTopicSnapshot } = await import("@/server/kafka/topic-snapshot");
const { DESCRIBE_LOG_DIRS, getClusterSizes, invalidateClusterSizes } = await import("@/server/kafka/log-dirs");
const { apiSupport, toApiSupport } = await import("@/server/kafka/api-versions");
const { disconnectAll } = await import("@/server/kafka/registry");

const log = (s = "") => console.log(s);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const query = (sort: "name" | "size", dir: "asc" | "desc") =>
  ({ limit: 100, sort, dir, regex: false, internal: false }) as const;
const time = async (f: () => Promise<unknown>) => {
  const t = performance.now();
  await f();
  return performance.now() - t;
};

// "Without sizes": the same listTopics with DescribeLogDirs hidden from the cached ApiVersions answer, exactly as on
// a broker that lacks it (the size column is then empty and no DescribeLogDirs is sent).
const cache = (globalThis as unknown as { __sluiceApiSupport: Map<string, { at: number; value: Promise<unknown> }> })
  .__sluiceApiSupport;
const real = await apiSupport(CLUSTER);
const without = toApiSupport(
  [...real.apis]
    .filter(([k]) => k !== DESCRIBE_LOG_DIRS)
    .map(([apiKey, a]) => ({ apiKey, name: a.name, minVersion: a.min, maxVersion: a.max })),
);
const sizesOn = (on: boolean) => cache.set(CLUSTER, { at: Date.now(), value: Promise.resolve(on ? real : without) });

const raw = new Admin({ clientId: "bench-sizes-raw", bootstrapBrokers: [BOOTSTRAP] });
try {
  const tCold = performance.now();
  const snap = await getTopicSnapshot(CLUSTER);
  const snapMs = performance.now() - tCold;
  const topics = snap.topics.map((t) => ({ name: t.name, partitions: t.partitions.map((p) => p.partition) }));
  const partitions = topics.reduce((n, t) => n + t.partitions.length, 0);
  const coldSizes = await time(() => getClusterSizes(CLUSTER));
  log(
    `cluster: ${topics.length} topics, ${partitions} partitions, ${snap.brokerIds.length} broker(s); topic snapshot build ${fmtMs(snapMs)} ms, first sizes read ${fmtMs(coldSizes)} ms`,
  );

  const foreground: number[] = [];
  for (let i = 0; i < 5; i++) {
    invalidateClusterSizes(CLUSTER);
    foreground.push(await time(() => getClusterSizes(CLUSTER)));
  }

  const s = { withName: [] as number[], withSize: [] as number[], without: [] as number[], raw: [] as number[] };
  let rows = 0;
  for (let i = 0; i < WARMUP + PAIRS; i++) {
    const keep = i >= WARMUP;
    sizesOn(false);
    const a = await time(() => listTopics(CLUSTER, query("name", "asc")));
    sizesOn(true);
    const b = await time(() => listTopics(CLUSTER, query("name", "asc")));
    let page: Awaited<ReturnType<typeof listTopics>> | undefined;
    const c = await time(async () => (page = await listTopics(CLUSTER, query("size", "desc"))));
    const d = await time(() => raw.describeLogDirs({ topics }));
    if (keep) {
      s.without.push(a);
      s.withName.push(b);
      s.withSize.push(c);
      s.raw.push(d);
      rows = page!.items.filter((t) => t.size !== null).length;
    }
    await sleep(150); // pages arrive over time, so the 5 s size cache and the 10 s topic snapshot refresh in the background as in use
  }

  const row = (name: string, xs: number[]) =>
    log(
      `  ${name.padEnd(58)} ${fmtMs(median(xs)).padStart(8)} ${fmtMs(p95(xs)).padStart(8)} ${String(xs.length).padStart(4)}`,
    );
  log(`\n== topic list with sizes, ${topics.length} topics (page of 100; ${rows} of 100 rows with a size)`);
  log(`  ${"scenario (ms)".padEnd(58)} ${"p50".padStart(8)} ${"p95".padStart(8)} ${"n".padStart(4)}`);
  row("warm page, sizes on, sort by name", s.withName);
  row("warm page, sizes on, sort by size (desc)", s.withSize);
  row("warm page, sizes off (baseline: DescribeLogDirs hidden)", s.without);
  row("raw platformatic describeLogDirs, all topics (baseline)", s.raw);
  row("sizes refresh in the foreground (cache invalidated)", foreground);
  const [lo, hi] = bootstrapRatio(s.withSize, s.without, p95);
  log(
    `\nratio sizes-on (sort by size) / sizes-off warm p95 = ${(p95(s.withSize) / p95(s.without)).toFixed(3)} (p50 ${(median(s.withSize) / median(s.without)).toFixed(3)}; bootstrap 95% CI of the p95 ratio ${lo.toFixed(3)}–${hi.toFixed(3)})`,
  );
  log(`ratio sizes-on page / raw describeLogDirs p50 = ${(median(s.withSize) / median(s.raw)).toFixed(3)}`);
  log(
    `gate: warm page with sizes p95 ${fmtMs(Math.max(p95(s.withName), p95(s.withSize)))} ms ≤ 100 ms: ${Math.max(p95(s.withName), p95(s.withSize)) <= 100 ? "met" : "NOT met"}`,
  );
  log(
    `host ${process.platform} ${process.version}, ${os.cpus().length} CPUs, load average ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(" ")}`,
  );
} finally {
  cache.delete(CLUSTER);
  await raw.close().catch(() => {});
  await disconnectAll();
}
process.exit(0);
