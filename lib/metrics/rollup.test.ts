import { describe, expect, it } from "vitest";
import { bucketStart, rollup } from "./rollup";

describe("rollup", () => {
  it("averages rates over successful ticks and keeps the last lag and lag in seconds", () => {
    const r = rollup([
      { ok: true, p: 10, c: 4, t: { a: 10 }, g: { g1: [5, 2, 3] } },
      { ok: false, e: "down" },
      { ok: true, p: 20, c: null, t: { a: 20, b: 5 }, g: { g1: [9, 4, 7] } },
    ]);
    expect(r).toEqual({ ok: true, p: 15, c: 4, t: { a: 15, b: 5 }, g: { g1: [9, 3, 7] } });
  });

  it("keeps a bucket where every tick failed as a failure (a gap, not a zero)", () => {
    expect(
      rollup([
        { ok: false, e: "a" },
        { ok: false, e: "b" },
      ]),
    ).toEqual({ ok: false, e: "b" });
  });

  it("finds bucket starts", () => {
    expect(bucketStart(125_000, 60_000)).toBe(120_000);
  });
});
