import "server-only";
import type { RawCluster } from "./raw-cluster";
import { compressionOf } from "./codecs";
import type { Compression } from "@/lib/schemas/messages";

/**
 * Reading records without a consumer group: Fetch requests sent straight to each partition's leader through
 * kafkajs's low-level Cluster. No group join (no 3 s rebalance delay before the first record), no throwaway
 * group to delete afterwards, no offsets committed, and any position can be read: a browse page is a pure
 * function of (topic, per-partition offsets), which is what makes the cursors stateless.
 */

type FetchedRecord = {
  offset: string;
  timestamp: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: Record<string, Buffer | Buffer[] | null>;
  isControlRecord: boolean;
  batchContext: { firstOffset: string; lastOffsetDelta: number; timestampType: number };
};
type FetchResponse = {
  responses: { topicName: string; partitions: { partition: number; errorCode: number; highWatermark: string; lastStartOffset?: string; messages: FetchedRecord[] }[] }[];
};
type FetchingBroker = {
  fetch(req: {
    replicaId?: number;
    isolationLevel: number;
    maxWaitTime: number;
    minBytes: number;
    maxBytes: number;
    topics: { topic: string; partitions: { partition: number; fetchOffset: string; maxBytes: number }[] }[];
  }): Promise<FetchResponse>;
};

export type KafkaRecord = {
  partition: number;
  offset: bigint;
  timestamp: number;
  timestampType: "CreateTime" | "LogAppendTime";
  key: Buffer | null;
  value: Buffer | null;
  headers: { key: string; value: Buffer | null }[];
  compression: Compression;
};

export type PartitionFetch = {
  records: KafkaRecord[];
  /** Where the next fetch of this partition starts (past skipped control batches and compacted gaps). */
  next: bigint;
  highWatermark: bigint;
};

export type FetchOptions = {
  /** How long the broker may wait for data when there is none (long-poll). */
  maxWaitMs: number;
  /** Bytes per request and per partition (the broker still returns one batch that is larger, KIP-74). */
  maxBytes?: number;
  partitionMaxBytes?: number;
};

/** Leader of every partition of a topic, from one Metadata request; unknown topic → null. */
export async function partitionLeaders(cluster: RawCluster, topic: string): Promise<Map<number, number> | null> {
  const md = await cluster.metadata({ topics: [topic] });
  const t = md.topicMetadata.find((x) => x.topic === topic);
  if (!t || t.topicErrorCode === 3) return null;
  return new Map(t.partitionMetadata.map((p) => [p.partitionId, p.leader]));
}

function toRecord(partition: number, r: FetchedRecord): KafkaRecord {
  const headers: KafkaRecord["headers"] = [];
  for (const [key, v] of Object.entries(r.headers ?? {})) {
    if (Array.isArray(v)) for (const one of v) headers.push({ key, value: one });
    else headers.push({ key, value: v });
  }
  return {
    partition,
    offset: BigInt(r.offset),
    timestamp: Number(r.timestamp),
    timestampType: r.batchContext?.timestampType === 1 ? "LogAppendTime" : "CreateTime",
    key: r.key,
    value: r.value,
    headers,
    compression: compressionOf(r.value, r.key, ...headers.map((h) => h.value)),
  };
}

/**
 * One Fetch round: one request per leader (in parallel) for the given partitions at the given positions.
 * Records before a position (a batch starts before it) and transaction markers are dropped.
 */
export async function fetchRound(
  cluster: RawCluster,
  topic: string,
  leaders: Map<number, number>,
  positions: Map<number, bigint>,
  options: FetchOptions,
): Promise<Map<number, PartitionFetch>> {
  const byLeader = new Map<number, number[]>();
  for (const partition of positions.keys()) {
    const leader = leaders.get(partition);
    if (leader === undefined || leader < 0) throw Object.assign(new Error(`Partition ${partition} of ${topic} has no leader right now.`), { type: "LEADER_NOT_AVAILABLE", retriable: true });
    const list = byLeader.get(leader);
    if (list) list.push(partition);
    else byLeader.set(leader, [partition]);
  }
  const out = new Map<number, PartitionFetch>();
  await Promise.all(
    [...byLeader.entries()].map(async ([nodeId, partitions]) => {
      const broker = (await cluster.findBroker({ nodeId })) as unknown as FetchingBroker;
      const res = await broker.fetch({
        replicaId: -1,
        isolationLevel: 0,
        maxWaitTime: options.maxWaitMs,
        minBytes: 1,
        maxBytes: options.maxBytes ?? 8 * 1024 * 1024,
        topics: [
          {
            topic,
            partitions: partitions.map((partition) => ({ partition, fetchOffset: positions.get(partition)!.toString(), maxBytes: options.partitionMaxBytes ?? 1024 * 1024 })),
          },
        ],
      });
      for (const t of res.responses) {
        for (const p of t.partitions) {
          const from = positions.get(p.partition)!;
          let next = from;
          const records: KafkaRecord[] = [];
          for (const r of p.messages) {
            const batchEnd = BigInt(r.batchContext.firstOffset) + BigInt(r.batchContext.lastOffsetDelta) + 1n;
            if (batchEnd > next) next = batchEnd;
            const offset = BigInt(r.offset);
            if (offset + 1n > next) next = offset + 1n;
            if (r.isControlRecord || offset < from) continue;
            records.push(toRecord(p.partition, r));
          }
          out.set(p.partition, { records, next, highWatermark: BigInt(p.highWatermark) });
        }
      }
    }),
  );
  return out;
}
