import avsc from "avsc";
import { describe, expect, it } from "vitest";
import { assertAvroPayloadBounded, AvroBoundsError } from "./bounded-avro";

const order = avsc.Type.forSchema(
  {
    type: "record",
    name: "Order",
    fields: [
      { name: "id", type: "string" },
      {
        name: "lines",
        type: {
          type: "array",
          items: {
            type: "record",
            name: "Line",
            fields: [
              { name: "sku", type: "string" },
              { name: "qty", type: "int" },
            ],
          },
        },
      },
      { name: "tags", type: { type: "map", values: "string" } },
      { name: "note", type: ["null", "string"], default: null },
      { name: "flags", type: { type: "array", items: "null" } },
      { name: "at", type: { type: "long", logicalType: "timestamp-millis" } },
      { name: "code", type: { type: "fixed", name: "Code", size: 2 } },
      { name: "state", type: { type: "enum", name: "State", symbols: ["NEW", "PAID"] } },
    ],
  },
  { wrapUnions: false },
);

const zigzag = (n: number) => {
  const out: number[] = [];
  let v = n >= 0 ? n * 2 : -n * 2 - 1;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
  return out;
};

describe("assertAvroPayloadBounded", () => {
  it("accepts real payloads of every type", () => {
    const value = {
      id: "o-1",
      lines: [
        { sku: "a", qty: 2 },
        { sku: "b", qty: 1 },
      ],
      tags: { k: "v" },
      note: "hi",
      flags: [null, null],
      at: 1_700_000_000_000,
      code: Buffer.from("XY"),
      state: "PAID",
    };
    expect(() => assertAvroPayloadBounded(order, order.toBuffer(value))).not.toThrow();
  });

  it("refuses a 6-byte payload declaring 400 million array items before anything is allocated", () => {
    const nulls = avsc.Type.forSchema({ type: "array", items: "null" });
    const payload = Buffer.from(zigzag(400_000_000));
    expect(payload.length).toBeLessThanOrEqual(6);
    expect(() => assertAvroPayloadBounded(nulls, payload)).toThrow(/more than 1000000 items/);
    const strings = avsc.Type.forSchema({ type: "array", items: "string" });
    expect(() => assertAvroPayloadBounded(strings, payload)).toThrow(
      /declares 400000000 array items, but only 0 bytes remain/,
    );
  });

  it("refuses lengths past the end, unknown union branches and enum symbols", () => {
    expect(() =>
      assertAvroPayloadBounded(avsc.Type.forSchema("string"), Buffer.from([...zigzag(1_000_000), 0x61])),
    ).toThrow(AvroBoundsError);
    expect(() =>
      assertAvroPayloadBounded(avsc.Type.forSchema(["null", "string"], { wrapUnions: false }), Buffer.from(zigzag(7))),
    ).toThrow(/union branch 7/);
    expect(() =>
      assertAvroPayloadBounded(
        avsc.Type.forSchema({ type: "enum", name: "E", symbols: ["A"] }),
        Buffer.from(zigzag(3)),
      ),
    ).toThrow(/enum symbol 3/);
  });

  it("bounds the nesting of recursive schemas", () => {
    const list = avsc.Type.forSchema(
      { type: "record", name: "Node", fields: [{ name: "next", type: ["null", "Node"] }] },
      { wrapUnions: false },
    );
    const deep = Buffer.from([...Array(1000).fill(zigzag(1)[0]), 0]);
    expect(() => assertAvroPayloadBounded(list, deep)).toThrow(/nests deeper/);
    expect(() => assertAvroPayloadBounded(list, Buffer.from([2, 2, 0]))).not.toThrow();
  });
});
