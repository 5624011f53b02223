import "server-only";
import { ConfigResourceTypes, type Producer } from "kafkajs";
import { toApiError } from "./errors";
import { getKafka, withAdmin } from "./registry";

export type OutRecord = {
  topic: string;
  partition?: number;
  key: Buffer | null;
  value: Buffer | null;
  headers: { key: string; value: Buffer | null }[];
  timestamp?: number;
};

export type ReplayProducer = { send(records: OutRecord[]): Promise<void>; close(): Promise<void> };

/**
 * A producer of its own for one replay job: idempotent (`idempotent: true`, acks=all, one request in flight), so
 * a batch retried across a broker restart is written once. Not the cluster's shared producer, which stays
 * non-idempotent so it works on every ACL setup; a job needs IDEMPOTENT_WRITE (implied by WRITE since Kafka 2.8).
 */
export async function openReplayProducer(clusterId: string): Promise<ReplayProducer> {
  const producer: Producer = getKafka(clusterId).producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    retry: { retries: 8, initialRetryTime: 300, maxRetryTime: 5000 },
  });
  try {
    await producer.connect();
  } catch (error) {
    await producer.disconnect().catch(() => {});
    throw toApiError(error, clusterId);
  }
  return {
    async send(records) {
      const byTopic = new Map<string, OutRecord[]>();
      for (const r of records) {
        const list = byTopic.get(r.topic);
        if (list) list.push(r);
        else byTopic.set(r.topic, [r]);
      }
      try {
        await producer.sendBatch({
          acks: -1,
          topicMessages: [...byTopic].map(([topic, list]) => ({
            topic,
            messages: list.map((r) => ({
              key: r.key,
              value: r.value,
              headers: groupHeaders(r.headers),
              ...(r.partition !== undefined ? { partition: r.partition } : {}),
              ...(r.timestamp !== undefined ? { timestamp: String(r.timestamp) } : {}),
            })),
          })),
        });
      } catch (error) {
        throw toApiError(error, clusterId);
      }
    },
    close: () => producer.disconnect().catch(() => {}),
  };
}

/** kafkajs takes repeated header keys as arrays; a null header value is sent as empty. */
function groupHeaders(headers: OutRecord["headers"]): Record<string, Buffer | Buffer[]> {
  const out: Record<string, Buffer | Buffer[]> = Object.create(null);
  for (const h of headers) {
    const v = h.value ?? Buffer.alloc(0);
    const prev = out[h.key];
    out[h.key] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

const KAFKA_DEFAULT_MAX_MESSAGE_BYTES = 1_048_588;

/** A topic's partition count and max.message.bytes; a missing topic → null. */
export async function destinationTopic(
  clusterId: string,
  topic: string,
): Promise<{ partitions: number; maxMessageBytes: number } | null> {
  return withAdmin(clusterId, async (admin) => {
    const md = await admin.fetchTopicMetadata({ topics: [topic] }).catch((e) => {
      if ((e as { type?: string }).type === "UNKNOWN_TOPIC_OR_PARTITION") return null;
      throw e;
    });
    const t = md?.topics.find((x) => x.name === topic);
    if (!t) return null;
    const res = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: ConfigResourceTypes.TOPIC, name: topic }],
    });
    const v = Number(res.resources[0]?.configEntries.find((e) => e.configName === "max.message.bytes")?.configValue);
    return {
      partitions: t.partitions.length,
      maxMessageBytes: Number.isFinite(v) && v > 0 ? v : KAFKA_DEFAULT_MAX_MESSAGE_BYTES,
    };
  });
}
