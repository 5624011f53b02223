import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "@/server/db/prisma";
import { forgetGroupHistory } from "@/server/kafka/group-history";
import { forgetHealth } from "@/server/metrics/health-store";
import { MetricsSampler } from "@/server/metrics/sampler";
import { commitOffsets, produce, testAdmin, uniqueTopic } from "../../kafka-admin";

// Group health is stored: a group that stopped (committed offset still, lag > 0, nobody consuming) turns STOP on the
// real broker, the change is an event, and a "restarted" sampler (memory forgotten) keeps the verdict and the
// windows behind it instead of starting with "not enough history".
const CLUSTER = "local";
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const admin = testAdmin();
const topic = uniqueTopic("health");
const group = `${topic}.stopped`;
const samplers: MetricsSampler[] = [];

afterAll(async () => {
  await Promise.all(samplers.map((s) => s.stop()));
  await admin.deleteGroups([group]).catch(() => {});
  await admin.deleteTopics({ topics: [topic] }).catch(() => {});
  await admin.disconnect();
});

describe("persistent group health", () => {
  it("stores a STOP verdict with an event, and a restarted sampler keeps it", { timeout: 60_000 }, async () => {
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
    await produce(topic, 20);
    await commitOffsets(group, topic, { 0: 5 });
    await prisma.samplerLease.deleteMany({ where: { clusterId: CLUSTER } });
    const since = new Date();

    const a = new MetricsSampler(CLUSTER, "health-a");
    samplers.push(a);
    a.start();
    let row = null;
    for (let i = 0; i < 60 && row?.status !== "STOP"; i++) {
      await wait(500);
      row = await prisma.groupHealthState.findUnique({
        where: { clusterId_groupId: { clusterId: CLUSTER, groupId: group } },
      });
    }
    expect(row?.status).toBe("STOP");
    expect(row?.rule).toMatch(/no consumer and the committed offset stayed at 5/);
    const windows = JSON.parse(row!.windows) as Record<string, unknown[]>;
    expect(Object.values(windows)[0].length).toBeGreaterThanOrEqual(3);
    const events = await prisma.observationEvent.findMany({
      where: { clusterId: CLUSTER, subject: group, kind: "group.health_changed", at: { gte: since } },
    });
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0].data)).toMatchObject({ from: "OK", to: "STOP" });
    await a.stop();

    // A new process: nothing in memory. Its first tick already says STOP (from the stored windows), and no second
    // event is recorded for a status that did not change.
    forgetGroupHistory(CLUSTER);
    forgetHealth(CLUSTER);
    const b = new MetricsSampler(CLUSTER, "health-b");
    samplers.push(b);
    b.start();
    for (let i = 0; i < 40 && b.sampledTicks < 1; i++) await wait(100);
    await b.idle();
    expect(b.groupDetail.get(group)?.status).toBe("STOP");
    await wait(1_500);
    expect(
      await prisma.observationEvent.count({
        where: { clusterId: CLUSTER, subject: group, kind: "group.health_changed", at: { gte: since } },
      }),
    ).toBe(1);
  });
});
