import { describe, expect, it } from "vitest";
import { compileRules, maskField, maskHeader, MASKED_MARKER, rulesFor } from "./mask";

const config = [
  {
    topics: "pay\\..*",
    fields: ["card.number", "items.*.secret"],
    replacement: "****",
    exemptRoles: [],
    exemptTeams: [],
  },
  { topics: "pay\\..*", fields: [], pattern: "\\d{3}-\\d{4}", replacement: "###", exemptRoles: [], exemptTeams: [] },
];
const rules = compileRules(config);
const json = (data: unknown) => ({ encoding: "json" as const, data, text: JSON.stringify(data), size: 1 });

describe("masking", () => {
  it("applies only to matching topics", () => {
    expect(rulesFor(config, "orders")).toEqual([]);
    expect(rulesFor(config, "pay.cards")).toHaveLength(2);
  });

  it("replaces JSON fields by path (with wildcards) and patterns in strings, numbers and object keys", () => {
    const m = maskField(
      json({
        card: { number: "4111", holder: "Ann" },
        items: [{ secret: "s1" }, { secret: "s2", ok: 1 }],
        note: "ring 555-0000",
        "555-1111": 5551234,
      }),
      rules,
      "value",
    );
    expect(JSON.parse(m.text!)).toEqual({
      card: { number: "****", holder: "Ann" },
      items: [{ secret: "****" }, { secret: "****", ok: 1 }],
      note: "ring ###",
      "###": 5551234,
    });
    expect(m.masked).toBe(true);
    expect(
      maskField(json({ n: 5551234 }), compileRules([{ fields: [], pattern: "555", replacement: "x" }]), "value").text,
    ).toBe('{"n":"x1234"}');
    // A pattern spanning a key and its value still applies (to the text).
    expect(
      maskField(
        json({ ssn: "123" }),
        compileRules([{ fields: [], pattern: '"ssn":"\\d+"', replacement: '"ssn":"-"' }]),
        "value",
      ).text,
    ).toBe('{"ssn":"-"}');
  });

  it("fails closed: binary, malformed JSON, undecoded schema records and plain-text values under field rules become the marker", () => {
    const marked = (v: Parameters<typeof maskField>[0], which: "key" | "value" = "value") =>
      maskField(v, rules, which).text;
    expect(marked({ encoding: "hex", text: "00ff", size: 2 })).toBe(MASKED_MARKER);
    expect(
      marked({
        encoding: "hex",
        text: "0000000001",
        size: 5,
        schemaId: 1,
        error: "the schema registry is unreachable",
      }),
    ).toBe(MASKED_MARKER);
    expect(marked({ encoding: "string", text: '{"card": {"number": "4111"', size: 9 })).toBe(MASKED_MARKER);
    expect(marked({ encoding: "string", text: "card 4111", size: 9 })).toBe(MASKED_MARKER);
    // Keys: plain text gets the pattern rules only.
    expect(marked({ encoding: "string", text: "call 555-1234", size: 13 }, "key")).toBe("call ###");
    const m = maskField({ encoding: "string", text: '{"a": 1', size: 7 }, rules, "value");
    expect(m.error).toBe("not valid JSON");
  });

  it("masks headers: patterns over text, fields in JSON, binary and malformed JSON hidden", () => {
    expect(maskHeader({ key: "phone", value: "555-9876", binary: false }, rules).value).toBe("###");
    expect(
      JSON.parse(maskHeader({ key: "j", value: '{"card":{"number":"4111"}}', binary: false }, rules).value!),
    ).toEqual({ card: { number: "****" } });
    expect(maskHeader({ key: "b", value: "AAEC", binary: true }, rules)).toEqual({
      key: "b",
      value: MASKED_MARKER,
      binary: false,
    });
    expect(maskHeader({ key: "j", value: '{"card":', binary: false }, rules).value).toBe(MASKED_MARKER);
  });
});
