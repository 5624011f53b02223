import kafkajs, { type Admin } from "kafkajs";
import { BOOTSTRAP } from "./infra";

// kafkajs is CommonJS: Playwright's ESM loader (the e2e fixtures import this file) sees only its default export.
const { ConfigResourceTypes, Kafka, logLevel } = kafkajs;

/**
 * An independent kafkajs admin (not Sluice's pool) for arranging state and checking what the broker holds.
 * Its createTopics waits for leaders itself (unless waitForLeaders is false): kafkajs's own wait asks for metadata a
 * busy KRaft broker does not hold yet and gives up with UNKNOWN_TOPIC_OR_PARTITION (it retries only
 * LEADER_NOT_AVAILABLE), although the topics were created.
 */
export function testAdmin(): Admin {
  const admin = new Kafka({ clientId: "sluice-tests", brokers: [BOOTSTRAP], logLevel: logLevel.NOTHING }).admin();
  const createTopics = admin.createTopics.bind(admin);
  admin.createTopics = async (options) => {
    const created = await createTopics({ ...options, waitForLeaders: false });
    if (options.waitForLeaders !== false && !options.validateOnly) {
      await waitForLeaders(
        admin,
        options.topics.map((t) => t.topic),
      );
    }
    return created;
  };
  return admin;
}

async function waitForLeaders(admin: Admin, topics: string[]): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      const meta = await admin.fetchTopicMetadata({ topics });
      if (meta.topics.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0))) return;
    } catch (error) {
      if (attempt >= 80) throw error;
    }
    if (attempt >= 80) throw new Error(`topics ${topics.slice(0, 3).join(", ")}… have no leader after 20 s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export const uniqueTopic = (prefix: string) =>
  `it.${prefix}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Creates a uniquely named topic (`prefix`, `partitions`) and adds it to `created`, the file's list to delete after. */
export async function createTestTopic(
  admin: Admin,
  created: string[],
  prefix: string,
  partitions = 1,
): Promise<string> {
  const topic = uniqueTopic(prefix);
  created.push(topic);
  await admin.createTopics({ topics: [{ topic, numPartitions: partitions }], waitForLeaders: true });
  return topic;
}

/** The topic's dynamic overrides as the broker reports them. */
export async function brokerOverrides(admin: Admin, topic: string): Promise<Record<string, string>> {
  const res = await admin.describeConfigs({
    includeSynonyms: false,
    resources: [{ type: ConfigResourceTypes.TOPIC, name: topic }],
  });
  return Object.fromEntries(
    (res.resources[0]?.configEntries ?? [])
      .filter((e) => (e as { configSource?: number }).configSource === 1)
      .map((e) => [e.configName, e.configValue as string]),
  );
}

/** An independent kafkajs producer (not Sluice's pool), for writing the records a test reads. */
export const testProducer = () =>
  new Kafka({ clientId: "sluice-tests", brokers: [BOOTSTRAP], logLevel: logLevel.NOTHING }).producer();

export async function produce(topic: string, count: number, partition = 0): Promise<void> {
  const producer = testProducer();
  await producer.connect();
  await producer.send({
    topic,
    messages: Array.from({ length: count }, (_, i) => ({ partition, key: `k${i}`, value: `v${i}` })),
  });
  await producer.disconnect();
}

export { commitOffsets } from "./kafka-commit";
