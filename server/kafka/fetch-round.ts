import "server-only";
import { fetchV12, type Admin as ModernAdmin, type RecordsBatch } from "@platformatic/kafka";
import type { Compression } from "@/lib/schemas/messages";

/**
 * The Fetch round itself, on any `@platformatic/kafka` Admin: what the message-reading clients of the main thread
 * (fetch-records.ts) and the scan workers (scan-worker.ts, their own clients) both send. It imports nothing that
 * holds process state, so a worker thread can load it without the client pool or the configuration.
 */

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

const CODECS: Compression[] = ["none", "gzip", "snappy", "lz4", "zstd"];
const IS_CONTROL = 1 << 5;
const LOG_APPEND_TIME = 1 << 3;
const decoder = new TextDecoder();

/** The records of one batch at or after `from`; control batches (transaction markers) give none. */
function recordsOf(partition: number, batch: RecordsBatch, from: bigint, out: KafkaRecord[]): void {
  if (batch.attributes & IS_CONTROL) return;
  const compression = CODECS[batch.attributes & 7] ?? "none";
  const logAppend = (batch.attributes & LOG_APPEND_TIME) !== 0;
  for (const r of batch.records) {
    const offset = batch.firstOffset + BigInt(r.offsetDelta);
    if (offset < from) continue;
    out.push({
      partition,
      offset,
      timestamp: Number(logAppend ? batch.maxTimestamp : batch.firstTimestamp + r.timestampDelta),
      timestampType: logAppend ? "LogAppendTime" : "CreateTime",
      key: r.key,
      value: r.value,
      headers: r.headers.map(([k, v]) => ({ key: k ? decoder.decode(k) : "", value: v })),
      compression,
    });
  }
}

/**
 * One Fetch round: one request per leader (in parallel) for the given partitions at the given positions.
 * Records before a position (a batch starts before it) and transaction markers are dropped. A partition-level
 * error (leader moved, offset out of range) fails the round with that error's name, as the caller retries.
 */
export async function fetchRoundOn(
  admin: ModernAdmin,
  topic: string,
  leaders: Map<number, number>,
  positions: Map<number, bigint>,
  options: FetchOptions,
): Promise<Map<number, PartitionFetch>> {
  const byLeader = new Map<number, number[]>();
  for (const partition of positions.keys()) {
    const leader = leaders.get(partition);
    if (leader === undefined || leader < 0) {
      throw Object.assign(new Error(`Partition ${partition} of ${topic} has no leader right now.`), {
        type: "LEADER_NOT_AVAILABLE",
        retriable: true,
      });
    }
    const list = byLeader.get(leader);
    if (list) list.push(partition);
    else byLeader.set(leader, [partition]);
  }
  const connections = await admin.connectToBrokers([...byLeader.keys()]);
  const out = new Map<number, PartitionFetch>();
  await Promise.all(
    [...byLeader.entries()].map(async ([nodeId, partitions]) => {
      const connection = connections.get(nodeId);
      if (!connection) {
        throw Object.assign(new Error(`Broker ${nodeId}, leader of ${topic}, is not known to the cluster right now.`), {
          type: "LEADER_NOT_AVAILABLE",
          retriable: true,
        });
      }
      const request = [
        {
          topicId: topic, // Fetch v12 names topics; v13+ would need topic ids
          partitions: partitions.map((partition) => ({
            partition,
            currentLeaderEpoch: -1,
            fetchOffset: positions.get(partition)!,
            lastFetchedEpoch: -1,
            partitionMaxBytes: options.partitionMaxBytes ?? 1024 * 1024,
          })),
        },
      ];
      // session id 0 / epoch -1: a full fetch outside any fetch session (KIP-227); read uncommitted
      const res: fetchV12.FetchResponse = await fetchV12.api.async(
        connection,
        options.maxWaitMs,
        1,
        options.maxBytes ?? 8 * 1024 * 1024,
        0,
        0,
        -1,
        request,
        [],
        "",
      );
      for (const t of res.responses) {
        for (const p of t.partitions) {
          const from = positions.get(p.partitionIndex)!;
          let next = from;
          const records: KafkaRecord[] = [];
          for (const batch of p.records ?? []) {
            const batchEnd = batch.firstOffset + BigInt(batch.lastOffsetDelta) + 1n;
            if (batchEnd > next) next = batchEnd;
            recordsOf(p.partitionIndex, batch, from, records);
          }
          out.set(p.partitionIndex, { records, next, highWatermark: p.highWatermark });
        }
      }
    }),
  );
  return out;
}
