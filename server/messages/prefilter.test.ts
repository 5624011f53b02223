import { describe, expect, it } from "vitest";
import type { KafkaRecord } from "@/server/kafka/fetch-records";
import { compileRawPrefilter, requiredValueLiterals } from "./prefilter";

const rec = (
  value: string | Buffer | null,
  key: string | null = null,
  headers: { key: string; value: Buffer | null }[] = [],
): KafkaRecord => ({
  partition: 0,
  offset: 0n,
  timestamp: 0,
  timestampType: "CreateTime",
  key: key === null ? null : Buffer.from(key),
  value: value === null ? null : Buffer.isBuffer(value) ? value : Buffer.from(value),
  headers,
  compression: "none",
});
const formats = { keyFormat: "auto", valueFormat: "auto" } as const;

describe("requiredValueLiterals", () => {
  it("takes value-path equalities joined by && only", () => {
    expect(requiredValueLiterals('value.customer == "c1" && value.a.b == "x"').sort()).toEqual(["c1", "x"]);
    expect(requiredValueLiterals('"c1" == value.customer')).toEqual(["c1"]);
    expect(requiredValueLiterals('value.customer == "c1" || value.customer == "c2"')).toEqual([]);
    expect(requiredValueLiterals('!(value.customer == "c1")')).toEqual([]);
    expect(requiredValueLiterals('key.customer == "c1"')).toEqual([]);
    expect(requiredValueLiterals('value == "c1"')).toEqual([]); // the whole value may be text, not JSON
    expect(requiredValueLiterals('value.note == "say \\"hi\\""')).toEqual([]); // JSON would escape the quotes
    expect(requiredValueLiterals("value.customer ==")).toEqual([]);
  });
});

describe("compileRawPrefilter", () => {
  it("rejects only what cannot match, and lets through what may be shown differently from its bytes", () => {
    const sub = compileRawPrefilter({ q: "Needle", regex: false, ...formats })!;
    expect(sub(rec('{"a":"a NEEDLE"}'))).toBe(true);
    expect(sub(rec('{"a":"none"}'))).toBe(false);
    expect(sub(rec("x", null, [{ key: "needle", value: null }]))).toBe(true);
    expect(sub(rec(Buffer.from([0, 0, 0, 0, 1, 2])))).toBe(true); // registry wire format: decoded through the schema
    expect(compileRawPrefilter({ q: "dead", regex: false, ...formats })!(rec(Buffer.from([0xde, 0xad, 0xff])))).toBe(
      true,
    ); // shown as hex
    expect(compileRawPrefilter({ q: "dead-", regex: false, ...formats })!(rec(Buffer.from([0xde, 0xad, 0xff])))).toBe(
      false,
    ); // no hex has "-"
    expect(compileRawPrefilter({ q: "été", regex: false, ...formats })).toBeNull(); // non-ASCII: no pre-filter
    expect(compileRawPrefilter({ q: "x", regex: true, ...formats })).toBeNull();
    expect(
      compileRawPrefilter({ q: "needle", regex: false, keyFormat: "hex", valueFormat: "hex" })!(rec("zz", "zz")),
    ).toBe(true);
    const cel = compileRawPrefilter({ regex: false, cel: 'value.customer == "c4242"', ...formats })!;
    expect(cel(rec('{"customer":"c4242"}'))).toBe(true);
    expect(cel(rec('{"customer":"c4243"}'))).toBe(false);
    expect(cel(rec('{"customer":"c\\u0034242"}'))).toBe(true);
    expect(cel(rec(null))).toBe(false);
    expect(
      compileRawPrefilter({ regex: false, cel: 'value.customer == "c4242"', keyFormat: "auto", valueFormat: "string" }),
    ).toBeNull();
  });
});

describe("requiredRegexLiterals", () => {
  it("reads the literal runs every match contains, and gives up on what it cannot read", async () => {
    const { requiredRegexLiterals } = await import("./prefilter");
    expect(requiredRegexLiterals('"customer":\\s*"c4242"')).toEqual(['"customer":', '"c4242"']);
    expect(requiredRegexLiterals("order-\\d+ paid")).toEqual(["order-", " paid"]);
    expect(requiredRegexLiterals("abcd?e")).toEqual(["abc"]); // d is optional
    expect(requiredRegexLiterals("xyz*w")).toEqual([]); // runs "xy" and "w": too short
    expect(requiredRegexLiterals("a\\.b\\.com")).toEqual(["a.b.com"]);
    expect(requiredRegexLiterals("[abc]{2}defg")).toEqual(["defg"]);
    expect(requiredRegexLiterals("secret@")).toEqual(["secret@"]);
    for (const p of ["(abc)?def", "abc|def", "(?i)secret", "\\pLabcd", "\\x{41}bcd", "[[:alpha:]]abcd", "\\Qabc\\E"]) {
      expect(requiredRegexLiterals(p), p).toEqual([]);
    }
  });

  it("a regex pre-filter needs every literal in one field, case-sensitively", () => {
    const re = compileRawPrefilter({ q: '"customer":\\s*"c4242"', regex: true, ...formats })!;
    expect(re(rec('{"customer": "c4242"}'))).toBe(true);
    expect(re(rec('{"customer": "c4243"}'))).toBe(false);
    expect(re(rec('{"customer": "C4242"}'))).toBe(false);
    expect(re(rec('{"customer": 1}', '"c4242"'))).toBe(false); // the literals are in different fields
  });
});
