import { Kafka, logLevel, type Consumer } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as resetOffsets } from "@/app/api/clusters/[clusterId]/consumer-groups/[groupId]/offsets/reset/route";
import { DELETE as deleteGroup, GET as getGroup } from "@/app/api/clusters/[clusterId]/consumer-groups/[groupId]/route";
import { GET as listGroups } from "@/app/api/clusters/[clusterId]/consumer-groups/route";
import type { GroupDetail, GroupListItem, ResetPreview } from "@/lib/schemas/groups";
import { invalidateGroupSnapshot } from "@/server/kafka/group-snapshot";
import { prisma } from "@/server/db/prisma";
import { callRoute, type Envelope } from "../../call-route";
import { BOOTSTRAP } from "../../infra";
import { produce, testAdmin, uniqueTopic } from "../../kafka-admin";

const admin = testAdmin();
const topic = uniqueTopic("groups");
const idle = `${topic}.idle`;
const active = `${topic}.active`;
let consumer: Consumer;
const json = (body: unknown) => ({
  method: "POST",
  body: JSON.stringify(body),
  headers: { "content-type": "application/json" },
});
const reset = (groupId: string, body: unknown, dryRun = false, clusterId = "local") =>
  callRoute<ResetPreview & Envelope>(
    resetOffsets,
    `/api/clusters/${clusterId}/consumer-groups/${groupId}/offsets/reset${dryRun ? "?dryRun=true" : ""}`,
    { clusterId, groupId },
    json(body),
  );
const committed = async (groupId: string) =>
  Object.fromEntries(
    (await admin.fetchOffsets({ groupId, topics: [topic] }))[0].partitions.map((p) => [p.partition, p.offset]),
  );

beforeAll(async () => {
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
  await produce(topic, 10, 0);
  await produce(topic, 6, 1);
  await admin.setOffsets({
    groupId: idle,
    topic,
    partitions: [
      { partition: 0, offset: "4" },
      { partition: 1, offset: "6" },
    ],
  });
  consumer = new Kafka({ clientId: "it-active-consumer", brokers: [BOOTSTRAP], logLevel: logLevel.NOTHING }).consumer({
    groupId: active,
  });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await new Promise<void>((resolve) => {
    consumer.on(consumer.events.GROUP_JOIN, () => resolve());
    void consumer.run({ eachMessage: async () => {} });
  });
  invalidateGroupSnapshot("local");
}, 60_000);

afterAll(async () => {
  await consumer?.disconnect();
  await admin.deleteGroups([idle, active]).catch(() => {});
  await admin.deleteTopics({ topics: [topic] }).catch(() => {});
  await admin.disconnect();
});

