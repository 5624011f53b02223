import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
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
    // The bound counts the frame's declared block size (4 MiB here) per compressed block.
    expect(() => boundedDecompress.lz4(lz4Compress(BOMB), 4 * LIMIT)).toThrow(DecompressionLimitError);
    expect(Buffer.from(boundedDecompress.lz4(lz4Compress(Buffer.from("hello")), 4 * LIMIT)).toString()).toBe("hello");
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
