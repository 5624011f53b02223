import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/metrics/route";
import { prisma } from "@/server/db/prisma";
import { samplerFor } from "@/server/metrics/sampler";
import { asAdmin, testUser } from "../../auth";

// /api/metrics served over real HTTP from the route handler, scraped by Debian's real `prometheus` server, whose
// HTTP API is then asked for Sluice's series.
const TOKEN = "test-metrics-token-0123456789";
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
let server: Server;
let port = 0;
let prom: ChildProcess | null = null;
let dir = "";
const sampler = samplerFor("local");

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const p = (s.address() as AddressInfo).port;
      s.close(() => resolve(p));
    });
  });

const scrape = async (headers: Record<string, string> = {}) => {
  const res = await fetch(`http://127.0.0.1:${port}/api/metrics`, { headers });
  return { status: res.status, type: res.headers.get("content-type"), text: await res.text() };
};

beforeAll(async () => {
  await prisma.samplerLease.deleteMany({ where: { clusterId: "local" } });
  server = createServer(async (req, res) => {
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    const response = await GET(new Request(`http://127.0.0.1:${port}${req.url}`, { headers }), {
      params: Promise.resolve({}),
    });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
  await sampler.loaded;
  sampler.start();
  for (let i = 0; i < 100 && sampler.sampledTicks < 3; i++) await wait(200);
});

afterAll(async () => {
  prom?.kill("SIGTERM");
  await sampler.stop();
  await new Promise((r) => server.close(r));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("/api/metrics", () => {
  it("refuses without the token or an admin session, and with a wrong token", async () => {
    expect((await scrape()).status).toBe(401);
    const wrong = await scrape({ authorization: "Bearer not-the-token-at-all" });
    expect(wrong.status).toBe(401);
    expect(JSON.parse(wrong.text).error.message).toMatch(/not valid/);
    const viewer = await testUser("metrics-viewer@sluice.test", { "*": "viewer" });
    expect((await scrape({ cookie: viewer.cookie })).status).toBe(403);
  });

  it("serves the text exposition to the token and to an admin, with Lag Exporter names and capped labels", async () => {
    const admin = Object.fromEntries(await asAdmin());
    for (const headers of [{ authorization: `Bearer ${TOKEN}` }, admin]) {
      const r = await scrape(headers);
      expect(r.status).toBe(200);
      expect(r.type).toMatch(/^text\/plain; version=0\.0\.4/);
      expect(r.text).toMatch(/^sluice_sampler_ticks_total\{cluster="local"\} [1-9]/m);
      expect(r.text).toMatch(/^sluice_cluster_up\{cluster_name="local"\} 1$/m);
      expect(r.text).toMatch(/^kafka_consumergroup_group_sum_lag\{cluster_name="local",group="[^"]+"\} \d+/m);
      expect(r.text).toMatch(
        /^kafka_consumergroup_group_lag\{cluster_name="local",group="[^"]+",topic="[^"]+",partition="\d+"\} \d+/m,
      );
      expect(r.text).toMatch(/^sluice_group_health\{cluster_name="local",group="[^"]+",status="OK"\} [01]$/m);
      expect(r.text).toMatch(/^sluice_partitions_offline\{cluster_name="local"\} 0$/m);
      expect(r.text).toMatch(/^sluice_brokers\{cluster_name="local"\} 1$/m);
      expect(r.text).toMatch(/^sluice_process_cpu_seconds_total /m);
      expect(r.text).toMatch(/^# TYPE sluice_alert_firing gauge$/m);
    }
    const text = (await scrape({ authorization: `Bearer ${TOKEN}` })).text;
    // 1,050 topics and 100 groups on the broker; the test config caps both at 50
    const groups = new Set(
      [...text.matchAll(/^kafka_consumergroup_group_sum_lag\{cluster_name="local",group="([^"]+)"/gm)].map((m) => m[1]),
    );
    expect(groups.size).toBe(50);
    const topics = new Set(
      [...text.matchAll(/^kafka_topic_latest_offset_sum\{cluster_name="local",topic="([^"]+)"/gm)].map((m) => m[1]),
    );
    expect(topics.size).toBeLessThanOrEqual(50);
    expect(text).toMatch(/^sluice_metrics_series_dropped\{cluster_name="local",kind="topic"\} [1-9]\d*/m);
  });

  it(
    "is scraped by a real Prometheus server, whose query API returns Sluice's series",
    { timeout: 60_000 },
    async () => {
      dir = mkdtempSync(path.join(tmpdir(), "sluice-prom-"));
      const promPort = await freePort();
      writeFileSync(
        path.join(dir, "prometheus.yml"),
        [
          "global: { scrape_interval: 1s }",
          "scrape_configs:",
          "  - job_name: sluice",
          "    metrics_path: /api/metrics",
          `    authorization: { type: Bearer, credentials: ${TOKEN} }`,
          `    static_configs: [{ targets: ["127.0.0.1:${port}"] }]`,
        ].join("\n"),
      );
      prom = spawn(
        "prometheus",
        [
          `--config.file=${path.join(dir, "prometheus.yml")}`,
          `--storage.tsdb.path=${path.join(dir, "data")}`,
          `--web.listen-address=127.0.0.1:${promPort}`,
        ],
        { stdio: "ignore" },
      );
      const query = async (q: string) => {
        const res = await fetch(`http://127.0.0.1:${promPort}/api/v1/query?query=${encodeURIComponent(q)}`).catch(
          () => null,
        );
        if (!res?.ok) return [];
        return (
          (await res.json()) as { data: { result: { metric: Record<string, string>; value: [number, string] }[] } }
        ).data.result;
      };
      let ticks: Awaited<ReturnType<typeof query>> = [];
      for (let i = 0; i < 100 && ticks.length === 0; i++) {
        await wait(300);
        ticks = await query('sluice_sampler_ticks_total{cluster="local"}');
      }
      expect(ticks).toHaveLength(1);
      expect(Number(ticks[0].value[1])).toBeGreaterThan(0);
      expect(ticks[0].metric.job).toBe("sluice");
      const up = await query('up{job="sluice"}');
      expect(up[0]?.value[1]).toBe("1");
      const lag = await query('count(kafka_consumergroup_group_sum_lag{cluster_name="local"})');
      expect(Number(lag[0]?.value[1])).toBe(50);
    },
  );
});
