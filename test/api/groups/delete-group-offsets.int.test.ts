import { Kafka, logLevel, type Consumer } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELETE as deleteOffsets } from "@/app/api/clusters/[clusterId]/consumer-groups/[groupId]/offsets/route";
import { prisma } from "@/server/db/prisma";
import { callRoute, type Envelope } from "../../call-route";
import { BOOTSTRAP } from "../../infra";
import { produce, testAdmin, uniqueTopic } from "../../kafka-admin";

const admin = testAdmin();
const orders = uniqueTopic("offdel-orders");
const payments = uniqueTopic("offdel-payments");
const idle = `${orders}.idle-group`;
const activeGroup = `${orders}.active-group`;
let consumer: Consumer;
const del = (groupId: string, topic: string, clusterId = "local") =>
  callRoute<{ groupId: string; topic: string; partitions: number[] } & Envelope>(
    deleteOffsets,
    `/api/clusters/${clusterId}/consumer-groups/${groupId}/offsets?topic=${topic}`,
    { clusterId, groupId },
    { method: "DELETE" },
  );

beforeAll(async () => {
  await admin.connect();
  await admin.createTopics({
    topics: [orders, payments].map((topic) => ({ topic, numPartitions: 2 })),
    waitForLeaders: true,
  });
  await produce(orders, 5, 0);
  await produce(payments, 5, 0);
  await admin.setOffsets({
    groupId: idle,
    topic: orders,
    partitions: [
      { partition: 0, offset: "3" },
      { partition: 1, offset: "0" },
    ],
  });
  await admin.setOffsets({ groupId: idle, topic: payments, partitions: [{ partition: 0, offset: "2" }] });
  consumer = new Kafka({ clientId: "it-offdel", brokers: [BOOTSTRAP], logLevel: logLevel.NOTHING }).consumer({
    groupId: activeGroup,
  });
  await consumer.connect();
  await consumer.subscribe({ topics: [orders], fromBeginning: true });
  await new Promise<void>((resolve) => {
    consumer.on(consumer.events.GROUP_JOIN, () => resolve());
    void consumer.run({ eachMessage: async () => {} });
  });
  await admin
    .setOffsets({
      groupId: idle,
      topic: orders,
      partitions: [
        { partition: 0, offset: "3" },
        { partition: 1, offset: "0" },
      ],
    })
    .catch(() => {});
}, 60_000);

afterAll(async () => {
  await consumer?.disconnect();
  await admin.deleteGroups([idle, activeGroup]).catch(() => {});
  await admin.deleteTopics({ topics: [orders, payments] }).catch(() => {});
  await admin.disconnect();
});

describe("delete a group's offsets for one topic", () => {
  it("removes that topic's offsets and keeps the group's others, audited", async () => {
    const res = await del(idle, orders);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ groupId: idle, topic: orders, partitions: [0, 1] });
    const left = await admin.fetchOffsets({ groupId: idle, topics: [orders, payments] });
    expect(left.find((t) => t.topic === orders)!.partitions.every((p) => p.offset === "-1")).toBe(true);
    expect(left.find((t) => t.topic === payments)!.partitions.find((p) => p.partition === 0)!.offset).toBe("2");
    const row = await prisma.auditEvent.findFirst({
      where: { action: "group.offsets_deleted", target: idle },
      orderBy: { createdAt: "desc" },
    });
    expect(row?.result).toBe("success");
    expect(JSON.parse(row!.before!)).toEqual({ topic: orders, offsets: { 0: "3", 1: "0" } });
  });

  it("refuses while an active member is subscribed (409), for a topic without offsets (404), and on a read-only cluster (403)", async () => {
    // The active consumer commits as it reads; wait for its commit on the topic.
    for (let i = 0; i < 50; i++) {
      const o = await admin.fetchOffsets({ groupId: activeGroup, topics: [orders] });
      if (o[0].partitions.some((p) => Number(p.offset) > 0)) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const busy = await del(activeGroup, orders);
    expect(busy.status).toBe(409);
    expect(busy.body.error.message).toMatch(/active members subscribed/);
    expect((await del(idle, "it.offdel.none")).status).toBe(404);
    expect((await del(idle, payments, "local-readonly")).status).toBe(403);
  });
});