describe("consumer groups", () => {
  it("lists groups with state, members, topics and lag equal to end − committed", async () => {
    const { status, body } = await callRoute<{ items: GroupListItem[] }>(
      listGroups,
      `/api/clusters/local/consumer-groups?q=${topic}`,
      { clusterId: "local" },
    );
    expect(status).toBe(200);
    const ends = Object.fromEntries((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, Number(p.high)]));
    const idleRow = body.items.find((g) => g.groupId === idle)!;
    expect(idleRow).toMatchObject({
      state: "Empty",
      members: 0,
      topics: [topic],
      totalLag: ends[0] - 4 + (ends[1] - 6),
    });
    expect(body.items.find((g) => g.groupId === active)).toMatchObject({ state: "Stable", members: 1 });
    expect(body.items[0].totalLag).toBeGreaterThanOrEqual(body.items[1].totalLag ?? 0); // sorted by lag, desc
  });

  it("shows members with assignments and per-partition committed offset, end and lag", async () => {
    const idleDetail = await callRoute<GroupDetail>(getGroup, `/api/clusters/local/consumer-groups/${idle}`, {
      clusterId: "local",
      groupId: idle,
    });
    expect(idleDetail.body.partitions.map((p) => [p.partition, p.committedOffset, p.endOffset, p.lag])).toEqual([
      [0, "4", "10", 6],
      [1, "6", "6", 0],
    ]);
    const activeDetail = await callRoute<GroupDetail>(getGroup, `/api/clusters/local/consumer-groups/${active}`, {
      clusterId: "local",
      groupId: active,
    });
    expect(activeDetail.body.members).toHaveLength(1);
    expect(activeDetail.body.members[0]).toMatchObject({
      clientId: "it-active-consumer",
      assignments: [{ topic, partitions: [0, 1, 2] }],
    });
    expect(activeDetail.body.partitions.every((p) => p.clientId === "it-active-consumer")).toBe(true);
  });

  it("answers 404 for an unknown group", async () => {
    const res = await callRoute<Envelope>(getGroup, "/api/clusters/local/consumer-groups/no-such-group", {
      clusterId: "local",
      groupId: "no-such-group",
    });
    expect(res.status).toBe(404);
  });

  it("previews a reset without changing anything", async () => {
    const res = await reset(idle, { topics: [{ topic }], to: { type: "earliest" } }, true);
    expect(res.status).toBe(200);
    expect(res.body.partitions.map((p) => [p.partition, p.current, p.next, p.lagAfter])).toEqual([
      [0, "4", "0", 10],
      [1, "6", "0", 6],
      [2, null, "0", 0],
    ]);
    expect(await committed(idle)).toMatchObject({ 0: "4", 1: "6" });
  });

  it("applies a shift, verified on the broker, and audits it", async () => {
    const res = await reset(idle, { topics: [{ topic, partitions: [0] }], to: { type: "shift", by: -2 } });
    expect(res.status).toBe(200);
    expect(await committed(idle)).toMatchObject({ 0: "2", 1: "6" });
    const rows = await prisma.auditEvent.findMany({ where: { target: idle } });
    expect(rows.map((r) => [r.action, r.result, JSON.parse(r.after!)])).toEqual([
      ["group.offsets_reset", "success", { [`${topic}:0`]: "2" }],
    ]);
  });

  it("refuses to reset or delete a group with active members, naming them", async () => {
    const res = await reset(active, { topics: [{ topic }], to: { type: "latest" } });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/1 active member\(s\) \(it-active-consumer@/);
    const del = await callRoute<Envelope>(
      deleteGroup,
      `/api/clusters/local/consumer-groups/${active}`,
      { clusterId: "local", groupId: active },
      { method: "DELETE" },
    );
    expect(del.status).toBe(409);
  });

  it.each([
    ["a zero shift", { topics: [{ topic }], to: { type: "shift", by: 0 } }, 422, /non-zero/],
    [
      "an unknown partition",
      { topics: [{ topic, partitions: [7] }], to: { type: "earliest" } },
      422,
      /has no partition 7/,
    ],
    [
      "an offset past the end",
      { topics: [{ topic, partitions: [0] }], to: { type: "offset", offset: "11" } },
      422,
      /outside the partition's range 0–10/,
    ],
    ["an unknown topic", { topics: [{ topic: "no.such.topic" }], to: { type: "earliest" } }, 404, /does not exist/],
  ])("refuses %s and leaves the offsets as they were", async (_what, body, status, message) => {
    const before = await committed(idle);
    const res = await reset(idle, body);
    expect(res.status).toBe(status);
    expect(res.body.error.message).toMatch(message);
    expect(await committed(idle)).toEqual(before);
  });

  it("refuses changes on a read-only cluster", async () => {
    const res = await reset(idle, { topics: [{ topic }], to: { type: "earliest" } }, false, "local-readonly");
    expect(res.status).toBe(403);
  });

  it("deletes an idle group", async () => {
    const res = await callRoute<{ deleted: string }>(
      deleteGroup,
      `/api/clusters/local/consumer-groups/${idle}`,
      { clusterId: "local", groupId: idle },
      { method: "DELETE" },
    );
    expect(res.status).toBe(200);
    expect((await admin.listGroups()).groups.some((g) => g.groupId === idle)).toBe(false);
  });
});
