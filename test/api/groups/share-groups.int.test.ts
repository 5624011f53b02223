import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getShareGroup } from "@/app/api/clusters/[clusterId]/share-groups/[groupId]/route";
import type { ShareGroupAnswer } from "@/lib/schemas/groups";
import { describeShareGroupOffsets, describeShareGroups } from "@/server/kafka/share-groups";
import { callRoute, type Envelope } from "../../call-route";
import { listGroupsFresh } from "../../groups";
import { pollUntil } from "../../poll";
import { startJavaShareConsumer, type JavaConsumer } from "../../java-consumer";
import { produce, testAdmin, uniqueTopic } from "../../kafka-admin";

// A real Java share consumer (KafkaShareConsumer, kafka-clients 4.3.1, KIP-932) against the 4.3.1 test broker,
// where share.version=1 is finalized by default. Sluice reads it with ShareGroupDescribe v1 and
// DescribeShareGroupOffsets v0, defined in server/kafka/protocol with @platformatic/kafka's framework.
const admin = testAdmin();
const topic = uniqueTopic("share");
const group = `${topic}.share`;
let consumer: JavaConsumer | undefined;

const detail = (groupId: string) =>
  callRoute<ShareGroupAnswer & Envelope>(getShareGroup, `/api/clusters/local/share-groups/${groupId}`, {
    clusterId: "local",
    groupId,
  });
const list = () => listGroupsFresh(topic);
const ends = async () => Object.fromEntries((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, p.high]));

const until = <T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, ms = 60_000) =>
  pollUntil(what, read, ok, ms, 500);

beforeAll(async () => {
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 2 }], waitForLeaders: true });
  await produce(topic, 12, 0);
  await produce(topic, 7, 1);
  consumer = startJavaShareConsumer({ groupId: group, topics: [topic] });
  await consumer.ready;
  await consumer.consumed(19);
}, 180_000);

afterAll(async () => {
  await consumer?.stop();
  await admin.deleteGroups([group]).catch(() => {});
  await admin.deleteTopics({ topics: [topic] }).catch(() => {});
  await admin.disconnect();
});

describe("share groups (KIP-932) with a real Java share consumer", () => {
  it("ShareGroupDescribe v1 and DescribeShareGroupOffsets v1 decode the broker's answers", async () => {
    const described = await until(
      "member assigned",
      () => describeShareGroups("local", [group, `${group}.unknown`]),
      (m) => (m.get(group)?.members[0]?.assignments.length ?? 0) > 0,
    );
    expect(described.has(`${group}.unknown`)).toBe(false);
    const g = described.get(group)!;
    expect(g).toMatchObject({ groupId: group, state: "Stable" });
    expect(g.groupEpoch).toBeGreaterThan(0);
    expect(g.assignor.length).toBeGreaterThan(0);
    expect(g.members).toHaveLength(1);
    expect(g.members[0]).toMatchObject({
      clientId: "sluice-java-share",
      subscribedTopics: [topic],
      assignments: [{ topic, partitions: [0, 1] }],
    });
    expect(g.members[0].memberEpoch).toBeGreaterThan(0);
    expect(g.members[0].clientHost).toMatch(/127\.0\.0\.1/);

    // every record was delivered and acknowledged: the broker's lag (v1, KIP-1226) is 0 on both partitions; the start
    // offset is the earliest in-flight record, somewhere between 0 and the end
    const e = await ends();
    const offsets = await until(
      "lag 0 on both partitions",
      () => describeShareGroupOffsets("local", [group]),
      (m) => m.get(group)?.length === 2 && m.get(group)!.every((o) => o.lag === 0),
    );
    for (const o of offsets.get(group)!) {
      expect(o).toMatchObject({ topic, lag: 0, error: null });
      expect(Number(o.startOffset)).toBeGreaterThanOrEqual(0);
      expect(Number(o.startOffset)).toBeLessThanOrEqual(Number(e[o.partition]));
    }
    expect(offsets.get(group)!.map((o) => o.partition)).toEqual([0, 1]);
  }, 90_000);

  it("the share group page API shows state, member, assignments and start offsets per partition", async () => {
    const { status, body } = await until(
      "start offsets reported",
      () => detail(group),
      (r) => r.body.group?.partitions.every((p) => p.lag === 0) === true,
    );
    expect(status).toBe(200);
    expect(body.supported).toBe(true);
    expect(body.reason).toBeNull();
    const m = body.group!.members[0];
    expect(body.group).toMatchObject({ groupId: group, state: "Stable" });
    expect(m).toMatchObject({
      clientId: "sluice-java-share",
      subscribedTopics: [topic],
      assignments: [{ topic, partitions: [0, 1] }],
    });
    expect(body.group!.partitions.map((p) => [p.partition, p.endOffset, p.lag, p.memberIds, p.error])).toEqual([
      [0, "12", 0, [m.memberId], null],
      [1, "7", 0, [m.memberId], null],
    ]);
    expect(body.group!.partitions.every((p) => p.startOffset !== null)).toBe(true);
  }, 90_000);

  it("records produced while no consumer runs show as the broker's lag", async () => {
    await consumer!.stop();
    await until(
      "member gone",
      () => detail(group),
      (r) => r.body.group?.members.length === 0,
    );
    await produce(topic, 5, 0);
    const { body } = await until(
      "5 records behind on partition 0",
      () => detail(group),
      (r) => r.body.group?.partitions[0].lag === 5,
    );
    expect(body.group).toMatchObject({ state: "Empty", members: [] });
    expect(body.group!.partitions.map((p) => [p.partition, p.endOffset, p.lag, p.memberIds])).toEqual([
      [0, "17", 5, []],
      [1, "7", 0, []],
    ]);
  }, 90_000);

  it("lists the share group with type share, its state and the records not yet acknowledged", async () => {
    const { body } = await until(
      "share group listed with its lag",
      list,
      (r) => r.body.items?.some((g) => g.groupId === group && g.totalLag === 5) === true,
    );
    expect(body.items.find((g) => g.groupId === group)).toMatchObject({
      type: "share",
      protocolType: "share",
      state: "Empty",
      members: 0,
      topics: [topic],
      totalLag: 5,
    });
  });

  it("an unknown share group is a 404 in the envelope", async () => {
    const res = await detail(`${group}.missing`);
    expect(res.status).toBe(404);
    expect(res.body.error.message).toMatch(/does not exist/);
  });
});
