/**
 * Replicas behind nginx (`npm run bench:replicas [-- --steps 5,10,20,40,80,160] [--rate 1] [--duration 10]`).
 * The e2e profile's stack (e2e/replicas-proxy/global-setup.ts: PostgreSQL, two standalone servers started as the
 * Dockerfile does, Debian's nginx with deploy/nginx.conf), with a bench configuration (production sampling
 * interval, one cluster, the per-user stream cap raised so N viewers can share one account).
 * N viewers: each holds the browser's shared stream (/api/streams carrying the cluster's metrics stream) and
 * browses the topic and group page APIs (autocannon: N connections, each --rate requests a second, a viewer's
 * clicks, cycling topic list, topic, group list, group; for --duration seconds). N steps
 * up until a step has an error or p99 > 200 ms. Same steps in the same run against one replica directly (the
 * baseline). Prints the largest passing N per target, the ratio and peak RSS per replica; never fails.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { E2E_ADMIN } from "../playwright.config";
import globalSetup from "../e2e/replicas-proxy/global-setup";
import { PROXY_URL, readState, RUN_DIR } from "../e2e/replicas-proxy/stack";
import { TEST_STACK } from "../test/stack";

const argv = process.argv.slice(2);
const arg = (f: string, d: string) => (argv.includes(f) ? argv[argv.indexOf(f) + 1] : d);
const steps = arg("--steps", "5,10,20,40,80,160").split(",").map(Number);
const rate = Number(arg("--rate", "1"));
const duration = Number(arg("--duration", "10"));
const P99_MS = 200;
/** A second, looser bound, for hosts where one request alone already takes ~200 ms (a busy shared machine). */
const LOOSE_P99_MS = 1000;

const configPath = path.join(RUN_DIR, "bench.sluice.yaml");
writeFileSync(
  configPath,
  `clusters:\n  - id: local\n    name: Local\n    bootstrapServers: ${TEST_STACK.bootstrap}\nlimits:\n  maxSseConnectionsPerUser: 1000\n`,
);
process.env.REPLICAS_PROXY_CONFIG = configPath;
console.log("replicas bench: starting PostgreSQL, two standalone replicas and nginx…");
const teardown = await globalSetup();
const state = readState();

/** Peak RSS per replica while a step runs (from /proc; the pid is node server.js itself). */
const peakRss = new Map<number, number>();
const rssOf = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
const rssTimer = setInterval(() => {
  for (const r of state.replicas) peakRss.set(r.port, Math.max(peakRss.get(r.port) ?? 0, rssOf(r.pid)));
}, 250);

