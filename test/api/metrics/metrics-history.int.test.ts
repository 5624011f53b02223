import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { GET as history } from "@/app/api/clusters/[clusterId]/metrics/history/route";
import type { MetricsPoint } from "@/lib/schemas/metrics";
import { prisma } from "@/server/db/prisma";
import { loadTicks, pruneHistory, recordTick } from "@/server/metrics/history";
import { MetricsSampler, type Tick } from "@/server/metrics/sampler";
import { callRoute } from "../../call-route";

// The read-only test cluster: no live sampler runs for it in other tests, so its stored samples are ours.
const CLUSTER = "local-readonly";
const tick = (t: number, produce: number, lag: number): Tick => ({
  t,
  ok: true,
  produceRate: produce,
  consumeRate: 1,
  topics: [{ topic: "orders", rate: produce, end: 0 }],
  groups: [{ groupId: "billing", lag, rate: 1, lagSeconds: lag * 2 }],
});

beforeEach(() => prisma.metricSample.deleteMany({ where: { clusterId: CLUSTER } }));
afterAll(() => prisma.metricSample.deleteMany({ where: { clusterId: CLUSTER } }));

describe("metrics history", () => {
  it("stores ticks, rolls finished minutes up, and a new sampler (after a restart) starts with the stored hour", async () => {
    const base = Date.now() - 10 * 60_000;
    const minute = base - (base % 60_000);
    await recordTick(CLUSTER, tick(minute + 1_000, 10, 5));
    await recordTick(CLUSTER, tick(minute + 30_000, 30, 7));
    await recordTick(CLUSTER, { t: minute + 45_000, ok: false, error: "broker down" });
    await recordTick(CLUSTER, tick(minute + 61_000, 50, 9)); // next minute: the first one is rolled up
    const rolled = await loadTicks(CLUSTER, "1m", minute);
    expect(rolled).toHaveLength(1);
    expect(rolled[0]).toMatchObject({ t: minute, ok: true, produceRate: 20 });
    // lag and its estimate in seconds are what the operator saw at the end of the minute
    expect(rolled[0].ok && rolled[0].groups).toEqual([{ groupId: "billing", lag: 7, rate: 1, lagSeconds: 14 }]);

    const restarted = new MetricsSampler(CLUSTER);
    await restarted.loaded;
    expect(restarted.history.map((t) => t.ok)).toEqual([true, true, false, true]);
  });

  it("serves ranges at their resolution, scoped to a topic or a group", async () => {
    const now = Date.now();
    await recordTick(CLUSTER, tick(now - 5_000, 12, 3));
    const topic = await callRoute<{ resolution: string; points: MetricsPoint[] }>(
      history,
      `/api/clusters/${CLUSTER}/metrics/history?range=1h&topic=orders`,
      { clusterId: CLUSTER },
    );
    expect(topic.status).toBe(200);
    expect(topic.body.resolution).toBe("raw");
    expect(topic.body.points.at(-1)).toMatchObject({ ok: true, topics: [{ topic: "orders", rate: 12 }], groups: [] });
    const group = await callRoute<{ points: MetricsPoint[] }>(
      history,
      `/api/clusters/${CLUSTER}/metrics/history?range=1h&group=billing`,
      { clusterId: CLUSTER },
    );
    expect(group.body.points.at(-1)).toMatchObject({ groups: [{ groupId: "billing", lag: 3 }], topics: [] });
    const bad = await callRoute(history, `/api/clusters/${CLUSTER}/metrics/history?range=2y`, { clusterId: CLUSTER });
    expect(bad.status).toBe(422);
  });

  it("prunes each resolution past its retention (raw 1 h, per minute 24 h, per hour 30 days)", async () => {
    const now = Date.now();
    const row = (resolution: string, ageMs: number) =>
      prisma.metricSample.create({
        data: { clusterId: CLUSTER, resolution, at: new Date(now - ageMs), data: '{"ok":true}' },
      });
    await Promise.all([
      row("raw", 2 * 3600_000),
      row("raw", 60_000),
      row("1m", 25 * 3600_000),
      row("1m", 3600_000),
      row("1h", 31 * 86_400_000),
      row("1h", 86_400_000),
    ]);
    await pruneHistory(CLUSTER, now);
    const left = await prisma.metricSample.findMany({ where: { clusterId: CLUSTER }, orderBy: { resolution: "asc" } });
    expect(left.map((r) => r.resolution).sort()).toEqual(["1h", "1m", "raw"]);
  });
});
