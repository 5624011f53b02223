/** Creates the B3 workload idempotently: N topics × 10 partitions, RF 3, a few records in every partition. */
import { Kafka, logLevel, type Admin } from "kafkajs";
import { Admin as ModernAdmin, metadataV12 } from "@platformatic/kafka";
import { fetchOffsetsByLeader } from "@/server/kafka/offsets";
import { BOOTSTRAP } from "./cluster";
import { CLUSTER_ID } from "./sluice-config";

export type Workload = { key: "S" | "L"; prefix: string; topics: number; partitions: number; search: string };

export const WORKLOADS: Record<"S" | "L", Workload> = {
  // search: a substring matching exactly 10 topics (NNNN = 0120..0129)
  S: { key: "S", prefix: "bench.topics.s.", topics: 1_000, partitions: 10, search: "s.012" },
  // B3 asks for 5,000 × 10 (50k partitions). With RF 3 on 3 brokers every broker keeps every partition's active
  // segment open (≈ 1 fd per partition, measured 10.1k fds for S), and the dev brokers run under a hard
  // RLIMIT_NOFILE of 20,000 here: 50k (+10k for S) cannot fit. L therefore keeps the 5,000 topics with
  // 1 partition each by default; --l-partitions 10 restores the full shape where the limit allows.
  L: { key: "L", prefix: "bench.topics.l.", topics: 5_000, partitions: 1, search: "l.012" },
};

export const topicNames = (w: Workload) =>
  Array.from({ length: w.topics }, (_, i) => `${w.prefix}${String(i).padStart(4, "0")}`);

const CREATE_BATCH = 100;
const RECORDS_PER_PARTITION = 3;
const PRODUCE_TOPICS_PER_BATCH = 100;

function kafka(clientId: string): Kafka {
  return new Kafka({
    clientId,
    brokers: BOOTSTRAP,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 5_000,
    requestTimeout: 60_000,
  });
}

async function withAdmin<T>(fn: (a: Admin) => Promise<T>): Promise<T> {
  const admin = kafka("sluice-bench-setup").admin();
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.disconnect();
  }
}

export async function ensureWorkload(w: Workload): Promise<{ created: number; produced: number; ms: number }> {
  const t0 = performance.now();
  const names = topicNames(w);
  const k = kafka("sluice-bench-setup");
  const created = await withAdmin(async (admin) => {
    const existing = new Set(await admin.listTopics());
    const missing = names.filter((n) => !existing.has(n));
    for (let i = 0; i < missing.length; i += CREATE_BATCH) {
      const batch = missing.slice(i, i + CREATE_BATCH);
      await admin.createTopics({
        waitForLeaders: false,
        timeout: 60_000,
        topics: batch.map((topic) => ({ topic, numPartitions: w.partitions, replicationFactor: 3 })),
      });
      process.stdout.write(
        `\r  ${w.key}: created ${Math.min(i + CREATE_BATCH, missing.length)}/${missing.length} topics`,
      );
    }
    if (missing.length) process.stdout.write("\n");
    return missing.length;
  });

  // Which partitions are still empty (end offset 0)? One Metadata + batched ListOffsets.
  const raw = new ModernAdmin({
    clientId: "sluice-bench-setup",
    bootstrapBrokers: BOOTSTRAP,
    requestTimeout: 60_000,
    metadataMaxAge: 1_000,
  });
  let empty: { topic: string; partition: number }[] = [];
  try {
    // Brokers create the partition logs asynchronously (about 200 partitions/s per broker on this 2-core host):
    // retry until every broker knows every topic and every partition has a leader.
    const deadline = Date.now() + 15 * 60_000;
    for (let attempt = 0; ; attempt++) {
      try {
        // every broker, not just one, must answer for every topic (a topic error throws, and the loop retries)
        let md: Awaited<ReturnType<typeof metadataV12.api.async>> | undefined;
        for (const connection of (await raw.connectToBrokers(null)).values()) {
          md = await metadataV12.api.async(connection, names, false, false);
        }
        const parts = (md?.topics ?? []).flatMap((t) =>
          t.partitions.map((p) => ({ topic: t.name ?? "", partition: p.partitionIndex, leader: p.leaderId })),
        );
        if (parts.some((p) => p.leader < 0)) throw new Error("partitions without a leader");
        const offsets = await fetchOffsetsByLeader(CLUSTER_ID, parts); // throws NOT_LEADER while leadership settles
        empty = parts.filter((p) => (offsets.get(p.topic)?.get(p.partition)?.end ?? "0") === "0");
        break;
      } catch (e) {
        if (Date.now() > deadline) throw e;
        if (attempt % 10 === 0) {
          process.stdout.write(
            `\r  ${w.key}: waiting for the brokers to create every partition (${(e as Error).message}) ...`,
          );
        }
        await new Promise((r) => setTimeout(r, 1_000));
        raw.clearMetadata();
      }
    }
    if (Date.now() > deadline - 15 * 60_000 + 1_000) process.stdout.write("\n");
  } finally {
    await raw.close();
  }

  const byTopic = new Map<string, number[]>();
  for (const p of empty) byTopic.set(p.topic, [...(byTopic.get(p.topic) ?? []), p.partition]);
  const topics = [...byTopic.entries()];
  if (topics.length) {
    const producer = k.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    try {
      for (let i = 0; i < topics.length; i += PRODUCE_TOPICS_PER_BATCH) {
        const batch = topics.slice(i, i + PRODUCE_TOPICS_PER_BATCH);
        await producer.sendBatch({
          acks: -1,
          topicMessages: batch.map(([topic, partitions]) => ({
            topic,
            messages: partitions.flatMap((partition) =>
              Array.from({ length: RECORDS_PER_PARTITION }, (_, r) => ({
                partition,
                key: `k${r}`,
                value: JSON.stringify({ topic, partition, r, at: Date.now() }),
              })),
            ),
          })),
        });
        process.stdout.write(
          `\r  ${w.key}: produced to ${Math.min(i + PRODUCE_TOPICS_PER_BATCH, topics.length)}/${topics.length} topics`,
        );
      }
      process.stdout.write("\n");
    } finally {
      await producer.disconnect();
    }
  }
  return { created, produced: empty.length, ms: performance.now() - t0 };
}

export async function deleteWorkload(w: Workload): Promise<number> {
  return withAdmin(async (admin) => {
    const existing = new Set(await admin.listTopics());
    const names = topicNames(w).filter((n) => existing.has(n));
    for (let i = 0; i < names.length; i += CREATE_BATCH) {
      await admin.deleteTopics({ topics: names.slice(i, i + CREATE_BATCH), timeout: 60_000 });
    }
    return names.length;
  });
}
