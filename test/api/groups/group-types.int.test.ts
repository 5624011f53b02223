import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as resetOffsets } from "@/app/api/clusters/[clusterId]/consumer-groups/[groupId]/offsets/reset/route";
import { DELETE as deleteGroup, GET as getGroup } from "@/app/api/clusters/[clusterId]/consumer-groups/[groupId]/route";
import { DELETE as deleteOffsets } from "@/app/api/clusters/[clusterId]/consumer-groups/[groupId]/offsets/route";
import type { GroupDetail, ResetPreview } from "@/lib/schemas/groups";
import { prisma } from "@/server/db/prisma";
import { callRoute, type Envelope } from "../../call-route";
import { listGroupsFresh } from "../../groups";
import { pollUntil } from "../../poll";
import { startJavaConsumer, type JavaConsumer } from "../../java-consumer";
import { produce, testAdmin, uniqueTopic } from "../../kafka-admin";

// Real Java consumers (kafka-clients 4.3.1): one on the KIP-848 consumer protocol, one classic. Classic
// DescribeGroups reports a consumer-protocol group as Dead with no members; Sluice must not.
const admin = testAdmin();
const topic = uniqueTopic("gtypes");
const modern = `${topic}.consumer-protocol`;
const classic = `${topic}.classic`;
let modernConsumer: JavaConsumer | undefined;
let classicConsumer: JavaConsumer | undefined;

const json = (body: unknown) => ({
  method: "POST",
  body: JSON.stringify(body),
  headers: { "content-type": "application/json" },
});
const reset = (groupId: string, body: unknown) =>
  callRoute<ResetPreview & Envelope>(
    resetOffsets,
    `/api/clusters/local/consumer-groups/${groupId}/offsets/reset`,
    { clusterId: "local", groupId },
    json(body),
  );
const detail = (groupId: string) =>
  callRoute<GroupDetail & Envelope>(getGroup, `/api/clusters/local/consumer-groups/${groupId}`, {
    clusterId: "local",
    groupId,
  });
const list = () => listGroupsFresh(topic);
const committed = async (groupId: string) =>
  Object.fromEntries(
    (await admin.fetchOffsets({ groupId, topics: [topic] }))[0].partitions.map((p) => [p.partition, Number(p.offset)]),
  );

const until = <T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, ms = 30_000) =>
  pollUntil(what, read, ok, ms, 300);

beforeAll(async () => {
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 2 }], waitForLeaders: true });
  await produce(topic, 20, 0);
  await produce(topic, 10, 1);
  // Each consumes a few records, commits them and pauses: it stays a member, with lag left on the topic.
  modernConsumer = startJavaConsumer({
    groupId: modern,
    topics: [topic],
    protocol: "consumer",
    maxPollRecords: 3,
    stopAfter: 3,
  });
  classicConsumer = startJavaConsumer({
    groupId: classic,
    topics: [topic],
    protocol: "classic",
    maxPollRecords: 3,
    stopAfter: 3,
  });
  await Promise.all([
    modernConsumer.ready,
    classicConsumer.ready,
    modernConsumer.consumed(3),
    classicConsumer.consumed(3),
  ]);
}, 180_000);

afterAll(async () => {
  await Promise.all([modernConsumer?.stop(), classicConsumer?.stop()]);
  await admin.deleteGroups([modern, classic]).catch(() => {});
  await admin.deleteTopics({ topics: [topic] }).catch(() => {});
  await admin.disconnect();
});

