import { ConfigResourceTypes, Kafka, logLevel, type Admin } from "kafkajs";
import { BOOTSTRAP } from "./infra";

/** An independent kafkajs admin (not Sluice's pool) for arranging state and checking what the broker holds. */
export function testAdmin(): Admin {
  return new Kafka({ clientId: "sluice-tests", brokers: [BOOTSTRAP], logLevel: logLevel.NOTHING }).admin();
}

export const uniqueTopic = (prefix: string) => `it.${prefix}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** The topic's dynamic overrides as the broker reports them. */
export async function brokerOverrides(admin: Admin, topic: string): Promise<Record<string, string>> {
  const res = await admin.describeConfigs({ includeSynonyms: false, resources: [{ type: ConfigResourceTypes.TOPIC, name: topic }] });
  return Object.fromEntries(
    (res.resources[0]?.configEntries ?? []).filter((e) => (e as { configSource?: number }).configSource === 1).map((e) => [e.configName, e.configValue as string]),
  );
}

export async function produce(topic: string, count: number, partition = 0): Promise<void> {
  const producer = new Kafka({ clientId: "sluice-tests", brokers: [BOOTSTRAP], logLevel: logLevel.NOTHING }).producer();
  await producer.connect();
  await producer.send({ topic, messages: Array.from({ length: count }, (_, i) => ({ partition, key: `k${i}`, value: `v${i}` })) });
  await producer.disconnect();
}

export { commitOffsets } from "./kafka-commit";
