import "server-only";

/** Bytes of one chunk a sink writes lines into (a longer line gets a chunk of its own size). */
const CHUNK_BYTES = 256 * 1024;

/**
 * Lines of text gathered as bytes for a response body: each line is written straight into a chunk buffer
 * (`Buffer.write`), and byte ranges that already hold finished lines (a scan worker's) are kept as views, not
 * copied. Appending lines to one string and encoding it (the former way) cost 4–5× more CPU for an export: V8
 * flattens the long concatenated string before encoding it. The chunks taken stay valid: the sink writes only past
 * them.
 */
export class LineSink {
  private chunks: Uint8Array[] = [];
  private buf: Buffer | null = null;
  private start = 0;
  private at = 0;
  /** bytes gathered since the last take() */
  bytes = 0;

  /** Appends `line` and a newline. */
  write(line: string): void {
    const most = line.length * 3 + 1;
    if (!this.buf || this.at + most > this.buf.length) {
      this.seal();
      this.buf = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, most));
      this.start = this.at = 0;
    }
    const n = this.buf.write(line, this.at) + 1;
    this.buf[this.at + n - 1] = 0x0a;
    this.at += n;
    this.bytes += n;
  }

  /** Appends bytes that are already whole lines (each ending in a newline), without copying them. */
  add(lines: Uint8Array): void {
    if (!lines.length) return;
    this.seal();
    const last = this.chunks.at(-1);
    if (last && last.buffer === lines.buffer && last.byteOffset + last.length === lines.byteOffset) {
      this.chunks[this.chunks.length - 1] = new Uint8Array(last.buffer, last.byteOffset, last.length + lines.length);
    } else {
      this.chunks.push(lines);
    }
    this.bytes += lines.length;
  }

  /** The chunks gathered since the last call, in order. */
  take(): Uint8Array[] {
    this.seal();
    const chunks = this.chunks;
    this.chunks = [];
    this.bytes = 0;
    return chunks;
  }

  private seal(): void {
    if (this.buf && this.at > this.start) {
      this.chunks.push(this.buf.subarray(this.start, this.at));
      this.start = this.at;
    }
  }
}
