import "server-only";
import type { Compression } from "@/lib/schemas/messages";
import type { KafkaRecord, PartitionFetch } from "./fetch-round";

/**
 * The compact form in which a scan worker hands one partition's records of one Fetch round to the main thread:
 * the candidates' bytes (keys, values, header values) copied into one ArrayBuffer, their offsets, timestamps and
 * spans in typed arrays (all transferred, not cloned), and for each candidate how many records, and how many
 * bytes, the worker skipped before it (so the main thread counts `scanned` and `bytes` exactly as if it had seen
 * every record, and its positions move the same way). Records at or past `end` are not part of the scan.
 */
export type PackedPartition = {
  partition: number;
  next: bigint;
  highWatermark: bigint;
  count: number;
  offsets: BigInt64Array;
  timestamps: Float64Array;
  /** bit 0: LogAppendTime; bits 1–3: codec index; bit 4: an export line formatted by the worker */
  meta: Uint8Array;
  /**
   * per candidate: key start, key length (−1: null), value start, value length, first header, header count; for a
   * formatted line: line start, line length (with its newline), the record's key and value bytes, then zeros
   */
  spans: Int32Array;
  /** skipped before each candidate, and after the last one (count + 1 entries) */
  gapRecords: Int32Array;
  gapBytes: Float64Array;
  headerKeys: string[];
  /** per header: value start, value length (−1: null) */
  headerSpans: Int32Array;
  data: ArrayBuffer;
};

const CODECS: Compression[] = ["none", "gzip", "snappy", "lz4", "zstd"];
const SPAN = 6;
const FORMATTED = 0x10;

/** A candidate a worker already formatted as an export line: the main thread only appends its bytes. */
export type FormattedRecord = { offset: bigint; timestamp: number; size: number; line: Uint8Array };

/**
 * Packs the records of one partition that `keep` accepts (the rest are counted as skipped). `end` bounds the scan:
 * records at or past it are neither sent nor counted. With `format`, a record it formats travels as its line
 * (an unfiltered export); one it cannot (null: it needs the registry) travels as bytes, as without.
 */
export function packPartition(
  partition: number,
  fetched: PartitionFetch,
  end: bigint,
  keep: (r: KafkaRecord, index: number) => boolean,
  format?: (r: KafkaRecord) => string | null,
): PackedPartition {
  const kept: KafkaRecord[] = [];
  const lines: (string | null)[] = [];
  const gapRecords: number[] = [];
  const gapBytes: number[] = [];
  let skipped = 0;
  let skippedBytes = 0;
  let size = 0;
  let headers = 0;
  let index = 0;
  for (const r of fetched.records) {
    if (r.offset >= end) break;
    const bytes = (r.key?.length ?? 0) + (r.value?.length ?? 0);
    if (!keep(r, index++)) {
      skipped++;
      skippedBytes += bytes;
      continue;
    }
    kept.push(r);
    gapRecords.push(skipped);
    gapBytes.push(skippedBytes);
    skipped = 0;
    skippedBytes = 0;
    const line = format ? format(r) : null;
    lines.push(line);
    if (line !== null) {
      size += Buffer.byteLength(line) + 1;
      continue;
    }
    size += bytes;
    for (const h of r.headers) size += h.value?.length ?? 0;
    headers += r.headers.length;
  }
  gapRecords.push(skipped);
  gapBytes.push(skippedBytes);
  const n = kept.length;
  const data = Buffer.from(new ArrayBuffer(size));
  const offsets = new BigInt64Array(n);
  const timestamps = new Float64Array(n);
  const meta = new Uint8Array(n);
  const spans = new Int32Array(n * SPAN);
  const headerKeys: string[] = [];
  const headerSpans = new Int32Array(headers * 2);
  let at = 0;
  let h = 0;
  const put = (b: Buffer | null): [number, number] => {
    if (b === null) return [0, -1];
    data.set(b, at);
    at += b.length;
    return [at - b.length, b.length];
  };
  for (let i = 0; i < n; i++) {
    const r = kept[i];
    offsets[i] = r.offset;
    timestamps[i] = r.timestamp;
    meta[i] = (r.timestampType === "LogAppendTime" ? 1 : 0) | (Math.max(0, CODECS.indexOf(r.compression)) << 1);
    const s = i * SPAN;
    const line = lines[i];
    if (line !== null) {
      meta[i] |= FORMATTED;
      const written = data.write(line, at);
      data[at + written] = 0x0a;
      spans[s] = at;
      spans[s + 1] = written + 1;
      spans[s + 2] = (r.key?.length ?? 0) + (r.value?.length ?? 0);
      at += written + 1;
      continue;
    }
    [spans[s], spans[s + 1]] = put(r.key);
    [spans[s + 2], spans[s + 3]] = put(r.value);
    spans[s + 4] = h;
    spans[s + 5] = r.headers.length;
    for (const header of r.headers) {
      headerKeys.push(header.key);
      [headerSpans[h * 2], headerSpans[h * 2 + 1]] = put(header.value);
      h++;
    }
  }
  return {
    partition,
    next: fetched.next,
    highWatermark: fetched.highWatermark,
    count: n,
    offsets,
    timestamps,
    meta,
    spans,
    gapRecords: Int32Array.from(gapRecords),
    gapBytes: Float64Array.from(gapBytes),
    headerKeys,
    headerSpans,
    data: data.buffer as ArrayBuffer,
  };
}

/** The buffers a packed partition is transferred with (no copy between threads). */
export function transferablesOf(p: PackedPartition): ArrayBuffer[] {
  return [p.data, p.offsets.buffer, p.timestamps.buffer, p.meta.buffer, p.spans.buffer, p.headerSpans.buffer].filter(
    (b): b is ArrayBuffer => b instanceof ArrayBuffer && b.byteLength > 0,
  ) as ArrayBuffer[];
}

/** Candidate `i` as the record the decoders read (its buffers are views of the packed data), or its export line. */
export function recordAt(p: PackedPartition, i: number): KafkaRecord | FormattedRecord {
  const s = i * SPAN;
  if (p.meta[i] & FORMATTED) {
    return {
      offset: p.offsets[i],
      timestamp: p.timestamps[i],
      size: p.spans[s + 2],
      line: new Uint8Array(p.data, p.spans[s], p.spans[s + 1]),
    };
  }
  const view = (start: number, length: number) => (length < 0 ? null : Buffer.from(p.data, start, length));
  const headers: KafkaRecord["headers"] = [];
  for (let h = p.spans[s + 4], end = h + p.spans[s + 5]; h < end; h++) {
    headers.push({ key: p.headerKeys[h], value: view(p.headerSpans[h * 2], p.headerSpans[h * 2 + 1]) });
  }
  const meta = p.meta[i];
  return {
    partition: p.partition,
    offset: p.offsets[i],
    timestamp: p.timestamps[i],
    timestampType: meta & 1 ? "LogAppendTime" : "CreateTime",
    key: view(p.spans[s], p.spans[s + 1]),
    value: view(p.spans[s + 2], p.spans[s + 3]),
    headers,
    compression: CODECS[(meta >> 1) & 7] ?? "none",
  };
}
