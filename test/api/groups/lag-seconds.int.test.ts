import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as lagSeconds } from "@/app/api/clusters/[clusterId]/consumer-groups/[groupId]/lag-seconds/route";
import type { LagSeconds } from "@/server/services/groups/get-lag-seconds";
import { callRoute, type Envelope } from "../../call-route";
import { testAdmin, uniqueTopic, testProducer } from "../../kafka-admin";

const admin = testAdmin();
const topic = uniqueTopic("lagsec");
const group = `${topic}.group`;

let now = 0; // when the records were stamped

beforeAll(async () => {
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 2 }], waitForLeaders: true });
  const producer = testProducer();
  await producer.connect();
  now = Date.now();
  // Partition 0: records stamped 120 s, 60 s and 10 s ago; the group committed offset 1 (next: the 60 s one).
  await producer.send({
    topic,
    messages: [120, 60, 10].map((ago, i) => ({ partition: 0, value: `p0-${i}`, timestamp: String(now - ago * 1000) })),
  });
  // Partition 1: one old record, fully consumed: caught up, 0 s however old it is.
  await producer.send({ topic, messages: [{ partition: 1, value: "p1-0", timestamp: String(now - 3_600_000) }] });
  await producer.disconnect();
  await admin.setOffsets({
    groupId: group,
    topic,
    partitions: [
      { partition: 0, offset: "1" },
      { partition: 1, offset: "1" },
    ],
  });
}, 60_000);
afterAll(async () => {
  await admin.deleteGroups([group]).catch(() => {});
  await admin.deleteTopics({ topics: [topic] }).catch(() => {});
  await admin.disconnect();
});

describe("exact lag in seconds", () => {
  it("is the age of the next record to consume; a caught-up partition is 0 s", async () => {
    const res = await callRoute<LagSeconds>(lagSeconds, `/api/clusters/local/consumer-groups/${group}/lag-seconds`, {
      clusterId: "local",
      groupId: group,
    });
    expect(res.status).toBe(200);
    const [p0, p1] = res.body.partitions;
    expect(p0).toMatchObject({ topic, partition: 0, lagRecords: 2 });
    expect(p0.lagSeconds).toBeGreaterThanOrEqual(59);
    // The record was stamped 60 s before setup; it has aged since by however long setup and the call took.
    expect(p0.lagSeconds).toBeLessThanOrEqual(60 + (Date.now() - now) / 1000 + 1);
    expect(p1).toMatchObject({ partition: 1, lagRecords: 0, lagSeconds: 0 });
    expect(res.body.maxLagSeconds).toBe(p0.lagSeconds);
  });

  it("answers 404 for a group without offsets", async () => {
    const res = await callRoute<Envelope>(
      lagSeconds,
      "/api/clusters/local/consumer-groups/it.no-such-group/lag-seconds",
      { clusterId: "local", groupId: "it.no-such-group" },
    );
    expect(res.status).toBe(404);
  });
});
