import "server-only";
import { PREVIEW_BYTES, type BrowsePage, type BrowseQuery, type Message } from "@/lib/schemas/messages";
import { getClusterConfigOrThrow } from "@/server/config";
import { releaseWhenDone, withDeadline } from "@/server/kafka/deadline";
import { decodeCursor, encodeCursor, type BrowseCursor } from "@/server/messages/cursor";
import { decodeRecord, type TopicDecoding } from "@/server/messages/decode";
import type { Masking } from "@/server/messages/mask";
import { acquireMessageSession } from "@/server/messages/sessions";
import { rangesDto, startPositions } from "@/server/messages/start-positions";
import { toMessage } from "@/server/messages/to-dto";
import { TopicReader, type PartitionRange } from "@/server/messages/topic-reader";
import { maskingFor, type ReadAccess } from "./masking";
import { topicDecodingFor } from "@/server/services/topics/topic-decoders";

type Row = Message & { _offset: bigint };

const BROWSE_DEADLINE_MS = 15_000;
// Large records come one batch per round; the deadline, not a round count, bounds a page.
const MAX_ROUNDS = 10_000;

/**
 * One page of records. Forward pages read up to `limit` records from each partition's position and keep the
 * `limit` oldest (by timestamp); backward pages read the `limit` records before each position and keep the
 * newest. Each page returns cursors for both directions, computed from what it showed.
 */
export async function browseMessages(
  clusterId: string,
  topic: string,
  q: BrowseQuery,
  access: ReadAccess,
): Promise<BrowsePage> {
  const cluster = getClusterConfigOrThrow(clusterId);
  const mask = await maskingFor(
    clusterId,
    topic,
    { ...access, unmasked: q.unmasked },
    { view: "browse", keyFormat: q.keyFormat, valueFormat: q.valueFormat },
  );
  const release = acquireMessageSession(clusterId);
  // The slot is freed when the reading stops: at the deadline or when the client goes, the loop sees the signal.
  return withDeadline(BROWSE_DEADLINE_MS, `Cluster "${cluster.name}"`, (signal) =>
    releaseWhenDone(
      (async () => {
        const reader = await TopicReader.open(clusterId, topic);
        try {
          return await page(reader, { ...q, topic: await topicDecodingFor(clusterId, topic) }, mask, signal);
        } finally {
          reader.close();
        }
      })(),
      release,
    ),
  );
}

async function page(
  reader: TopicReader,
  q: BrowseQuery & { topic?: TopicDecoding },
  mask: Masking | null,
  signal: AbortSignal,
): Promise<BrowsePage> {
  const given = q.cursor ? decodeCursor(q.cursor) : null;
  const partitions = reader.select(given ? [...given.pos.keys()] : q.partitions);
  const ranges = await reader.ranges(partitions);
  let cursor: BrowseCursor;
  if (given) {
    cursor = given;
  } else if (q.start === "newest") {
    cursor = { dir: "back", order: "newest-first", pos: await startPositions(reader, ranges, { start: "end" }) };
  } else {
    cursor = { dir: "fwd", order: "oldest-first", pos: await startPositions(reader, ranges, q) };
  }

  const limit = q.limit;
  const collected = new Map<number, Row[]>();
  const decodeAll = async (records: Awaited<ReturnType<TopicReader["fetch"]>>) => {
    for (const [partition, f] of records) {
      const rows = collected.get(partition) ?? [];
      for (const r of f.records) {
        // A masked topic is decoded whole (the rules need all of it) and masked before the preview is cut.
        const d = await (mask
          ? mask.decode(r, q)
          : decodeRecord(reader.clusterId, r, {
              keyFormat: q.keyFormat,
              valueFormat: q.valueFormat,
              parse: false,
              previewBytes: PREVIEW_BYTES,
              topic: q.topic,
            }));
        rows.push({ ...toMessage(d, true), _offset: r.offset });
      }
      collected.set(partition, rows);
    }
  };

  // Reading window per partition: fwd [pos, high) up to `limit` records; back [max(low, pos − limit), pos).
  const windowEnd = new Map<number, bigint>();
  const positions = new Map<number, bigint>();
  for (const [p, pos] of cursor.pos) {
    const r = ranges.get(p)!;
    const clamped = pos < r.low ? r.low : pos > r.high ? r.high : pos;
    if (cursor.dir === "fwd") {
      windowEnd.set(p, r.high);
      positions.set(p, clamped);
    } else {
      const from = clamped - BigInt(limit) > r.low ? clamped - BigInt(limit) : r.low;
      windowEnd.set(p, clamped);
      positions.set(p, from);
    }
  }
  const pending = () =>
    new Map([...positions].filter(([p, pos]) => pos < windowEnd.get(p)! && (collected.get(p)?.length ?? 0) < limit));
  for (let round = 0; round < MAX_ROUNDS; round++) {
    signal.throwIfAborted();
    const todo = pending();
    if (todo.size === 0) break;
    const fetched = await reader.fetch(todo, { maxWaitMs: 100 });
    for (const [p, f] of fetched) {
      const end = windowEnd.get(p)!;
      f.records = f.records.filter((r) => r.offset < end);
      positions.set(p, f.next > positions.get(p)! ? f.next : end);
    }
    await decodeAll(fetched);
  }

  // Merge: keep `limit` rows nearest the cursor.
  const all = [...collected.values()].flat();
  const byTime = (a: Row, b: Row) =>
    a.timestamp - b.timestamp ||
    a.partition - b.partition ||
    (a._offset < b._offset ? -1 : a._offset > b._offset ? 1 : 0);
  all.sort(byTime);
  const shown = cursor.dir === "fwd" ? all.slice(0, limit) : all.slice(Math.max(0, all.length - limit));

  const fwd = new Map<number, bigint>();
  const back = new Map<number, bigint>();
  for (const [p, pos] of cursor.pos) {
    const mine = shown.filter((r) => r.partition === p);
    const r = ranges.get(p)!;
    const clamped = pos < r.low ? r.low : pos > r.high ? r.high : pos;
    if (mine.length) {
      fwd.set(p, mine[mine.length - 1]._offset + 1n);
      back.set(p, mine[0]._offset);
    } else {
      fwd.set(p, clamped);
      back.set(p, clamped);
    }
  }
  const more = (dir: "fwd" | "back", pos: Map<number, bigint>) =>
    [...pos].some(([p, o]) => (dir === "fwd" ? o < ranges.get(p)!.high : o > ranges.get(p)!.low));
  const next = cursor.dir === "fwd" ? fwd : back;
  const prev = cursor.dir === "fwd" ? back : fwd;
  const prevDir = cursor.dir === "fwd" ? "back" : "fwd";
  const ordered = cursor.order === "newest-first" ? [...shown].reverse() : shown;
  return {
    messages: ordered.map(({ _offset: _, ...m }) => m),
    nextCursor: more(cursor.dir, next) ? encodeCursor({ dir: cursor.dir, order: cursor.order, pos: next }) : null,
    prevCursor:
      more(prevDir, prev) && !isStart(cursor, ranges, q)
        ? encodeCursor({ dir: prevDir, order: cursor.order, pos: prev })
        : null,
    order: cursor.order,
    partitions: rangesDto(ranges),
  };
}

/** The first page of a fresh browse has nothing "before" it in the reading direction of newest/oldest starts. */
function isStart(cursor: BrowseCursor, _ranges: Map<number, PartitionRange>, q: BrowseQuery): boolean {
  return !q.cursor && (q.start === "newest" || q.start === "oldest");
}
