import "server-only";
import type { ReplayBody } from "@/lib/schemas/replay";
import { getClusterConfigOrThrow } from "@/server/config";
import { ApiError } from "@/server/http/api-error";
import { withDeadline } from "@/server/kafka/deadline";
import type { KafkaRecord } from "@/server/kafka/fetch-records";
import { decodeRecord } from "@/server/messages/decode";
import { compileFilter } from "@/server/messages/filter";
import { rulesFor } from "@/server/messages/mask";
import { startPositions } from "@/server/messages/start-positions";
import { TopicReader } from "@/server/messages/topic-reader";
import { maskingFor, type ReadAccess } from "@/server/services/messages/masking";
import { topicDecodingFor } from "@/server/services/topics/topic-decoders";

export type Selection = Pick<
  ReplayBody,
  "partitions" | "start" | "offset" | "timestamp" | "from" | "to" | "q" | "regex" | "in" | "cel"
>;
/** The matches of one partition's fetch, and the source position after them (everything before it was read). */
export type Chunk = { partition: number; records: KafkaRecord[]; scanned: number; next: bigint };
export type OpenSelection = {
  starts: Map<number, bigint>;
  positions: Map<number, bigint>;
  ends: Map<number, bigint>;
  chunks: (signal: AbortSignal) => AsyncGenerator<Chunk>;
  close: () => void;
};

const FETCH_BYTES = 1024 * 1024;
/** Processing gives the event loop a turn at least this often. */
const SLICE_MS = 10;

/**
 * Opens the selection of a source topic for copying: the reader's access (read scope; a topic with masking
 * rules only for a reader exempt from all of them, since a copy carries clear bytes), the filter compiled (422 on
 * a bad regex or CEL), start and end offsets captured now, or the stored ones when a job resumes.
 */
export async function openSelection(
  clusterId: string,
  topic: string,
  sel: Selection,
  access: ReadAccess,
  resume?: { starts: Map<number, bigint>; positions: Map<number, bigint>; ends: Map<number, bigint> },
): Promise<OpenSelection> {
  const cluster = getClusterConfigOrThrow(clusterId);
  const masked = rulesFor(cluster.messages.masking, topic).length > 0;
  const mask = await maskingFor(
    clusterId,
    topic,
    { ...access, unmasked: masked },
    { view: "export", keyFormat: "auto", valueFormat: "auto" },
  );
  if (mask) {
    throw new ApiError(
      "forbidden",
      `Records of "${topic}" are masked; copying them needs exemption from every masking rule of the topic (admin role, or a role or team the rules exempt).`,
    );
  }
  const filter = compileFilter(sel);
  const reader = await withDeadline(10_000, `Cluster "${cluster.name}"`, () => TopicReader.open(clusterId, topic));
  try {
    let starts: Map<number, bigint>, positions: Map<number, bigint>, ends: Map<number, bigint>;
    if (resume) {
      ({ starts, positions, ends } = resume);
    } else {
      const ranges = await reader.ranges(reader.select(sel.partitions));
      starts = await startPositions(reader, ranges, { start: sel.start, offset: sel.offset, timestamp: sel.timestamp });
      positions = new Map(starts);
      ends = new Map([...ranges].map(([p, r]) => [p, r.high]));
    }
    const filtered = Boolean(sel.q || sel.cel || sel.from !== undefined || sel.to !== undefined);
    const decodeOptions = {
      keyFormat: "auto" as const,
      valueFormat: "auto" as const,
      parse: Boolean(sel.cel),
      topic: await topicDecodingFor(clusterId, topic),
    };
    async function* chunks(signal: AbortSignal): AsyncGenerator<Chunk> {
      const pos = new Map(positions);
      let slice = performance.now();
      while (!signal.aborted) {
        const todo = new Map([...pos].filter(([p, o]) => o < ends.get(p)!));
        if (todo.size === 0) return;
        const fetched = await reader.fetch(todo, {
          maxWaitMs: 100,
          maxBytes: FETCH_BYTES,
          partitionMaxBytes: FETCH_BYTES / 4,
        });
        for (const [p, f] of fetched) {
          const end = ends.get(p)!;
          const records: KafkaRecord[] = [];
          let scanned = 0;
          for (const r of f.records) {
            if (r.offset >= end) break;
            scanned++;
            if (performance.now() - slice > SLICE_MS) {
              await new Promise((resolve) => setImmediate(resolve));
              slice = performance.now();
              if (signal.aborted) return;
            }
            if (filtered) {
              const decoded = decodeRecord(clusterId, r, decodeOptions);
              if (!filter.test(decoded instanceof Promise ? await decoded : decoded)) continue;
            }
            records.push(r);
          }
          const next = f.next < end ? f.next : end;
          if (next > pos.get(p)!) pos.set(p, next);
          yield { partition: p, records, scanned, next: pos.get(p)! };
        }
      }
    }
    return { starts, positions, ends, chunks, close: () => reader.close() };
  } catch (error) {
    reader.close();
    throw error;
  }
}
