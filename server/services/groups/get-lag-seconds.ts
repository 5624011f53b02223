import "server-only";
import { getClusterConfigOrThrow } from "@/server/config";
import { ApiError } from "@/server/http/api-error";
import { withDeadline } from "@/server/kafka/deadline";
import { fetchCommittedOffsets } from "@/server/kafka/group-reads";
import { TopicReader } from "@/server/messages/topic-reader";

export type LagSeconds = {
  groupId: string;
  at: number;
  maxLagSeconds: number | null;
  partitions: {
    topic: string;
    partition: number;
    committedOffset: string;
    endOffset: string;
    lagRecords: number;
    lagSeconds: number | null;
    note?: string;
  }[];
};

/**
 * Exact lag in time: for every partition the group is behind on, the timestamp of the record at its committed
 * offset (the next one it will read), read with one Fetch per leader; lag = now − that timestamp. A caught-up
 * partition is 0 s however long it has been idle. Records already deleted by retention give no figure, with why.
 */
export async function getLagSeconds(clusterId: string, groupId: string): Promise<LagSeconds> {
  const cluster = getClusterConfigOrThrow(clusterId);
  return withDeadline(15_000, `Cluster "${cluster.name}"`, async () => {
    const committed = await fetchCommittedOffsets(clusterId, groupId);
    if (committed.length === 0) {
      throw new ApiError("not_found", `Group "${groupId}" has no committed offsets on cluster "${cluster.name}".`);
    }
    const byTopic = new Map<string, { partition: number; offset: bigint }[]>();
    for (const c of committed) {
      const list = byTopic.get(c.topic) ?? [];
      list.push({ partition: c.partition, offset: BigInt(c.offset) });
      byTopic.set(c.topic, list);
    }
    const now = Date.now();
    const partitions: LagSeconds["partitions"] = [];
    for (const [topic, list] of byTopic) {
      const reader = await TopicReader.open(clusterId, topic).catch(() => null);
      if (!reader) {
        for (const p of list) {
          partitions.push({
            topic,
            partition: p.partition,
            committedOffset: String(p.offset),
            endOffset: "?",
            lagRecords: 0,
            lagSeconds: null,
            note: "topic not readable",
          });
        }
        continue;
      }
      try {
        const ranges = await reader.ranges(list.map((p) => p.partition).filter((p) => reader.partitions.includes(p)));
        const behind = new Map<number, bigint>();
        for (const p of list) {
          const r = ranges.get(p.partition);
          if (r && p.offset < r.high) behind.set(p.partition, p.offset < r.low ? r.low : p.offset);
        }
        const fetched = behind.size
          ? await reader.fetch(behind, { maxWaitMs: 0, maxBytes: 4 * 1024 * 1024, partitionMaxBytes: 64 * 1024 })
          : new Map();
        for (const p of list) {
          const r = ranges.get(p.partition);
          const end = r?.high ?? p.offset;
          const lagRecords = Number(end > p.offset ? end - p.offset : 0n);
          const base = {
            topic,
            partition: p.partition,
            committedOffset: String(p.offset),
            endOffset: String(end),
            lagRecords,
          };
          if (lagRecords === 0) {
            partitions.push({ ...base, lagSeconds: 0 });
            continue;
          }
          const record = fetched.get(p.partition)?.records[0];
          if (!record) {
            partitions.push({ ...base, lagSeconds: null, note: "the next record could not be read" });
          } else if (r && p.offset < r.low) {
            partitions.push({
              ...base,
              lagSeconds: Math.max(0, (now - record.timestamp) / 1000),
              note: "committed offset deleted by retention: measured from the oldest record",
            });
          } else {
            partitions.push({ ...base, lagSeconds: Math.max(0, (now - record.timestamp) / 1000) });
          }
        }
      } finally {
        reader.close();
      }
    }
    partitions.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
    const seconds = partitions.map((p) => p.lagSeconds).filter((s): s is number => s !== null);
    return { groupId, at: now, maxLagSeconds: seconds.length ? Math.max(...seconds) : null, partitions };
  });
}
