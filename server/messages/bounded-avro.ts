import "server-only";
import type { SchemaRegistry } from "@kafkajs/confluent-schema-registry";

/**
 * Checks an Avro payload against its writer schema before avsc decodes it, so a record cannot make the decoder
 * allocate more than its bytes justify. avsc trusts block counts and lengths: a 6-byte payload declaring
 * 400 million array items would have it build a 400-million-element array. Here every block count is checked
 * against the bytes left (count × the item type's minimum encoded size), every length against the bytes left,
 * items of zero-byte types (null, empty records) against a total budget, and nesting against a depth limit.
 * The walk reads the payload once and builds nothing.
 */

/** Items (array elements, map entries) one record may declare in total, whatever their size. */
export const AVRO_MAX_ITEMS = 1_000_000;
/** Nesting of records, arrays, maps and unions (recursive schemas) one record may reach. */
export const AVRO_MAX_DEPTH = 256;

type AvroType = {
  typeName: string;
  fields?: { type: AvroType }[];
  itemsType?: AvroType;
  valuesType?: AvroType;
  types?: AvroType[];
  size?: number;
  symbols?: string[];
  underlyingType?: AvroType;
};

export class AvroBoundsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AvroBoundsError";
  }
}

/** The fewest bytes a value of this type can take (cycles in recursive schemas count 0). */
function minSize(t: AvroType, memo: Map<AvroType, number>): number {
  const known = memo.get(t);
  if (known !== undefined) return known;
  memo.set(t, 0);
  let n: number;
  const name = t.underlyingType ? t.underlyingType.typeName : t.typeName;
  const base = t.underlyingType ?? t;
  switch (name) {
    case "null":
      n = 0;
      break;
    case "float":
      n = 4;
      break;
    case "double":
      n = 8;
      break;
    case "fixed":
      n = base.size ?? 0;
      break;
    case "record":
    case "error":
      n = (base.fields ?? []).reduce((s, f) => s + minSize(f.type, memo), 0);
      break;
    default:
      // boolean, int, long, enum, string, bytes, array, map (a 0 count), union (its index): at least one byte.
      n = 1;
  }
  memo.set(t, n);
  return n;
}

class Reader {
  pos = 0;
  items = 0;
  constructor(readonly buf: Uint8Array) {}

  left(): number {
    return this.buf.length - this.pos;
  }

  /** A zig-zag varint long, as a JS number (exact up to 2^53; larger values fail the bounds anyway). */
  long(): number {
    let n = 0;
    let mul = 1;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.buf.length) throw new AvroBoundsError("the Avro payload ends inside a number");
      const b = this.buf[this.pos++];
      n += (b & 0x7f) * mul;
      if ((b & 0x80) === 0) return n % 2 === 0 ? n / 2 : -(n + 1) / 2;
      mul *= 128;
    }
    throw new AvroBoundsError("the Avro payload has a number longer than 10 bytes");
  }

  skip(n: number, what: string): void {
    if (n < 0 || n > this.left()) {
      throw new AvroBoundsError(`the Avro payload declares a ${what} of ${n} bytes, but only ${this.left()} remain`);
    }
    this.pos += n;
  }
}

function walk(t: AvroType, r: Reader, depth: number, memo: Map<AvroType, number>): void {
  if (depth > AVRO_MAX_DEPTH) throw new AvroBoundsError(`the Avro payload nests deeper than ${AVRO_MAX_DEPTH} levels`);
  const base = t.underlyingType ?? t;
  const name = base.typeName;
  switch (name) {
    case "null":
      return;
    case "boolean":
      return r.skip(1, "boolean");
    case "int":
    case "long":
      r.long();
      return;
    case "float":
      return r.skip(4, "float");
    case "double":
      return r.skip(8, "double");
    case "fixed":
      return r.skip(base.size ?? 0, "fixed value");
    case "string":
    case "bytes":
      return r.skip(r.long(), name);
    case "enum": {
      const i = r.long();
      if (i < 0 || i >= (base.symbols?.length ?? 0)) {
        throw new AvroBoundsError(`the Avro payload names enum symbol ${i}, which does not exist`);
      }
      return;
    }
    case "record":
    case "error":
      for (const f of base.fields ?? []) walk(f.type, r, depth + 1, memo);
      return;
    case "array":
    case "map": {
      const item = name === "array" ? base.itemsType! : base.valuesType!;
      // A map entry is a string key (at least one byte) and a value.
      const each = (name === "map" ? 1 : 0) + minSize(item, memo);
      for (;;) {
        let count = r.long();
        if (count === 0) return;
        if (count < 0) {
          count = -count;
          r.long(); // the block's size in bytes, which follows a negative count
        }
        if (count * each > r.left()) {
          throw new AvroBoundsError(
            `the Avro payload declares ${count} ${name === "array" ? "array items" : "map entries"}, but only ${r.left()} bytes remain`,
          );
        }
        r.items += count;
        if (r.items > AVRO_MAX_ITEMS) {
          throw new AvroBoundsError(`the Avro payload declares more than ${AVRO_MAX_ITEMS} items in total`);
        }
        for (let i = 0; i < count; i++) {
          if (name === "map") r.skip(r.long(), "map key");
          walk(item, r, depth + 1, memo);
        }
      }
    }
    default:
      if (name.startsWith("union")) {
        const i = r.long();
        const branch = base.types?.[i];
        if (!branch) throw new AvroBoundsError(`the Avro payload names union branch ${i}, which does not exist`);
        return walk(branch, r, depth + 1, memo);
      }
      throw new AvroBoundsError(`unsupported Avro type ${name}`);
  }
}

/** Throws AvroBoundsError when `payload` (the bytes after the wire header) is not bounded by its own length. */
export function assertAvroPayloadBounded(type: unknown, payload: Uint8Array): void {
  walk(type as AvroType, new Reader(payload), 0, new Map());
}

/**
 * For a Confluent wire-format buffer (magic byte, schema id, payload) whose schema is Avro: fetches the writer
 * schema (cached by the client) and checks the payload before the client decodes it. Other schema types pass.
 */
export async function assertAvroBounded(registry: SchemaRegistry, buf: Buffer, id: number): Promise<void> {
  const schema = await registry.getSchema(id);
  if (registry.cache.getSchema(id)?.type !== "AVRO") return;
  assertAvroPayloadBounded(schema, buf.subarray(5));
}
