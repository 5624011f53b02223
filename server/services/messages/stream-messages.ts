import "server-only";
import { PREVIEW_BYTES, type Message, type StreamQuery } from "@/lib/schemas/messages";
import type { MessageStreamEvent } from "@/lib/sse/message-events";
import { getClusterConfigOrThrow } from "@/server/config";
import { ApiError } from "@/server/http/api-error";
import { streamError } from "@/server/http/sse";
import { withDeadline } from "@/server/kafka/deadline";
import { decodePositions, encodePositions } from "@/server/messages/cursor";
import { decodeRecord, hasSchemaRegistry, sidePlan } from "@/server/messages/decode";
import { compileFilter } from "@/server/messages/filter";
import type { Masking } from "@/server/messages/mask";
import { compileRawPrefilter, type RawPrefilter } from "@/server/messages/prefilter";
import { acquireMessageSession } from "@/server/messages/sessions";
import { startPositions } from "@/server/messages/start-positions";
import { toMessage } from "@/server/messages/to-dto";
import { TopicReader } from "@/server/messages/topic-reader";
import type { KafkaRecord, PartitionFetch } from "@/server/kafka/fetch-records";
import { recordAt, type FormattedRecord, type PackedPartition } from "@/server/kafka/scan-batch";
import { exportLine, type ExportFormat } from "@/server/messages/export-line";
import { LineSink } from "@/server/messages/line-sink";
import { maskingFor, type ReadAccess } from "./masking";
import { rawBytesSearchable, topicDecodingFor } from "@/server/services/topics/topic-decoders";
import type { TopicDecoding } from "@/server/messages/decode";

/** An export's records as JSON Lines bytes (export-messages.ts writes them as they are): never sent over SSE. */
export type LinesEvent = { event: "lines"; data: Uint8Array[] };
export type StreamEvent = (MessageStreamEvent | LinesEvent) & { id?: string };

const FLUSH_RECORDS = 200;
/** An export's lines go out in pieces of about this size (the download's chunks). */
const FLUSH_LINE_BYTES = 1024 * 1024;
/** Processing a large fetch gives the event loop a turn at least this often (other requests stay responsive). */
const SLICE_MS = 10;
const FLUSH_MS = 250;
/** Progress goes out at least once a second; aim below that so a slow batch cannot push it past. */
const PROGRESS_MS = 750;
/**
 * Bytes per Fetch of a scan (a quarter of it per partition). The client decompresses and parses a whole response
 * in one synchronous step, so this bounds how long one response holds the event loop (the former 8 MiB: event-loop
 * p99 of 300–500 ms during a scan of lz4 JSON; 512 KiB: 25–75 ms, at the same scan rate within the noise); the next
 * round is prefetched while this one is filtered.
 */
const SCAN_FETCH_BYTES = 512 * 1024;
/**
 * Bytes per Fetch of one worker's task (scan-pool.ts; a quarter of it per partition): the decompress-and-parse step
 * runs in the worker, so only the candidates' decoding is left on the main thread.
 */
const WORKER_FETCH_BYTES = 1024 * 1024;
/** The first records of a search are always decoded and tested in full, so CEL errors (a misspelt field) surface. */
const FULL_TEST_FIRST = 1000;
/** A search (not a tail) gives up after the cluster has been unreachable this long. */
const SEARCH_OUTAGE_MS = 60_000;

export type MessageStream = { events: (signal: AbortSignal) => AsyncGenerator<StreamEvent>; close: () => void };

/**
 * Opens a search or live tail. Everything that can be refused is checked here, before the stream opens (topic,
 * partitions, offsets, filter syntax, session cap), so those answers are ordinary JSON 4xx errors. The events
 * generator then scans from the start positions to the end offsets captured now (or forever with follow),
 * sending matches in batches and progress at least once a second. Every event's id is the per-partition
 * position up to which everything was sent, so a reconnect (Last-Event-ID) resumes without gaps or repeats.
 */
