import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getTopic } from "@/app/api/clusters/[clusterId]/topics/[topicName]/route";
import { GET as listTopics, POST as createTopic } from "@/app/api/clusters/[clusterId]/topics/route";
import type { CreateTopicResult, TopicList } from "@/lib/schemas/topics";
import { invalidateTopicSnapshot } from "@/server/kafka/topic-snapshot";
import { callRoute } from "../../call-route";
import { testAdmin, uniqueTopic } from "../../kafka-admin";

const admin = testAdmin();
const gone = uniqueTopic("gone");
const kept = uniqueTopic("kept");
const post = (body: unknown) => ({
  method: "POST",
  body: JSON.stringify(body),
  headers: { "content-type": "application/json" },
});

beforeAll(async () => {
  await admin.connect();
  await admin.createTopics({
    topics: [{ topic: kept, configEntries: [{ name: "cleanup.policy", value: "compact" }] }],
    waitForLeaders: true,
  });
});
afterAll(async () => {
  await admin.deleteTopics({ topics: [kept] }).catch(() => {});
  await admin.disconnect();
});

describe("a topic deleted behind Sluice's back", () => {
  it("does not break later calls of Sluice's pooled admin client", async () => {
    // Sluice's shared admin reads the group offsets of the topic (kafkajs then keeps it among the topics whose
    // metadata it refreshes), then someone else deletes the topic.
    const groupId = `${gone}.group`;
    await admin.createTopics({ topics: [{ topic: gone }], waitForLeaders: true });
    await admin.setOffsets({ groupId, topic: gone, partitions: [{ partition: 0, offset: "0" }] });
    expect(
      (await callRoute(getTopic, `/api/clusters/local/topics/${gone}`, { clusterId: "local", topicName: gone })).status,
    ).toBe(200);
    await admin.deleteGroups([groupId]);
    await admin.deleteTopics({ topics: [gone] });

    invalidateTopicSnapshot("local");
    const list = await callRoute<TopicList>(listTopics, `/api/clusters/local/topics?q=${kept}`, { clusterId: "local" });
    expect(list.body.items.map((t) => [t.name, t.cleanupPolicy])).toEqual([[kept, "compact"]]);
    const dry = await callRoute<CreateTopicResult>(
      createTopic,
      "/api/clusters/local/topics?dryRun=true",
      { clusterId: "local" },
      post({ name: uniqueTopic("next"), partitions: 1, replicationFactor: 1 }),
    );
    expect(dry.status).toBe(200);
  });
});
