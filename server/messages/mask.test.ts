import { describe, expect, it } from "vitest";
import type { DecodedRecord } from "./decode";
import { compileMasking } from "./mask";

const rules = [
  { topics: "pay\\..*", fields: ["card.number", "items.*.secret"], replacement: "****" },
  { topics: "pay\\..*", fields: [], pattern: "\\d{3}-\\d{4}", replacement: "###" },
];
const record = (data: unknown, text = JSON.stringify(data)): DecodedRecord => ({
  record: { partition: 0, offset: 0n, timestamp: 0, timestampType: "CreateTime", key: null, value: null, headers: [], compression: "none" },
  key: { encoding: "string", text: "call 555-1234", size: 13 },
  value: { encoding: "json", data, text, size: text.length },
  headers: [{ key: "phone", value: "555-9876", binary: false }],
});

describe("compileMasking", () => {
  it("applies only to matching topics", () => {
    expect(compileMasking(rules, "orders")).toBeNull();
    expect(compileMasking(rules, "pay.cards")).not.toBeNull();
  });

  it("replaces JSON fields by path (with wildcards) and patterns in keys, values and headers", () => {
    const d = record({ card: { number: "4111", holder: "Ann" }, items: [{ secret: "s1" }, { secret: "s2", ok: 1 }], note: "ring 555-0000" });
    compileMasking(rules, "pay.cards")!(d);
    expect(JSON.parse(d.value.text!)).toEqual({ card: { number: "****", holder: "Ann" }, items: [{ secret: "****" }, { secret: "****", ok: 1 }], note: "ring ###" });
    expect(d.value.masked).toBe(true);
    expect(d.key.text).toBe("call ###");
    expect(d.headers[0].value).toBe("###");
  });
});