export async function openMessageStream(
  clusterId: string,
  topic: string,
  q: StreamQuery,
  lastEventId: string | null,
  access: ReadAccess,
  options: { full?: boolean; /** tests: a scan worker's task fails with this message */ failWorkersWith?: string } = {},
): Promise<MessageStream> {
  const cluster = getClusterConfigOrThrow(clusterId);
  const filter = compileFilter(q);
  const view = options.full ? "export" : q.follow ? "tail" : "search";
  const mask = await maskingFor(
    clusterId,
    topic,
    { ...access, unmasked: q.unmasked },
    { view, keyFormat: q.keyFormat, valueFormat: q.valueFormat },
  );
  const decoding = await topicDecodingFor(clusterId, topic);
  const release = acquireMessageSession(clusterId);
  let reader: TopicReader | undefined;
  const close = () => {
    reader?.close();
    release();
  };
  try {
    const setup = await withDeadline(10_000, `Cluster "${cluster.name}"`, async () => {
      reader = await TopicReader.open(clusterId, topic);
      const resume = lastEventId ? decodePositions(lastEventId) : null;
      const partitions = reader.select(resume ? [...resume.keys()] : q.partitions);
      const ranges = await reader.ranges(partitions);
      const positions = resume ?? (await startPositions(reader, ranges, { ...q, newestCount: 100 }));
      return { partitions, ranges, positions };
    });
    // Raw-byte pre-filter: only where no masking applies (masked text must never be searchable through the bytes).
    // Nor where a topic decoder shows something other than the bytes as text (numbers, msgpack, protobuf, …).
    const prefilter = mask || !rawBytesSearchable(decoding) ? null : compileRawPrefilter(q);
    const how: ScanHow = {
      mask,
      prefilter,
      full: options.full === true,
      decoding,
      format: options.full && !mask ? workerExportFormat(clusterId, q, decoding) : null,
      failWorkersWith: options.failWorkersWith,
    };
    return { events: (signal) => run(reader!, setup, q, filter, signal, how), close };
  } catch (error) {
    close();
    throw error;
  }
}

/** How a stream reads and writes its records, decided when it opens. */
type ScanHow = {
  mask: Masking | null;
  prefilter: RawPrefilter | null;
  /** an export: whole records written as JSON Lines ("lines" events), not previews in "messages" events */
  full: boolean;
  decoding?: TopicDecoding;
  /** the scan workers format the export's lines themselves (see workerExportFormat) */
  format: ExportFormat | null;
  failWorkersWith?: string;
};

/**
 * An export the scan workers can format as they fetch: no text or CEL filter (those run here, on decoded records)
 * and no compiled topic decoder (they stay on the main thread) on an unmasked topic. Records that need the
 * registry are still decoded here; both sides write lines with export-line.ts.
 */
function workerExportFormat(clusterId: string, q: StreamQuery, decoding?: TopicDecoding): ExportFormat | null {
  if (q.q || q.cel) return null;
  const key = sidePlan(q.keyFormat, decoding?.key);
  const value = sidePlan(q.valueFormat, decoding?.value);
  if ("decoder" in key || "decoder" in value) return null;
  return { key, value, registry: hasSchemaRegistry(clusterId) };
}

