import "server-only";
import { processState } from "@/server/process-state";
import { gunzip, gunzipSync, gzip } from "node:zlib";
import { promisify } from "node:util";
import { CompressionCodecs, CompressionTypes } from "kafkajs";
import { compressionsAlgorithms } from "@platformatic/kafka";
import * as snappy from "snappyjs";
import * as lz4 from "lz4js";
import { hash as xxh32 } from "lz4js/xxh32.js";
import { Decompress as ZstdStream } from "fzstd";
import type { Compression } from "@/lib/schemas/messages";
import { lz4DecompressFrame, Lz4LimitError } from "./lz4-frame";
import { getConfig } from "@/server/config";

/**
 * Compression codecs for kafkajs, which only ships gzip: snappy, lz4 and zstd in pure JS (no native builds, no
 * downloads), registered once per process. Every decompressed batch is copied into its own ArrayBuffer and
 * remembered, so a record's key/value slices tell which codec their batch used (`compressionOf`).
 */
const gunzipAsync = promisify(gunzip);
const gzipAsync = promisify(gzip);

// On globalThis: Next may bundle this module (and kafkajs) once per route, and every copy must see one table.
const batchCodec: WeakMap<ArrayBufferLike, Compression> = processState<WeakMap<ArrayBufferLike, Compression>>(
  "BatchCodec",
  () => new WeakMap(),
);

function own(bytes: Uint8Array, codec: Compression): Buffer {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  batchCodec.set(copy.buffer, codec);
  return Buffer.from(copy.buffer, 0, copy.byteLength);
}

/** The codec of the batch a record came from, from any of its buffers; "none" for uncompressed batches. */
export function compressionOf(...buffers: (Buffer | null | undefined)[]): Compression {
  for (const b of buffers) if (b && b.byteLength > 0) return batchCodec.get(b.buffer) ?? "none";
  return "none";
}

const DEFAULT_CEILING = 64 * 1024 * 1024;
let ceilingOverride: number | undefined;

/** A scan worker has no configuration of its own: the main thread sends the ceiling it computed. */
export function setDecompressionCeiling(limit: number): void {
  ceilingOverride = limit;
}

/**
 * The most one batch may decompress to: the largest `messages.maxDecompressedBytes` of the configured clusters
 * (codecs are registered once per process, not per cluster). Every decompressor below stops at it, so a small
 * "zip bomb" batch cannot exhaust memory; the fetch that carried it fails with a decode error instead.
 */
export function decompressionCeiling(): number {
  if (ceilingOverride !== undefined) return ceilingOverride;
  try {
    return Math.max(...getConfig().clusters.map((c) => c.messages.maxDecompressedBytes));
  } catch {
    return DEFAULT_CEILING;
  }
}

export class DecompressionLimitError extends Error {
  constructor(codec: Compression, limit: number) {
    super(
      `A ${codec} batch decompresses to more than ${limit} bytes (messages.maxDecompressedBytes); it was not decoded.`,
    );
    this.name = "DecompressionLimitError";
  }
}

function gunzipBounded(input: Buffer, limit = decompressionCeiling()): Promise<Buffer> {
  return gunzipAsync(input, { maxOutputLength: limit }).catch((e: NodeJS.ErrnoException) => {
    throw e.code === "ERR_BUFFER_TOO_LARGE" || e instanceof RangeError ? new DecompressionLimitError("gzip", limit) : e;
  });
}

/** lz4 frames: the exact decompressed size (summed from the block tokens before decoding) must fit the ceiling. */
function lz4DecompressBounded(input: Buffer, limit = decompressionCeiling()): Uint8Array {
  try {
    return lz4DecompressFrame(input, limit);
  } catch (e) {
    throw e instanceof Lz4LimitError ? new DecompressionLimitError("lz4", limit) : e;
  }
}

