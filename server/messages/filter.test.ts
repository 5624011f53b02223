import { describe, expect, it } from "vitest";
import type { DecodedRecord } from "./decode";
import { compileFilter } from "./filter";

const rec = (value: string, data?: unknown, extra: Partial<DecodedRecord["record"]> = {}): DecodedRecord => ({
  record: {
    partition: 0,
    offset: 5n,
    timestamp: 1_000,
    timestampType: "CreateTime",
    key: Buffer.from("k"),
    value: Buffer.from(value),
    headers: [],
    compression: "none",
    ...extra,
  },
  key: { encoding: "string", text: "order-1", size: 7 },
  value: {
    encoding: data === undefined ? "string" : "json",
    text: value,
    size: value.length,
    ...(data === undefined ? {} : { data }),
  },
  headers: [{ key: "trace", value: "abc", binary: false }],
});

describe("compileFilter", () => {
  it("matches substrings case-insensitively and literally (regex characters are not special)", () => {
    const f = compileFilter({ q: "a.B(", regex: false });
    expect(f.test(rec("xx A.b( yy"))).toBe(true);
    expect(f.test(rec("xx aXb( yy"))).toBe(false);
  });

  it("restricts text search to the chosen fields", () => {
    expect(compileFilter({ q: "order-1", regex: false, in: ["value"] }).test(rec("nothing"))).toBe(false);
    expect(compileFilter({ q: "order-1", regex: false, in: ["key"] }).test(rec("nothing"))).toBe(true);
    expect(compileFilter({ q: "abc", regex: false, in: ["headers"] }).test(rec("nothing"))).toBe(true);
  });

  it("evaluates CEL over the decoded value and counts records where it errors as non-matching", () => {
    const f = compileFilter({ regex: false, cel: 'value.orderId == "X-42" && partition == 0' });
    expect(f.test(rec("{}", { orderId: "X-42" }))).toBe(true);
    expect(f.test(rec("{}", { orderId: "A-1" }))).toBe(false);
    expect(f.test(rec("{}", { other: 1 }))).toBe(false);
    expect(f.errors.count).toBe(1);
    expect(f.errors.example).toMatch(/offset 5 in partition 0/);
  });

  it("applies the time range", () => {
    const f = compileFilter({ regex: false, from: 500, to: 1500 });
    expect(f.test(rec("x"))).toBe(true);
    expect(f.test(rec("x", undefined, { timestamp: 2000 }))).toBe(false);
  });

  it("rejects invalid CEL with its position and invalid regexes", () => {
    expect(() => compileFilter({ regex: false, cel: "value.a ==" })).toThrow(
      /Invalid CEL expression at line 1, column/,
    );
    expect(() => compileFilter({ regex: true, q: "(open" })).toThrow(/Invalid regular expression/);
  });

  it("stops a CEL expression at its budget inside the evaluator, not after it has run (nested loops over literal lists)", () => {
    const list = `[${Array.from({ length: 40 }, (_, i) => i).join(",")}]`;
    const f = compileFilter({
      regex: false,
      cel: `${list}.exists(a, ${list}.exists(b, ${list}.exists(c, ${list}.exists(d, a + b + c + d < 0))))`,
    });
    const started = performance.now();
    expect(() => f.test(rec("{}", {}))).toThrow(/CEL filter took .* \(budget 50 ms\)/);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it("still evaluates loops within the budget, over lists in the record too", () => {
    const f = compileFilter({
      regex: false,
      cel: "value.items.exists(i, i.qty > 2) && [1, 2, 3].all(x, x > 0) && value.items.map(i, i.qty).size() == 2",
    });
    expect(f.test(rec("{}", { items: [{ qty: 1 }, { qty: 3 }] }))).toBe(true);
    expect(f.test(rec("{}", { items: [{ qty: 1 }, { qty: 2 }] }))).toBe(false);
  });
});
