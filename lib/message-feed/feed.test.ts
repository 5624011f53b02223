import { describe, expect, it } from "vitest";
import type { Message } from "@/lib/schemas/messages";
import { emptyFeed, feedReducer, pendingCount, type FeedOptions, type FeedState } from "./feed";

const msg = (offset: number): Message => ({
  partition: 0,
  offset: String(offset),
  timestamp: offset,
  timestampType: "CreateTime",
  key: { encoding: "null", text: null, size: 0, truncated: false },
  value: { encoding: "string", text: `v${offset}`, size: 2, truncated: false },
  headers: [],
  size: 2,
  compression: "none",
});
const batch = (from: number, n: number) => Array.from({ length: n }, (_, i) => msg(from + i));
const offsets = (s: FeedState) => s.rows.map((r) => Number(r.offset));
const run = (o: FeedOptions, ...actions: Parameters<typeof feedReducer>[1][]) =>
  actions.reduce((s, a) => feedReducer(s, a, o), emptyFeed);

describe("feedReducer", () => {
  it("appends search results in scan order and drops the oldest beyond the cap, counting them", () => {
    const s = run(
      { cap: 5, newestFirst: false },
      { type: "append", batch: batch(0, 3) },
      { type: "append", batch: batch(3, 4) },
    );
    expect(offsets(s)).toEqual([2, 3, 4, 5, 6]);
    expect(s.dropped).toBe(2);
    expect(s.received).toBe(7);
  });

  it("shows a tail newest first and drops the oldest beyond the cap", () => {
    const s = run(
      { cap: 4, newestFirst: true },
      { type: "append", batch: batch(0, 3) },
      { type: "append", batch: batch(3, 3) },
    );
    expect(offsets(s)).toEqual([5, 4, 3, 2]);
    expect(s.dropped).toBe(2);
  });

  it("holds arrivals while paused, counts them, and shows them on resume", () => {
    const o = { cap: 4, newestFirst: true };
    let s = run(o, { type: "append", batch: batch(0, 2) }, { type: "pause" }, { type: "append", batch: batch(2, 3) });
    expect(offsets(s)).toEqual([1, 0]);
    expect(pendingCount(s)).toBe(3);
    s = feedReducer(s, { type: "resume" }, o);
    expect(offsets(s)).toEqual([4, 3, 2, 1]);
    expect(pendingCount(s)).toBe(0);
    expect(s.dropped).toBe(1);
  });

  it("keeps memory bounded while paused: beyond the cap arrivals are counted, not kept", () => {
    const o = { cap: 3, newestFirst: true };
    const s = run(o, { type: "pause" }, { type: "append", batch: batch(0, 10) });
    expect(s.waiting).toHaveLength(3);
    expect(pendingCount(s)).toBe(10);
    const resumed = feedReducer(s, { type: "resume" }, o);
    expect(offsets(resumed)).toEqual([9, 8, 7]);
    expect(resumed.dropped).toBe(7);
  });

  it("clears", () => {
    expect(run({ cap: 3, newestFirst: false }, { type: "append", batch: batch(0, 2) }, { type: "clear" })).toEqual(
      emptyFeed,
    );
  });
});
