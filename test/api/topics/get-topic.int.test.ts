import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getTopic } from "@/app/api/clusters/[clusterId]/topics/[topicName]/route";
import type { TopicDetail } from "@/lib/schemas/topics";
import { callRoute, type Envelope } from "../../call-route";

import { produce, testAdmin, uniqueTopic } from "../../kafka-admin";

const admin = testAdmin();
const topic = uniqueTopic("detail");
const groupId = `${topic}.group`;

beforeAll(async () => {
  await admin.connect();
  await admin.createTopics({
    topics: [{ topic, numPartitions: 2, configEntries: [{ name: "cleanup.policy", value: "compact" }] }],
    waitForLeaders: true,
  });
  await produce(topic, 8, 1);
  // A group that committed offset 3 on partition 1: lag 5.
  await admin.setOffsets({ groupId, topic, partitions: [{ partition: 1, offset: "3" }] });
});
afterAll(async () => {
  await admin.deleteGroups([groupId]).catch(() => {});
  await admin.deleteTopics({ topics: [topic] }).catch(() => {});
  await admin.disconnect();
});

describe("GET /api/clusters/:clusterId/topics/:topicName", () => {
  it("shows partitions with offsets, configs with sources, and the groups reading it with lag", async () => {
    const { status, body } = await callRoute<TopicDetail>(getTopic, `/api/clusters/local/topics/${topic}`, {
      clusterId: "local",
      topicName: topic,
    });
    expect(status).toBe(200);
    const truth = await admin.fetchTopicOffsets(topic);
    expect(body.partitions.map((p) => [p.partition, p.startOffset, p.endOffset])).toEqual(
      truth.map((p) => [p.partition, p.low, p.high]).sort(),
    );
    expect(body.records).toBe(8);
    expect(body.configs.find((c) => c.name === "cleanup.policy")).toMatchObject({
      value: "compact",
      isDefault: false,
      source: "dynamic topic config",
    });
    expect(body.configs.find((c) => c.name === "retention.ms")?.isDefault).toBe(true);
    expect(body.consumerGroups).toContainEqual({ groupId, lag: 5, partitionsWithOffsets: 1 });
  });

  it("answers 404 for a topic that does not exist", async () => {
    const { status, body } = await callRoute<Envelope>(getTopic, "/api/clusters/local/topics/no.such.topic", {
      clusterId: "local",
      topicName: "no.such.topic",
    });
    expect(status).toBe(404);
    expect(body.error.message).toBe('Topic "no.such.topic" does not exist on cluster "Local".');
  });
});
