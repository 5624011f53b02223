import "server-only";
import { ApiError } from "@/server/http/api-error";
import { withAdmin } from "@/server/kafka/registry";
import type { PartitionRange, TopicReader } from "./topic-reader";

export type StartSpec = {
  start: "oldest" | "newest" | "offset" | "timestamp" | "end";
  offset?: string;
  timestamp?: number;
  newestCount?: number;
};

/** Clock skew allowed before a start timestamp counts as "in the future". */
const FUTURE_SLACK_MS = 60_000;

/**
 * Where reading starts in each partition. oldest → low watermark; end → high watermark; newest → high − N;
 * offset → that offset (must be inside every selected partition's range); timestamp → the first record at or
 * after it (partitions with none start at their end).
 */
export async function startPositions(
  reader: TopicReader,
  ranges: Map<number, PartitionRange>,
  spec: StartSpec,
): Promise<Map<number, bigint>> {
  const positions = new Map<number, bigint>();
  switch (spec.start) {
    case "oldest":
      for (const r of ranges.values()) positions.set(r.partition, r.low);
      return positions;
    case "end":
      for (const r of ranges.values()) positions.set(r.partition, r.high);
      return positions;
    case "newest": {
      const n = BigInt(spec.newestCount ?? 0);
      for (const r of ranges.values()) positions.set(r.partition, r.high - n > r.low ? r.high - n : r.low);
      return positions;
    }
    case "offset": {
      const offset = BigInt(spec.offset ?? "0");
      const outside = [...ranges.values()].filter((r) => offset < r.low || offset > r.high);
      if (outside.length) {
        const list = outside
          .map(
            (r) =>
              `partition ${r.partition} holds ${r.low}–${r.high === r.low ? r.low : r.high - 1n}${r.high === r.low ? " (empty)" : ""}`,
          )
          .join("; ");
        throw new ApiError(
          "unprocessable_entity",
          `Offset ${offset} is out of range: ${list}. Pick an offset inside the range, or select the partitions that have it.`,
          [{ path: "offset", issue: "out of range" }],
        );
      }
      for (const r of ranges.values()) positions.set(r.partition, offset);
      return positions;
    }
    case "timestamp": {
      const ts = spec.timestamp ?? 0;
      if (ts > Date.now() + FUTURE_SLACK_MS) {
        throw new ApiError(
          "unprocessable_entity",
          `The start time ${new Date(ts).toISOString()} is in the future; no record can be at or after it yet.`,
          [{ path: "timestamp", issue: "in the future" }],
        );
      }
      const found = await withAdmin(reader.clusterId, (admin) => admin.fetchTopicOffsetsByTimestamp(reader.topic, ts));
      const byPartition = new Map(found.map((f) => [f.partition, f.offset]));
      for (const r of ranges.values()) {
        const o = byPartition.get(r.partition);
        const offset = o === undefined || Number(o) < 0 ? r.high : BigInt(o);
        positions.set(r.partition, offset < r.low ? r.low : offset > r.high ? r.high : offset);
      }
      return positions;
    }
  }
}

export function rangesDto(ranges: Map<number, PartitionRange>) {
  return [...ranges.values()].map((r) => ({ partition: r.partition, low: r.low.toString(), high: r.high.toString() }));
}
