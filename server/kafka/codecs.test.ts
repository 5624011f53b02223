import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import * as lz4 from "lz4js";
import { boundedDecompress, DecompressionLimitError, lz4Compress, snappyCompress } from "./codecs";

// 64 MiB of zeros compresses to a few KiB: a "zip bomb" batch.
const BOMB = Buffer.alloc(64 * 1024 * 1024);
const LIMIT = 4 * 1024 * 1024;

describe("bounded decompression", () => {
  it("gzip stops at the ceiling instead of inflating the whole bomb", async () => {
    const packed = gzipSync(BOMB);
    expect(packed.length).toBeLessThan(100_000);
    await expect(boundedDecompress.gzip(packed, LIMIT)).rejects.toBeInstanceOf(DecompressionLimitError);
    expect((await boundedDecompress.gzip(gzipSync(Buffer.from("hello")), LIMIT)).toString()).toBe("hello");
  });

  it("snappy (xerial framing) refuses blocks past the ceiling", () => {
    expect(() => boundedDecompress.snappy(snappyCompress(BOMB), LIMIT)).toThrow(DecompressionLimitError);
    expect(boundedDecompress.snappy(snappyCompress(Buffer.from("hello")), LIMIT).toString()).toBe("hello");
  });

  it("lz4 refuses frames whose bound exceeds the ceiling", () => {
    // The exact size is summed from the block tokens before any output is allocated.
    expect(() => boundedDecompress.lz4(lz4Compress(BOMB), 4 * LIMIT)).toThrow(DecompressionLimitError);
    expect(() => boundedDecompress.lz4(lz4Compress(BOMB.subarray(0, LIMIT + 1)), LIMIT)).toThrow(
      DecompressionLimitError,
    );
    expect(boundedDecompress.lz4(lz4Compress(BOMB.subarray(0, LIMIT)), LIMIT).length).toBe(LIMIT);
    expect(Buffer.from(boundedDecompress.lz4(lz4Compress(Buffer.from("hello")), 4 * LIMIT)).toString()).toBe("hello");
  });

  it("lz4 decodes what lz4js decodes, byte for byte, and refuses malformed frames", () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 16;
    const words = ["order", "customer", "\u00e9t\u00e9", '{"a":1}', "x".repeat(40), "0123456789abcdef".repeat(3)];
    const text = Buffer.from(
      Array.from({ length: 60_000 }, () => words[rand() % words.length] + String(rand() % 100)).join(" "),
    );
    const noise = Buffer.from(Array.from({ length: 100_000 }, () => rand() & 255));
    for (const input of [text, noise, Buffer.concat([text, noise, text]), Buffer.alloc(0), Buffer.from("a")]) {
      const frame = lz4Compress(input);
      expect(Buffer.from(boundedDecompress.lz4(frame, LIMIT)).equals(input)).toBe(true);
      expect(Buffer.from(boundedDecompress.lz4(frame, LIMIT)).equals(Buffer.from(lz4.decompress(frame)))).toBe(true);
    }
    const frame = lz4Compress(text);
    expect(() => boundedDecompress.lz4(frame.subarray(0, frame.length - 10), LIMIT)).toThrow(/Corrupt LZ4 frame/);
    // A block whose first sequence copies from before the output's start (offset 1 with nothing written yet).
    const evil = Buffer.concat([frame.subarray(0, 7), Buffer.from([3, 0, 0, 0, 0x00, 1, 0]), Buffer.alloc(4)]);
    expect(() => boundedDecompress.lz4(evil, LIMIT)).toThrow(/Corrupt LZ4 frame/);
  });

  it("zstd counts its output and stops at the ceiling", () => {
    // A hand-made frame: 128 KiB window, then RLE blocks of 128 KiB each (4 bytes in, 128 KiB out).
    const frame = (blocks: number) => {
      const parts = [Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x38])];
      for (let i = 0; i < blocks; i++) {
        const header = ((128 * 1024) << 3) | (1 << 1) | (i === blocks - 1 ? 1 : 0);
        parts.push(Buffer.from([header & 0xff, (header >> 8) & 0xff, (header >> 16) & 0xff, 0x61]));
      }
      return Buffer.concat(parts);
    };
    expect(() => boundedDecompress.zstd(frame(512), LIMIT)).toThrow(DecompressionLimitError);
    expect(Buffer.from(boundedDecompress.zstd(frame(2), LIMIT)).toString()).toBe("a".repeat(256 * 1024));
  });
});