/** zstd: the first frame's window must fit the ceiling, and the output is counted as it streams. */
function zstdDecompressBounded(input: Uint8Array, limit = decompressionCeiling()): Uint8Array {
  if (
    input.length >= 6 &&
    input[0] === 0x28 &&
    input[1] === 0xb5 &&
    input[2] === 0x2f &&
    input[3] === 0xfd &&
    !((input[4] >> 5) & 1)
  ) {
    const base = 1 << (10 + (input[5] >> 3));
    if (base + (base >> 3) * (input[5] & 7) > limit) throw new DecompressionLimitError("zstd", limit);
  }
  const parts: Uint8Array[] = [];
  let size = 0;
  const stream = new ZstdStream((chunk) => {
    size += chunk.length;
    if (size > limit) throw new DecompressionLimitError("zstd", limit);
    parts.push(chunk);
  });
  stream.push(input, true);
  return Buffer.concat(parts);
}

// Java clients frame snappy the xerial way: an 8-byte magic, two int32 versions, then (int32 length, block)*.
const XERIAL_MAGIC = Buffer.from([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00]);
const XERIAL_HEADER = Buffer.concat([XERIAL_MAGIC, Buffer.from([0, 0, 0, 1, 0, 0, 0, 1])]);
const XERIAL_BLOCK = 32 * 1024;

/** Snappy declares each block's uncompressed length up front: it is checked against what is left of the ceiling. */
export function snappyDecompress(input: Buffer, limit = decompressionCeiling()): Buffer {
  const tooLarge = (e: unknown) =>
    e instanceof Error && /too big/.test(e.message) ? new DecompressionLimitError("snappy", limit) : e;
  if (input.length >= 16 && input.subarray(0, 8).equals(XERIAL_MAGIC)) {
    const parts: Uint8Array[] = [];
    let size = 0;
    for (let at = 16; at + 4 <= input.length;) {
      const len = input.readInt32BE(at);
      at += 4;
      try {
        parts.push(snappy.uncompress(input.subarray(at, at + len), limit - size));
      } catch (e) {
        throw tooLarge(e);
      }
      size += parts[parts.length - 1].length;
      at += len;
    }
    return Buffer.concat(parts);
  }
  try {
    return Buffer.from(snappy.uncompress(input, limit));
  } catch (e) {
    throw tooLarge(e);
  }
}

export function snappyCompress(input: Buffer): Buffer {
  const parts: Buffer[] = [XERIAL_HEADER];
  for (let at = 0; at < input.length || at === 0; at += XERIAL_BLOCK) {
    const block = Buffer.from(snappy.compress(input.subarray(at, at + XERIAL_BLOCK)));
    const len = Buffer.alloc(4);
    len.writeInt32BE(block.length);
    parts.push(len, block);
    if (input.length === 0) break;
  }
  return Buffer.concat(parts);
}

// Kafka reads LZ4 frames with independent blocks only (FLG bit 5); lz4js writes dependent-block frames, so
// frames are assembled here: one independently compressed block per 4 MiB, no checksums.
const LZ4_MAGIC = 0x184d2204;
const LZ4_BLOCK = 4 * 1024 * 1024;
const LZ4_HASH_SIZE = 1 << 16;

export function lz4Compress(input: Buffer): Buffer {
  const parts: Buffer[] = [];
  const header = Buffer.alloc(7);
  header.writeUInt32LE(LZ4_MAGIC, 0);
  header[4] = 0x60; // version 01, block independence
  header[5] = 0x70; // max block size 4 MiB
  header[6] = (xxh32(0, header, 4, 2) >>> 8) & 0xff;
  parts.push(header);
  for (let at = 0; at < input.length; at += LZ4_BLOCK) {
    const block = input.subarray(at, at + LZ4_BLOCK);
    const out = Buffer.alloc(lz4.compressBound(block.length));
    const size = lz4.compressBlock(block, out, 0, block.length, new Uint32Array(LZ4_HASH_SIZE));
    const len = Buffer.alloc(4);
    if (size === 0 || size >= block.length) {
      len.writeUInt32LE((0x80000000 | block.length) >>> 0); // stored uncompressed
      parts.push(len, block);
    } else {
      len.writeUInt32LE(size);
      parts.push(len, out.subarray(0, size));
    }
  }
  parts.push(Buffer.alloc(4)); // end mark
  return Buffer.concat(parts);
}

