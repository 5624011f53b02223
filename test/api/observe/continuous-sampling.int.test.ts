import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "@/server/db/prisma";
import { loadTicks } from "@/server/metrics/history";
import { MetricsSampler } from "@/server/metrics/sampler";

// Always-on sampling against the real broker: ticks are read and stored with nobody subscribed, and two replicas
// (two lease holders on the same database) hand the cluster over without a hole in the stored history.
const CLUSTER = "local"; // intervalMs 1000 in test/sluice.test.yaml
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Polls until the condition holds or the time is up (a busy host makes the first, cold tick take seconds). */
async function until(condition: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  for (const end = Date.now() + ms; Date.now() < end && !(await condition());) await wait(250);
}
const started: MetricsSampler[] = [];

afterAll(async () => {
  await Promise.all(started.map((s) => s.stop()));
  await prisma.samplerLease.deleteMany({ where: { clusterId: CLUSTER } });
});

describe("continuous sampling", () => {
  it("stores ticks with no viewer, hands the lease over on stop, and leaves no gap", { timeout: 90_000 }, async () => {
    await prisma.samplerLease.deleteMany({ where: { clusterId: CLUSTER } });
    const t0 = Date.now();
    const a = new MetricsSampler(CLUSTER, "replica-a");
    const b = new MetricsSampler(CLUSTER, "replica-b");
    started.push(a, b);
    await Promise.all([a.loaded, b.loaded]);
    a.start();
    await until(() => a.sampledTicks >= 3);
    expect(a.subscribers).toBe(0);
    expect(a.leader).toBe(true);
    expect(a.sampledTicks).toBeGreaterThanOrEqual(3);
    const stored = (await loadTicks(CLUSTER, "raw", t0)).filter((t) => t.t >= t0);
    expect(stored.length).toBeGreaterThanOrEqual(3);
    expect(stored.every((t) => t.ok)).toBe(true);

    // A second replica starts: it holds no lease, reads nothing from Kafka and serves a's ticks.
    b.start();
    const aTimes = () => new Set(a.history.map((t) => t.t));
    await until(() => b.history.filter((t) => t.t >= t0 && aTimes().has(t.t)).length >= 2);
    expect(b.leader).toBe(false);
    expect(b.sampledTicks).toBe(0);
    const served = aTimes();
    expect(b.history.filter((t) => t.t >= t0 && served.has(t.t)).length).toBeGreaterThanOrEqual(2);

    // a shuts down (releases its lease): b samples from its next tick, with no missing interval in between.
    const handover = Date.now();
    await a.stop();
    await until(() => b.sampledTicks >= 2);
    expect(b.leader).toBe(true);
    expect(b.sampledTicks).toBeGreaterThanOrEqual(2);
    const all = (await loadTicks(CLUSTER, "raw", t0)).filter((t) => t.t >= t0);
    expect(all.filter((t) => t.t > handover).length).toBeGreaterThanOrEqual(2);
    const spacing = all.slice(1).map((t, i) => t.t - all[i].t);
    expect(Math.max(...spacing)).toBeLessThan(2_500); // 1 s interval: never a missing tick
    expect(all.every((t) => t.ok)).toBe(true);
  });
});