describe("consumer groups of both protocols, with real Java consumers", () => {
  it("lists the consumer-protocol group as type consumer, Stable, with its member and lag = end − committed", async () => {
    // each try rebuilds the cluster's whole group snapshot: slow on a loaded machine
    const { body } = await until(
      "both groups Stable with one member",
      list,
      (r) =>
        [modern, classic].every((id) =>
          r.body.items?.some((g) => g.groupId === id && g.state === "Stable" && g.members === 1),
        ),
      80_000,
    );
    const ends = Object.fromEntries((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, Number(p.high)]));
    for (const [id, type] of [
      [modern, "consumer"],
      [classic, "classic"],
    ] as const) {
      const row = body.items.find((g) => g.groupId === id)!;
      const c = await committed(id);
      const expected = [0, 1].reduce((n, p) => n + (c[p] >= 0 ? ends[p] - c[p] : 0), 0);
      expect(row).toMatchObject({ type, state: "Stable", members: 1, topics: [topic] });
      expect(row.totalLag).toBe(expected);
      expect(row.totalLag).toBeGreaterThan(0);
    }
  }, 90_000);

  it("describes the consumer-protocol group: member id, client, epochs, subscription, assigned and target partitions, assignor", async () => {
    const { status, body } = await until(
      "member reconciled",
      () => detail(modern),
      (r) => r.body.members?.[0]?.assignments.length === 1,
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({ groupId: modern, type: "consumer", state: "Stable", protocolType: "consumer" });
    expect(body.groupEpoch).toBeGreaterThan(0);
    expect(body.assignor).toMatch(/^(uniform|range)$/);
    expect(body.members).toHaveLength(1);
    const m = body.members[0];
    expect(m.clientId).toBe("sluice-java-consumer");
    expect(m.memberId.length).toBeGreaterThan(0);
    expect(m.memberEpoch).toBeGreaterThan(0);
    expect(m.instanceId).toBeNull();
    expect(m.subscribedTopics).toEqual([topic]);
    expect(m.assignments).toEqual([{ topic, partitions: [0, 1] }]);
    expect(m.targetAssignments).toEqual([{ topic, partitions: [0, 1] }]);
    // every partition row names its owner, and the lag is the broker's end − committed
    const ends = Object.fromEntries((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, p.high]));
    expect(body.partitions.map((p) => [p.partition, p.memberId, p.endOffset])).toEqual([
      [0, m.memberId, ends[0]],
      [1, m.memberId, ends[1]],
    ]);

    const old = await detail(classic);
    expect(old.body).toMatchObject({ type: "classic", state: "Stable", groupEpoch: null, assignor: null });
    expect(old.body.members[0]).toMatchObject({
      clientId: "sluice-java-classic",
      memberEpoch: null,
      assignments: [{ topic, partitions: [0, 1] }],
    });
  });

  it("refuses a reset while the consumer-protocol group has a member (409)", async () => {
    const res = await reset(modern, { topics: [{ topic }], to: { type: "earliest" } });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/active member/);
  });

  it("refuses to delete the offsets of a topic its member is subscribed to (409)", async () => {
    const res = await callRoute<Envelope>(
      deleteOffsets,
      `/api/clusters/local/consumer-groups/${modern}/offsets?topic=${topic}`,
      { clusterId: "local", groupId: modern },
      { method: "DELETE" },
    );
    expect(res.status).toBe(409);
  });

  it("after the consumer stops: Empty, resets apply, offset and group deletion work", async () => {
    await modernConsumer!.stop();
    const { body } = await until(
      "group Empty",
      () => detail(modern),
      (r) => r.body.state === "Empty",
    );
    expect(body).toMatchObject({ type: "consumer", members: [] });
    const res = await reset(modern, { topics: [{ topic }], to: { type: "earliest" } });
    expect(res.status).toBe(200);
    expect(await committed(modern)).toEqual({ 0: 0, 1: 0 });
    const after = await list();
    expect(after.body.items.find((g) => g.groupId === modern)).toMatchObject({
      type: "consumer",
      state: "Empty",
      members: 0,
      totalLag: 30,
    });

    const offDel = await callRoute<{ partitions: number[] } & Envelope>(
      deleteOffsets,
      `/api/clusters/local/consumer-groups/${modern}/offsets?topic=${topic}`,
      { clusterId: "local", groupId: modern },
      { method: "DELETE" },
    );
    expect(offDel.status).toBe(200);
    expect(offDel.body.partitions).toEqual([0, 1]);
    expect(await committed(modern)).toEqual({ 0: -1, 1: -1 });

    const del = await callRoute<Envelope>(
      deleteGroup,
      `/api/clusters/local/consumer-groups/${modern}`,
      { clusterId: "local", groupId: modern },
      { method: "DELETE" },
    );
    expect(del.status).toBe(200);
    expect((await detail(modern)).status).toBe(404);
    const row = await prisma.auditEvent.findFirst({
      where: { action: "group.deleted", target: modern },
      orderBy: { createdAt: "desc" },
    });
    expect(row?.result).toBe("success");
  });
});