type Zstd = { compress(data: Uint8Array, level?: number): Uint8Array };
let zstdCompressor: Promise<Zstd> | undefined;
function zstd(): Promise<Zstd> {
  zstdCompressor ??= import("zstd-codec").then(
    ({ ZstdCodec }) => new Promise<Zstd>((resolve) => ZstdCodec.run((z) => resolve(new z.Simple()))),
  );
  return zstdCompressor;
}

type Encoder = { buffer: Buffer };
const codec =
  (
    name: Compression,
    compress: (b: Buffer) => Promise<Buffer> | Buffer,
    decompress: (b: Buffer) => Promise<Uint8Array> | Uint8Array,
  ) =>
  () => ({
    async compress(encoder: Encoder) {
      return compress(encoder.buffer);
    },
    async decompress(buffer: Buffer) {
      return own(await decompress(buffer), name);
    },
  });

const REGISTERED = Symbol.for("sluice.codecs");

/** Registers the codecs in this copy of kafkajs (idempotent; each bundled copy has its own codec table). */
export function registerCodecs(): void {
  const codecs = CompressionCodecs as unknown as Record<number | symbol, unknown>;
  if (codecs[REGISTERED]) return;
  codecs[REGISTERED] = true;
  codecs[CompressionTypes.GZIP] = codec(
    "gzip",
    (b) => gzipAsync(b),
    (b) => gunzipBounded(b),
  );
  codecs[CompressionTypes.Snappy] = codec("snappy", snappyCompress, (b) => snappyDecompress(b));
  codecs[CompressionTypes.LZ4] = codec("lz4", lz4Compress, (b) => lz4DecompressBounded(b));
  codecs[CompressionTypes.ZSTD] = codec(
    "zstd",
    async (b) => Buffer.from((await zstd()).compress(b, 3)),
    (b) => zstdDecompressBounded(b),
  );
}

function gunzipSyncBounded(input: Buffer, limit = decompressionCeiling()): Buffer {
  try {
    return gunzipSync(input, { maxOutputLength: limit });
  } catch (e) {
    throw (e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE" || e instanceof RangeError
      ? new DecompressionLimitError("gzip", limit)
      : e;
  }
}

const asBuffer = (u: Uint8Array) => (Buffer.isBuffer(u) ? u : Buffer.from(u.buffer, u.byteOffset, u.byteLength));

/**
 * `@platformatic/kafka` (the message Fetch path) decompresses record batches through its exported codec table
 * (`compressionsAlgorithms`). Its own decompressors are unbounded, and its zstd needs Node 22's zlib; the same
 * bounded pure-JS decompressors as above take their place, so both clients read every codec within the ceiling.
 */
export function registerPlatformaticCodecs(): void {
  const table = compressionsAlgorithms as unknown as Record<
    string,
    { decompressSync(data: Buffer): Buffer; available: boolean } & Record<symbol, boolean>
  >;
  if (table.gzip[REGISTERED]) return;
  table.gzip.decompressSync = (b) => gunzipSyncBounded(b);
  table.snappy.decompressSync = (b) => snappyDecompress(b);
  table.lz4.decompressSync = (b) => asBuffer(lz4DecompressBounded(b));
  table.zstd.decompressSync = (b) => asBuffer(zstdDecompressBounded(b));
  table.zstd.available = true;
  table.gzip[REGISTERED] = true;
}

/** The bounded decompressors, for tests: each throws DecompressionLimitError past `limit`. */
export const boundedDecompress = {
  gzip: gunzipBounded,
  snappy: snappyDecompress,
  lz4: lz4DecompressBounded,
  zstd: zstdDecompressBounded,
};

export const COMPRESSION_TYPE: Record<Compression, CompressionTypes> = {
  none: CompressionTypes.None,
  gzip: CompressionTypes.GZIP,
  snappy: CompressionTypes.Snappy,
  lz4: CompressionTypes.LZ4,
  zstd: CompressionTypes.ZSTD,
};
