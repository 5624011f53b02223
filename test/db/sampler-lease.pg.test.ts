import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "@/server/db/prisma";
import { acquireLease } from "@/server/metrics/lease";
import { MetricsSampler, type TickEvent } from "@/server/metrics/sampler";

// Two Sluice replicas sharing PostgreSQL, as two sampler instances with their own replica ids against the real
// broker: only the lease holder reads Kafka; the other serves the same ticks from the database.
const CLUSTER = "local";
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

afterAll(async () => {
  await prisma.samplerLease.deleteMany({ where: { clusterId: CLUSTER } });
  await prisma.$disconnect();
});

describe("sampler lease on PostgreSQL", () => {
  it("gives a racing pair of replicas exactly one leader", async () => {
    await prisma.samplerLease.deleteMany({ where: { clusterId: "race" } });
    const results = await Promise.all(["r1", "r2", "r3", "r4"].map((holder) => acquireLease("race", holder, 10_000)));
    expect(results.filter(Boolean)).toHaveLength(1);
    await prisma.samplerLease.deleteMany({ where: { clusterId: "race" } });
  });

  it("samples on one replica only, replays on the other, and hands over when the leader stops", async () => {
    await prisma.samplerLease.deleteMany({ where: { clusterId: CLUSTER } });
    const a = new MetricsSampler(CLUSTER, "replica-a");
    const b = new MetricsSampler(CLUSTER, "replica-b");
    await Promise.all([a.loaded, b.loaded]);
    const seenA: TickEvent[] = [];
    const seenB: TickEvent[] = [];
    const stopA = a.subscribe((e) => seenA.push(e));
    await wait(300);
    const stopB = b.subscribe((e) => seenB.push(e));
    await wait(4500);
    expect(a.sampledTicks).toBeGreaterThanOrEqual(3);
    expect(b.sampledTicks).toBe(0);
    // b serves a's samples (same times), read back from the database.
    const aTimes = new Set(seenA.map((e) => e.tick.t));
    expect(seenB.length).toBeGreaterThanOrEqual(2);
    expect(seenB.every((e) => aTimes.has(e.tick.t))).toBe(true);

    stopA();
    await wait(2500);
    expect(b.sampledTicks).toBeGreaterThanOrEqual(1);
    stopB();
  });
});
