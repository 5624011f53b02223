import "server-only";
/**
 * LZ4 frame decompression for record batches, in two passes: the first walks the block tokens only and sums the
 * exact output size (checked against the ceiling before anything is allocated), the second decompresses into a
 * buffer of exactly that size, copying literals and non-overlapping matches with native copies. Compared with
 * lz4js's `decompress` (a zero-filled buffer of the frame's declared block size per block, a byte loop, then a
 * copy of the used part), no byte is allocated, zeroed or copied twice.
 *
 * Blocks must be independent (Kafka's requirement): a match may not reach before the start of the output.
 * Checksums are skipped (as lz4js does); a malformed frame throws, it never returns uninitialised bytes.
 */

const MAGIC = 0x184d2204;
const UNCOMPRESSED = 0x80000000;

export class Lz4LimitError extends Error {}

function corrupt(what: string): Error {
  return new Error(`Corrupt LZ4 frame: ${what}.`);
}

type Frame = { blocksAt: number; blockSum: boolean };

function header(src: Uint8Array): Frame {
  if (src.length < 7 || (src[0] | (src[1] << 8) | (src[2] << 16) | (src[3] << 24)) >>> 0 !== MAGIC) {
    throw corrupt("bad magic number");
  }
  const flg = src[4];
  if (flg >> 6 !== 1) throw corrupt("unsupported version");
  const contentSize = (flg & 0x08) !== 0;
  const dictId = (flg & 0x01) !== 0;
  // FLG, BD, [content size 8], [dict id 4], header checksum 1
  return { blocksAt: 4 + 2 + (contentSize ? 8 : 0) + (dictId ? 4 : 0) + 1, blockSum: (flg & 0x10) !== 0 };
}

const u32 = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;

/** Output size of one compressed block (tokens and lengths only). */
function blockSize(src: Uint8Array, s: number, end: number): number {
  let out = 0;
  while (s < end) {
    const token = src[s++];
    let lit = token >> 4;
    if (lit === 15) {
      let b: number;
      do {
        if (s >= end) throw corrupt("literal length past the block");
        b = src[s++];
        lit += b;
      } while (b === 255);
    }
    s += lit;
    out += lit;
    if (s >= end) {
      if (s > end) throw corrupt("literals past the block");
      break;
    }
    s += 2; // offset
    let len = token & 15;
    if (len === 15) {
      let b: number;
      do {
        if (s >= end) throw corrupt("match length past the block");
        b = src[s++];
        len += b;
      } while (b === 255);
    }
    out += len + 4;
  }
  return out;
}

function blocks(src: Uint8Array, f: Frame, each: (start: number, size: number, stored: boolean) => void): void {
  let s = f.blocksAt;
  for (;;) {
    if (s + 4 > src.length) throw corrupt("missing end mark");
    const word = u32(src, s);
    s += 4;
    if (word === 0) return;
    const stored = (word & UNCOMPRESSED) !== 0;
    const size = word & ~UNCOMPRESSED;
    if (s + size > src.length) throw corrupt("block past the end of the frame");
    each(s, size, stored);
    s += size + (f.blockSum ? 4 : 0);
  }
}

/** The decompressed frame; throws Lz4LimitError (before allocating) when it would exceed `limit` bytes. */
export function lz4DecompressFrame(input: Uint8Array, limit: number): Buffer {
  const src = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const f = header(src);
  let total = 0;
  blocks(src, f, (start, size, stored) => {
    total += stored ? size : blockSize(src, start, start + size);
    if (total > limit) throw new Lz4LimitError();
  });
  const dst = Buffer.allocUnsafe(total);
  let d = 0;
  blocks(src, f, (start, size, stored) => {
    if (stored) {
      src.copy(dst, d, start, start + size);
      d += size;
      return;
    }
    const end = start + size;
    let s = start;
    while (s < end) {
      const token = src[s++];
      let lit = token >> 4;
      if (lit === 15) {
        let b: number;
        do {
          b = src[s++];
          lit += b;
        } while (b === 255);
      }
      if (lit < 16) {
        for (let n = 0; n < lit; n++) dst[d++] = src[s++];
      } else {
        src.copy(dst, d, s, s + lit);
        d += lit;
        s += lit;
      }
      if (s >= end) break;
      const offset = src[s] | (src[s + 1] << 8);
      s += 2;
      let len = token & 15;
      if (len === 15) {
        let b: number;
        do {
          b = src[s++];
          len += b;
        } while (b === 255);
      }
      len += 4;
      if (offset === 0 || offset > d) throw corrupt("match offset before the start of the output");
      let from = d - offset;
      if (offset >= len && len >= 16) {
        dst.copyWithin(d, from, from + len);
        d += len;
      } else {
        for (const stop = d + len; d < stop;) dst[d++] = dst[from++];
      }
    }
  });
  if (d !== total) throw corrupt("size mismatch");
  return dst;
}