async function* run(
  reader: TopicReader,
  setup: { partitions: number[]; ranges: Map<number, { low: bigint; high: bigint }>; positions: Map<number, bigint> },
  q: StreamQuery,
  filter: ReturnType<typeof compileFilter>,
  signal: AbortSignal,
  how: ScanHow,
): AsyncGenerator<StreamEvent> {
  const { mask, prefilter, decoding } = how;
  const preview = !how.full;
  // A search or export (not a tail) is fetched, decompressed and pre-filtered in the scan workers when they run;
  // the same raw-byte rule (no masking, bytes shown as text) decides whether they pre-filter.
  const inWorkers = !q.follow && reader.scansInWorkers;
  const cancel = new Int32Array(new SharedArrayBuffer(4));
  const stopWorkers = () => Atomics.store(cancel, 0, 1);
  signal.addEventListener("abort", stopWorkers, { once: true });
  try {
    yield* scan();
  } finally {
    stopWorkers();
    signal.removeEventListener("abort", stopWorkers);
  }

  async function* scan(): AsyncGenerator<StreamEvent> {
    const started = Date.now();
    const pos = new Map(setup.positions);
    const ends = new Map([...setup.ranges].map(([p, r]) => [p, r.high]));
    let scanned = 0;
    let matched = 0;
    let bytes = 0;
    let buffer: Message[] = [];
    const sink = how.full ? new LineSink() : null;
    let lastFlush = Date.now();
    let lastProgress = 0;
    let following = false;
    let outageSince: number | null = null;
    let sliceStart = performance.now();
    // Parsed values only where something reads them (CEL); plain listing sends the text as stored. A masked topic
    // is decoded whole and masked first, so filters and previews only ever see masked data.
    // Without a text filter, list previews decode only the first PREVIEW_BYTES of each value (memory stays flat).
    const decodeOptions = {
      keyFormat: q.keyFormat,
      valueFormat: q.valueFormat,
      parse: Boolean(q.cel),
      previewBytes: preview && !q.q ? PREVIEW_BYTES : undefined,
      topic: decoding,
    };
    const id = () => encodePositions(pos);
    const progress = (): StreamEvent => {
      lastProgress = Date.now();
      return {
        event: "progress",
        id: id(),
        data: {
          scanned,
          matched,
          bytes,
          elapsedMs: Date.now() - started,
          partitions: [...pos].map(([partition, offset]) => ({
            partition,
            offset: offset.toString(),
            end: (ends.get(partition) ?? offset).toString(),
          })),
          ...(filter.errors.count ? { filterErrors: { ...filter.errors } } : {}),
        },
      };
    };
    const flush = (): StreamEvent | null => {
      lastFlush = Date.now();
      if (sink) return sink.bytes ? { event: "lines", id: id(), data: sink.take() } : null;
      if (!buffer.length) return null;
      const messages = buffer;
      buffer = [];
      return { event: "messages", id: id(), data: { messages } };
    };
    const done = (reason: "end" | "limit" | "timeout" | "cancelled"): StreamEvent => ({
      event: "done",
      id: id(),
      data: { reason, scanned, matched, elapsedMs: Date.now() - started },
    });

    yield { event: "phase", data: { phase: "consuming" } };
    yield progress();
    // Where the next Fetch reads from; runs one round ahead of `pos` (what has been sent), so the broker and the
    // network work on round N+1 while round N is decoded and sent.
    const fetchPos = new Map(pos);
    type Round = Map<number, PartitionFetch | PackedPartition>;
    let prefetched: Promise<Round> | null = null;
    const pendingOf = () => new Map([...fetchPos].filter(([p, o]) => q.follow || o < ends.get(p)!));
    const startFetch = (todo: Map<number, bigint>): Promise<Round> => {
      const caughtUp = [...todo].every(([p, o]) => o >= ends.get(p)!);
      const options = {
        maxWaitMs: caughtUp ? 250 : 100,
        maxBytes: inWorkers ? WORKER_FETCH_BYTES : SCAN_FETCH_BYTES,
        partitionMaxBytes: (inWorkers ? WORKER_FETCH_BYTES : SCAN_FETCH_BYTES) / 4,
      };
      const promise: Promise<Round> = inWorkers
        ? reader
            .scan({
              positions: todo,
              ends,
              options,
              from: q.from,
              to: q.to,
              prefilter: prefilter ? prefilterQuery(q) : null,
              fullTest: Math.max(0, FULL_TEST_FIRST - scanned),
              format: how.format,
              cancel,
              failWith: how.failWorkersWith,
            })
            .then((round) => round ?? new Map())
        : reader.fetch(todo, options);
      promise.catch(() => {}); // observed when awaited; an abandoned prefetch must not surface as unhandled
      return promise;
    };
    while (!signal.aborted) {
      const todo = pendingOf();
      if (todo.size === 0 && !prefetched) {
        const f = flush();
        if (f) yield f;
        yield progress();
        yield done("end");
        return;
      }
      const caughtUp = [...todo].every(([p, o]) => o >= ends.get(p)!);
      if (q.follow && caughtUp && !following) {
        following = true;
        const f = flush();
        if (f) yield f;
        yield { event: "phase", data: { phase: "following" } };
        yield progress();
      }
      let fetched: Round;
      try {
        fetched = await (prefetched ?? startFetch(todo));
        prefetched = null;
        if (outageSince !== null) {
          outageSince = null;
          yield { event: "phase", data: { phase: following ? "following" : "consuming", message: "reconnected" } };
        }
      } catch (error) {
        prefetched = null;
        for (const [p, o] of pos) fetchPos.set(p, o);
        const apiError =
          error instanceof ApiError ? error : new ApiError("internal", streamError(error, "messages").message);
        if (apiError.code !== "kafka_unavailable") {
          yield { event: "error", data: { code: apiError.code, message: apiError.message, fatal: true } };
          return;
        }
        outageSince ??= Date.now();
        if (!q.follow && Date.now() - outageSince > SEARCH_OUTAGE_MS) {
          yield {
            event: "error",
            data: {
              code: apiError.code,
              message: `${apiError.message} The search stopped after ${SEARCH_OUTAGE_MS / 1000} s without the cluster.`,
              fatal: true,
            },
          };
          return;
        }
        yield { event: "phase", data: { phase: "reconnecting", message: apiError.message } };
        await sleep(2000, signal);
        await reader.reconnect().catch(() => {});
        continue;
      }
      for (const [p, f] of fetched) {
        const end = ends.get(p)!;
        if (q.follow && f.highWatermark > end) ends.set(p, f.highWatermark);
        const next = q.follow ? f.next : f.next < end ? f.next : end;
        if (next > fetchPos.get(p)!) fetchPos.set(p, next);
      }
      const ahead = pendingOf();
      if (ahead.size > 0) prefetched = startFetch(ahead);
      for (const [p, f] of fetched) {
        const end = q.follow ? f.highWatermark : ends.get(p)!;
        for (const [skipped, skippedBytes, r] of recordsOf(f)) {
          // Records a worker skipped (time range, pre-filter) count as scanned, as on the main thread.
          scanned += skipped;
          bytes += skippedBytes;
          if (!r) break;
          if (!q.follow && r.offset >= end) break;
          scanned++;
          // Checked on every record: one CEL evaluation may take up to its budget, so 64 of them could block for seconds.
          if (performance.now() - sliceStart > SLICE_MS) {
            await new Promise((resolve) => setImmediate(resolve));
            sliceStart = performance.now();
            if (signal.aborted) return;
          }
          pos.set(p, r.offset + 1n);
          if ("line" in r) {
            // An export line a worker formatted (it applied the time range; there is no other filter).
            bytes += r.size;
            matched++;
            sink!.add(r.line);
          } else {
            bytes += (r.key?.length ?? 0) + (r.value?.length ?? 0);
            if ((q.from !== undefined && r.timestamp < q.from) || (q.to !== undefined && r.timestamp > q.to)) continue;
            if (prefilter && !inWorkers && scanned > FULL_TEST_FIRST && !prefilter(r)) continue;
            const decoded = mask ? mask.decode(r, decodeOptions) : decodeRecord(reader.clusterId, r, decodeOptions);
            const d = decoded instanceof Promise ? await decoded : decoded;
            let ok: boolean;
            try {
              ok = filter.test(d);
            } catch (error) {
              const e =
                error instanceof ApiError ? error : new ApiError("internal", streamError(error, "messages").message);
              yield { event: "error", data: { code: e.code, message: e.message, fatal: true } };
              return;
            }
            if (!ok) continue;
            matched++;
            if (sink) sink.write(exportLine(d));
            else buffer.push(toMessage(d, preview));
          }
          if (q.maxResults !== undefined && matched >= q.maxResults) {
            const fl = flush();
            if (fl) yield fl;
            yield progress();
            yield done("limit");
            return;
          }
          if (
            (sink ? sink.bytes >= FLUSH_LINE_BYTES : buffer.length >= FLUSH_RECORDS) ||
            Date.now() - lastFlush >= FLUSH_MS
          ) {
            const fl = flush();
            if (fl) yield fl;
          }
          if (Date.now() - lastProgress >= PROGRESS_MS) yield progress();
          if (signal.aborted) return;
        }
        const next = q.follow ? f.next : f.next < end ? f.next : end;
        if (next > pos.get(p)!) pos.set(p, next);
      }
      if (Date.now() - lastFlush >= FLUSH_MS || (following && buffer.length)) {
        const fl = flush();
        if (fl) yield fl;
      }
      if (Date.now() - lastProgress >= PROGRESS_MS) yield progress();
    }
  }
}

/** The pre-filter's part of the query, sent to the scan workers (they compile it themselves). */
function prefilterQuery(q: StreamQuery) {
  return { q: q.q, regex: q.regex, in: q.in, cel: q.cel, keyFormat: q.keyFormat, valueFormat: q.valueFormat };
}

/**
 * A round's records of one partition as (records skipped before it, their bytes, record): from the main thread's
 * fetch every record with nothing skipped; from a worker the candidates, then what it skipped after the last one.
 */
function* recordsOf(
  f: PartitionFetch | PackedPartition,
): Generator<[number, number, KafkaRecord | FormattedRecord | null]> {
  if ("records" in f) {
    for (const r of f.records) yield [0, 0, r];
    return;
  }
  for (let i = 0; i < f.count; i++) yield [f.gapRecords[i], f.gapBytes[i], recordAt(f, i)];
  yield [f.gapRecords[f.count], f.gapBytes[f.count], null];
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener(
      "abort",
      () => {
        clearTimeout(t);
        resolve();
      },
      { once: true },
    );
  });
}