async function signIn(base: string): Promise<string> {
  const res = await fetch(`${base}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(E2E_ADMIN),
  });
  if (!res.ok) throw new Error(`sign-in at ${base}: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

/** N shared streams as browsers open them; counts those refused or cut before the step ends. */
function openViewers(base: string, cookie: string, n: number) {
  const subs = Buffer.from(JSON.stringify([{ k: "metrics", u: "/api/clusters/local/metrics/stream" }])).toString(
    "base64url",
  );
  const abort = new AbortController();
  let failed = 0;
  let events = 0;
  const streams = Array.from({ length: n }, async () => {
    try {
      const res = await fetch(`${base}/api/streams?subs=${subs}`, {
        headers: { cookie, accept: "text/event-stream" },
        signal: abort.signal,
      });
      if (!res.ok || !res.body) return void failed++;
      const reader = res.body.getReader();
      while (!(await reader.read()).done) events++;
      if (!abort.signal.aborted) failed++;
    } catch {
      if (!abort.signal.aborted) failed++;
    }
  });
  return {
    stats: () => ({ failed, events }),
    close: async () => {
      abort.abort();
      await Promise.allSettled(streams);
    },
  };
}

async function pages(base: string, cookie: string) {
  const get = async (p: string) => (await fetch(`${base}${p}`, { headers: { cookie } })).json();
  const topics = (await get("/api/clusters/local/topics")).items as { name: string }[];
  const groupList = await get("/api/clusters/local/consumer-groups");
  const groups = (groupList.items ?? groupList.groups ?? []) as { groupId: string }[];
  const enc = encodeURIComponent;
  return [
    { path: "/api/clusters/local/topics" },
    { path: `/api/clusters/local/topics/${enc(topics[0].name)}` },
    { path: "/api/clusters/local/consumer-groups" },
    ...(groups[0] ? [{ path: `/api/clusters/local/consumer-groups/${enc(groups[0].groupId)}` }] : []),
  ];
}

type Step = {
  n: number;
  requests: number;
  errors: number;
  p99: number;
  p50: number;
  streamFailures: number;
  ok: boolean;
};
async function run(label: string, base: string): Promise<Step[]> {
  const cookie = await signIn(base);
  const requests = await pages(base, cookie);
  console.log(`\n${label} (${base}), each viewer ${rate} request/s over ${requests.map((r) => r.path).join(", ")}`);
  // Warm-up (not counted): the first requests fill the replicas' metadata caches and compile the routes.
  await autocannon({ url: base, connections: 2, duration: 5, timeout: 10, headers: { cookie }, requests });
  // One viewer alone, request by request: each page API's own latency on this host (the floor under any N).
  const alone: string[] = [];
  for (const r of requests) {
    const ms: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      await (await fetch(`${base}${r.path}`, { headers: { cookie } })).arrayBuffer();
      ms.push(performance.now() - t);
    }
    alone.push(`${r.path.replace("/api/clusters/local", "")} ${ms.sort((a, b) => a - b)[2].toFixed(0)} ms`);
  }
  console.log(`  alone (median of 5): ${alone.join(", ")}`);
  const results: Step[] = [];
  for (const n of steps) {
    const viewers = openViewers(base, cookie, n);
    await new Promise((r) => setTimeout(r, 1500));
    const r = await autocannon({
      url: base,
      connections: n,
      connectionRate: rate,
      duration,
      timeout: 10,
      headers: { cookie },
      requests,
    });
    const { failed } = viewers.stats();
    await viewers.close();
    const errors = r.errors + r.non2xx;
    const step = {
      n,
      requests: r.requests.total,
      errors,
      p99: r.latency.p99,
      p50: r.latency.p50,
      streamFailures: failed,
      ok: errors === 0 && failed === 0 && r.latency.p99 <= P99_MS,
    };
    results.push(step);
    console.log(
      `  N=${String(n).padStart(4)}  ${r.requests.total} page requests (${(r.requests.total / duration).toFixed(0)}/s)  p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms  errors ${errors}  streams cut/refused ${failed}  ${step.ok ? "ok" : "FAIL"}`,
    );
    // Past the 200 ms bound the steps go on (to show how each setup degrades) until errors or p99 > 1 s.
    if (errors || failed || r.latency.p99 > LOOSE_P99_MS) break;
    await new Promise((r) => setTimeout(r, 1000));
  }
  return results;
}

try {
  const direct = `http://127.0.0.1:${state.replicas[0].port}`;
  const baseline = await run("baseline: one replica directly", direct);
  const rssBaseline = new Map(peakRss);
  peakRss.clear();
  const proxied = await run("two replicas through nginx (round robin)", PROXY_URL);
  const best = (s: Step[], bound: number) =>
    s.filter((x) => x.errors === 0 && x.streamFailures === 0 && x.p99 <= bound).at(-1)?.n ?? 0;
  console.log("");
  for (const bound of [P99_MS, LOOSE_P99_MS]) {
    const [b, p] = [best(baseline, bound), best(proxied, bound)];
    console.log(
      `largest N with 0 errors and p99 ≤ ${bound} ms: one replica directly ${b}, two replicas via nginx ${p}${b ? ` (ratio ${(p / b).toFixed(2)})` : ""}${p === steps.at(-1) ? " (the largest step tried)" : ""}`,
    );
  }
  console.log(
    `peak RSS, baseline run: ${state.replicas.map((r) => `replica :${r.port} ${rssBaseline.get(r.port)?.toFixed(0)} MB`).join(", ")}`,
  );
  console.log(
    `peak RSS, nginx run:    ${state.replicas.map((r) => `replica :${r.port} ${peakRss.get(r.port)?.toFixed(0)} MB`).join(", ")}`,
  );
} finally {
  clearInterval(rssTimer);
  await teardown();
}
