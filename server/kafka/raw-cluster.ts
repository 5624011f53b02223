import "server-only";
import type { Kafka } from "kafkajs";

/**
 * kafkajs's admin API reads offsets one topic at a time (one ListOffsets round per topic) and hides the
 * metadata flags Sluice shows (internal, offline replicas). Its internal Cluster object can do both in one
 * request per broker. kafkajs 2.2.4 is frozen, so these internals are stable; they are reached here and nowhere
 * else, with types for exactly the parts used.
 */
export type RawPartitionMetadata = {
  partitionId: number;
  leader: number;
  replicas: number[];
  isr: number[];
  offlineReplicas?: number[];
  partitionErrorCode: number;
};
export type RawTopicMetadata = { topic: string; isInternal: boolean; topicErrorCode: number; partitionMetadata: RawPartitionMetadata[] };
export type RawMetadata = { brokers: { nodeId: number; host: string; port: number; rack?: string | null }[]; controllerId: number; clusterId: string; topicMetadata: RawTopicMetadata[] };
type ListOffsetsRequest = { isolationLevel: number; topics: { topic: string; partitions: { partition: number; timestamp: number }[] }[] };
type ListOffsetsResponse = { responses: { topic: string; partitions: { partition: number; offset: string }[] }[] };
export type RawBroker = { listOffsets(req: ListOffsetsRequest): Promise<ListOffsetsResponse> };
export type RawCluster = {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  refreshMetadata(): Promise<void>;
  metadata(o: { topics: string[] }): Promise<RawMetadata>;
  findBroker(o: { nodeId: number }): Promise<RawBroker>;
};

export function createRawCluster(kafka: Kafka): RawCluster {
  const key = Object.getOwnPropertySymbols(kafka).find((s) => s.description === "private:Kafka:createCluster");
  const create = key ? (kafka as unknown as Record<symbol, unknown>)[key] : undefined;
  if (typeof create !== "function") throw new Error("kafkajs internals changed: Kafka#createCluster not found");
  return create({ allowAutoTopicCreation: false, isolationLevel: 0 }) as RawCluster;
}

const EARLIEST = -2;
const LATEST = -1;
const READ_UNCOMMITTED = 0;

export type PartitionOffsets = { start: string; end: string };

/**
 * Start and end offsets of the given partitions, grouped by leader: two ListOffsets requests per broker
 * (earliest, latest), whatever the number of topics. Partitions without a leader are left out.
 */
export async function fetchOffsetsByLeader(
  cluster: RawCluster,
  partitions: { topic: string; partition: number; leader: number }[],
): Promise<Map<string, Map<number, PartitionOffsets>>> {
  const byLeader = new Map<number, Map<string, number[]>>();
  for (const p of partitions) {
    if (p.leader < 0) continue;
    const topics = byLeader.get(p.leader) ?? new Map<string, number[]>();
    topics.set(p.topic, [...(topics.get(p.topic) ?? []), p.partition]);
    byLeader.set(p.leader, topics);
  }
  const result = new Map<string, Map<number, PartitionOffsets>>();
  const put = (topic: string, partition: number, field: keyof PartitionOffsets, offset: string) => {
    const t = result.get(topic) ?? new Map<number, PartitionOffsets>();
    const cur = t.get(partition) ?? { start: "0", end: "0" };
    t.set(partition, { ...cur, [field]: offset });
    result.set(topic, t);
  };
  await Promise.all(
    [...byLeader.entries()].flatMap(([nodeId, topics]) =>
      ([["start", EARLIEST], ["end", LATEST]] as const).map(async ([field, timestamp]) => {
        const broker = await cluster.findBroker({ nodeId });
        const res = await broker.listOffsets({
          isolationLevel: READ_UNCOMMITTED,
          topics: [...topics.entries()].map(([topic, ps]) => ({ topic, partitions: ps.map((partition) => ({ partition, timestamp })) })),
        });
        for (const r of res.responses) for (const p of r.partitions) put(r.topic, p.partition, field, p.offset);
      }),
    ),
  );
  return result;
}

/** Records in a partition set: Σ(end − start). */
export function countRecords(offsets: Map<number, PartitionOffsets> | undefined, partitionCount: number): number | null {
  if (!offsets || offsets.size < partitionCount) return null;
  let n = 0n;
  for (const o of offsets.values()) n += BigInt(o.end) - BigInt(o.start);
  return Number(n);
}
