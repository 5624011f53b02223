import { describe, expect, it } from "vitest";
import { LineSink } from "./line-sink";

const text = (chunks: Uint8Array[]) => Buffer.concat(chunks.map((c) => Buffer.from(c))).toString("utf8");

describe("LineSink", () => {
  it("writes each line with a newline, in UTF-8, and counts its bytes", () => {
    const sink = new LineSink();
    sink.write('{"a":"é ✓ 😀"}');
    sink.write("");
    sink.write("plain");
    expect(sink.bytes).toBe(Buffer.byteLength('{"a":"é ✓ 😀"}\n\nplain\n'));
    const chunks = sink.take();
    expect(text(chunks)).toBe('{"a":"é ✓ 😀"}\n\nplain\n');
    expect(sink.bytes).toBe(0);
    expect(sink.take()).toEqual([]);
  });

  it("keeps chunks it handed out intact while it writes on, and gives a long line a chunk of its own", () => {
    const sink = new LineSink();
    sink.write("first");
    const taken = sink.take();
    const long = "x".repeat(300 * 1024);
    sink.write("second");
    sink.write(long);
    sink.write("third");
    expect(text(taken)).toBe("first\n");
    expect(text(sink.take())).toBe(`second\n${long}\nthird\n`);
  });

  it("appends finished lines as views, merging adjacent ones, between written lines in order", () => {
    const block = Buffer.from("a\nb\nc\n");
    const sink = new LineSink();
    sink.write("before");
    sink.add(block.subarray(0, 2));
    sink.add(block.subarray(2, 4));
    sink.add(new Uint8Array(0));
    sink.write("middle");
    sink.add(block.subarray(4, 6));
    const chunks = sink.take();
    expect(text(chunks)).toBe("before\na\nb\nmiddle\nc\n");
    // "a\n" and "b\n" arrive as one view of the block: no copy.
    expect(chunks[1].buffer).toBe(block.buffer);
    expect(chunks[1].length).toBe(4);
    expect(chunks).toHaveLength(4);
  });
});
