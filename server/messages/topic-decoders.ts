import "server-only";
import {
  createFileRegistry,
  fromBinary,
  fromJson,
  toBinary,
  toJson,
  type DescMessage,
  type FileRegistry,
} from "@bufbuild/protobuf";
import { FileDescriptorProtoSchema, FileDescriptorSetSchema } from "@bufbuild/protobuf/wkt";
import { BinaryReader, WireType } from "@bufbuild/protobuf/wire";
import { decode as msgpackDecode, encode as msgpackEncode } from "@msgpack/msgpack";
import avro from "avsc";
import protobuf from "protobufjs";
import type { DecoderKind } from "@/lib/schemas/topic-decoders";
import type { DecodedValue } from "./decode";

/** What is stored for one side of a topic (a TopicDecoder row). */
export type DecoderSpec = {
  kind: DecoderKind;
  charset?: string;
  messageType?: string;
  source?: "descriptor-set" | "proto" | "avro-schema";
  /** descriptor-set: the binary set; proto: JSON [{name, content}]; avro-schema: the schema text. */
  schema?: Buffer | null;
};

/** A compiled decoder of one side: decodes bytes for display, CEL and masking, and encodes produced text. */
export type SideDecoder = {
  kind: DecoderKind;
  label: string;
  /** The shown text is the record's bytes as UTF-8 (the raw-byte search pre-filter may be used). */
  textual: boolean;
  decode(buf: Buffer): DecodedValue;
  /** Bytes for a produced text (JSON for structured kinds); throws the reason it cannot. */
  encode(text: string): Buffer;
};

/** An uploaded descriptor or schema that does not parse: the parser's message and, where known, the position. */
export class DecoderSpecError extends Error {
  constructor(
    message: string,
    readonly position?: string,
  ) {
    super(position ? `${message} (${position})` : message);
  }
}

const ERROR_MAX = 300;
function describe(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m.length > ERROR_MAX ? `${m.slice(0, ERROR_MAX)}…` : m;
}

/** JSON text of a decoded value: bytes as base64, 64-bit integers as strings, Maps as objects. */
function jsonText(value: unknown): string {
  return JSON.stringify(value, (_k, v) => {
    if (typeof v === "bigint") return v.toString();
    if (v instanceof Uint8Array) return Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString("base64");
    if (
      v &&
      typeof v === "object" &&
      (v as { type?: string }).type === "Buffer" &&
      Array.isArray((v as { data?: unknown }).data)
    ) {
      return Buffer.from((v as { data: number[] }).data).toString("base64");
    }
    if (v instanceof Map) return Object.fromEntries(v);
    return v;
  });
}

function failed(buf: Buffer, kind: string, label: string, error: string): DecodedValue {
  return {
    encoding: "hex",
    text: buf.toString("hex"),
    size: buf.length,
    decoder: label,
    error: `could not decode as ${kind}: ${error}`,
  };
}

function fixedWidth(
  kind: "int" | "long" | "short" | "float" | "double",
  width: number,
): Omit<SideDecoder, "kind" | "label"> & { label: string } {
  const read = (b: Buffer): number | bigint =>
    kind === "int"
      ? b.readInt32BE(0)
      : kind === "long"
        ? b.readBigInt64BE(0)
        : kind === "short"
          ? b.readInt16BE(0)
          : kind === "float"
            ? b.readFloatBE(0)
            : b.readDoubleBE(0);
  return {
    label: kind,
    textual: false,
    decode(buf) {
      if (buf.length !== width) return failed(buf, kind, kind, `${buf.length} bytes, a ${kind} has ${width}`);
      const v = read(buf);
      const text = typeof v === "number" && !Number.isFinite(v) ? String(v) : v.toString();
      // long: a string past 2^53 (CEL and JSON would lose digits), a number below.
      const data =
        typeof v === "bigint"
          ? v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= BigInt(Number.MIN_SAFE_INTEGER)
            ? Number(v)
            : text
          : v;
      return { encoding: kind, data, text, size: buf.length, decoder: kind };
    },
    encode(text) {
      const t = text.trim();
      const b = Buffer.alloc(width);
      if (kind === "long") {
        if (!/^-?\d+$/.test(t)) throw new Error(`"${t.slice(0, 40)}" is not a long`);
        const v = BigInt(t);
        if (v < -(2n ** 63n) || v >= 2n ** 63n) throw new Error(`${t} is outside the long range`);
        b.writeBigInt64BE(v);
        return b;
      }
      const n = Number(t);
      if (t === "" || (Number.isNaN(n) && t !== "NaN")) throw new Error(`"${t.slice(0, 40)}" is not a number`);
      if (kind === "int" || kind === "short") {
        const [lo, hi] = kind === "int" ? [-(2 ** 31), 2 ** 31 - 1] : [-(2 ** 15), 2 ** 15 - 1];
        if (!Number.isInteger(n) || n < lo || n > hi) throw new Error(`${t} is not a ${kind} (${lo}…${hi})`);
        if (kind === "int") b.writeInt32BE(n);
        else b.writeInt16BE(n);
      } else if (kind === "float") {
        b.writeFloatBE(n);
      } else {
        b.writeDoubleBE(n);
      }
      return b;
    },
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function uuidDecoder(): SideDecoder {
  return {
    kind: "uuid",
    label: "uuid",
    textual: false,
    decode(buf) {
      // Kafka's UUIDSerializer writes the 36-character text; 16 raw bytes are read as the UUID's bits.
      const s = buf.length === 36 ? buf.toString("latin1") : null;
      if (s && UUID.test(s)) {
        return { encoding: "uuid", data: s.toLowerCase(), text: s.toLowerCase(), size: buf.length, decoder: "uuid" };
      }
      if (buf.length === 16) {
        const h = buf.toString("hex");
        const text = `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
        return { encoding: "uuid", data: text, text, size: buf.length, decoder: "uuid (16 bytes)" };
      }
      return failed(buf, "uuid", "uuid", "neither a 36-character UUID text nor 16 bytes");
    },
    encode(text) {
      const t = text.trim();
      if (!UUID.test(t)) throw new Error(`"${t.slice(0, 40)}" is not a UUID`);
      return Buffer.from(t.toLowerCase(), "latin1");
    },
  };
}

/** Buffer encodings for producing text in a charset (decoding takes every charset TextDecoder knows). */
const BUFFER_CHARSETS: Record<string, BufferEncoding | "utf-16be"> = {
  "utf-8": "utf8",
  utf8: "utf8",
  "iso-8859-1": "latin1",
  latin1: "latin1",
  "us-ascii": "ascii",
  ascii: "ascii",
  "utf-16le": "utf16le",
  "utf-16be": "utf-16be",
  "utf-16": "utf-16be",
};

function textDecoderFor(charset: string): TextDecoder {
  try {
    return new TextDecoder(charset, { fatal: true });
  } catch {
    throw new DecoderSpecError(`unknown charset "${charset}"`);
  }
}

function stringDecoder(charset: string | undefined): SideDecoder {
  const name = charset ?? "UTF-8";
  const decoder = textDecoderFor(name);
  const utf8 = decoder.encoding === "utf-8";
  const label = utf8 ? "string" : `string (${name})`;
  return {
    kind: "string",
    label,
    textual: utf8,
    decode(buf) {
      try {
        const text = decoder.decode(buf);
        return { encoding: "string", text, size: buf.length, decoder: label };
      } catch (e) {
        return failed(buf, `${name} text`, label, describe(e));
      }
    },
    encode(text) {
      const enc = BUFFER_CHARSETS[name.toLowerCase()] ?? BUFFER_CHARSETS[decoder.encoding];
      if (!enc) {
        throw new Error(`producing text in ${name} is not supported (UTF-8, ISO-8859-1, US-ASCII, UTF-16LE/BE are)`);
      }
      if (enc === "utf-16be") return Buffer.from(text, "utf16le").swap16();
      if (enc === "latin1" && /[^\u0000-\u00ff]/.test(text)) {
        throw new Error(`the text has characters ${name} cannot hold`);
      }
      return Buffer.from(text, enc);
    },
  };
}

function msgpackDecoder(): SideDecoder {
  return {
    kind: "msgpack",
    label: "msgpack",
    textual: false,
    decode(buf) {
      try {
        const data = msgpackDecode(buf);
        return {
          encoding: "msgpack",
          data: JSON.parse(jsonText(data)) as unknown,
          text: jsonText(data),
          size: buf.length,
          decoder: "msgpack",
        };
      } catch (e) {
        return failed(buf, "MessagePack", "msgpack", describe(e));
      }
    },
    encode(text) {
      return Buffer.from(msgpackEncode(JSON.parse(text)));
    },
  };
}

/** The message types a protobuf spec defines (for the chooser), from either source. */
export function protobufMessageTypes(spec: DecoderSpec): string[] {
  if (spec.source === "proto") {
    const root = protoRoot(spec.schema!);
    const out: string[] = [];
    const walk = (ns: protobuf.NamespaceBase) => {
      for (const o of ns.nestedArray) {
        if (o instanceof protobuf.Type) out.push(o.fullName.replace(/^\./, ""));
        if (o instanceof protobuf.Namespace || o instanceof protobuf.Type) walk(o);
      }
    };
    walk(root);
    return out.sort();
  }
  const registry = descriptorRegistry(spec.schema!);
  const out: string[] = [];
  for (const t of registry) if (t.kind === "message") out.push(t.typeName);
  return out.sort();
}

/** A binary FileDescriptorSet as a registry; a set that does not parse names the file and byte where it fails. */
function descriptorRegistry(bytes: Buffer): FileRegistry {
  let set;
  try {
    set = fromBinary(FileDescriptorSetSchema, bytes);
  } catch (e) {
    // Find the file entry (field 1) that fails, with the library's own reader, to give a position.
    const reader = new BinaryReader(bytes);
    let index = 0;
    let position = "";
    let start = 0;
    try {
      while (reader.pos < reader.len) {
        start = reader.pos;
        const [no, wt] = reader.tag();
        if (no === 1 && wt === WireType.LengthDelimited) {
          const body = reader.bytes();
          try {
            fromBinary(FileDescriptorProtoSchema, body);
          } catch (inner) {
            position = `file #${index + 1} at byte ${start}: ${describe(inner)}`;
            break;
          }
          index++;
        } else {
          reader.skip(wt, no);
        }
      }
    } catch (outer) {
      position ||= `file #${index + 1} at byte ${start} of ${bytes.length}: ${describe(outer)}`;
    }
    throw new DecoderSpecError(`not a valid FileDescriptorSet: ${describe(e)}`, position || undefined);
  }
  if (set.file.length === 0) throw new DecoderSpecError("the FileDescriptorSet holds no files");
  try {
    return createFileRegistry(set);
  } catch (e) {
    throw new DecoderSpecError(`the FileDescriptorSet is incomplete (build it with --include_imports): ${describe(e)}`);
  }
}

function protoRoot(schema: Buffer): protobuf.Root {
  const files = JSON.parse(schema.toString("utf8")) as { name: string; content: string }[];
  const root = new protobuf.Root();
  for (const f of files) {
    try {
      protobuf.parse(f.content, root, { keepCase: true, alternateCommentMode: true });
    } catch (e) {
      const line = /\(line (\d+)\)/.exec(describe(e))?.[1];
      throw new DecoderSpecError(
        `${f.name}: ${describe(e).replace(/\s*\(line \d+\)$/, "")}`,
        line ? `${f.name} line ${line}` : undefined,
      );
    }
  }
  try {
    root.resolveAll();
  } catch (e) {
    throw new DecoderSpecError(`the .proto files do not resolve: ${describe(e)}`);
  }
  return root;
}

function protobufDecoder(spec: DecoderSpec): SideDecoder {
  const typeName = spec.messageType!.replace(/^\./, "");
  const label = `protobuf ${typeName}`;
  if (spec.source === "proto") {
    const root = protoRoot(spec.schema!);
    let type: protobuf.Type;
    try {
      type = root.lookupType(typeName);
    } catch {
      throw new DecoderSpecError(`message type "${typeName}" is not defined in the .proto files`);
    }
    return protobufSide(
      label,
      (buf) =>
        type.toObject(type.decode(buf), { longs: String, enums: String, bytes: String, defaults: false, json: true }),
      (text) => {
        const obj = JSON.parse(text) as Record<string, unknown>;
        const err = type.verify(obj);
        if (err) throw new Error(err);
        return Buffer.from(type.encode(type.fromObject(obj)).finish());
      },
    );
  }
  const registry = descriptorRegistry(spec.schema!);
  const desc: DescMessage | undefined = registry.getMessage(typeName);
  if (!desc) throw new DecoderSpecError(`message type "${typeName}" is not in the descriptor set`);
  return protobufSide(
    label,
    (buf) => toJson(desc, fromBinary(desc, buf), { registry }),
    (text) => Buffer.from(toBinary(desc, fromJson(desc, JSON.parse(text), { registry }))),
  );
}

/** A protobuf side from either source (.proto files or a descriptor set): a message's JSON form and its bytes. */
function protobufSide(label: string, toData: (buf: Buffer) => unknown, encode: (text: string) => Buffer): SideDecoder {
  return {
    kind: "protobuf",
    label,
    textual: false,
    decode(buf) {
      try {
        const data = toData(buf);
        return { encoding: "protobuf", data, text: JSON.stringify(data), size: buf.length, decoder: label };
      } catch (e) {
        return failed(buf, label, label, describe(e));
      }
    },
    encode,
  };
}

/** Parses an Avro schema text; errors carry the JSON position or avsc's message. */
export function parseAvroSchema(text: string): avro.Type {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const at = /position (\d+)/.exec(describe(e))?.[1];
    throw new DecoderSpecError(
      `the Avro schema is not valid JSON: ${describe(e).replace(/\s*in JSON at position \d+.*$/, "")}`,
      at ? `at character ${at}` : undefined,
    );
  }
  try {
    return avro.Type.forSchema(json as avro.Schema, { wrapUnions: false });
  } catch (e) {
    throw new DecoderSpecError(`not a valid Avro schema: ${describe(e)}`);
  }
}

/** Decodes an Avro binary value with a writer schema: structured data and its JSON text, or throws. */
export function avroValue(type: avro.Type, buf: Buffer): { data: unknown; text: string } {
  const v = type.fromBuffer(buf);
  const text = jsonText(v);
  return { data: JSON.parse(text) as unknown, text };
}

function avroDecoder(spec: DecoderSpec): SideDecoder {
  const type = parseAvroSchema(spec.schema!.toString("utf8"));
  const name = (type as { name?: string }).name;
  const label = name ? `avro ${name}` : "avro";
  return {
    kind: "avro",
    label,
    textual: false,
    decode(buf) {
      try {
        return { encoding: "avro", ...avroValue(type, buf), size: buf.length, decoder: label };
      } catch (e) {
        return failed(buf, label, label, describe(e));
      }
    },
    encode(text) {
      const v = JSON.parse(text) as unknown;
      const errors: string[] = [];
      if (!type.isValid(v, { errorHook: (path) => errors.push(path.join(".") || "(the value)") })) {
        throw new Error(`does not match the Avro schema at ${errors.slice(0, 3).join(", ")}`);
      }
      return type.toBuffer(v);
    },
  };
}

/** Compiles a stored spec; throws DecoderSpecError for a descriptor, schema, type or charset that does not work. */
export function compileDecoder(spec: DecoderSpec): SideDecoder | null {
  switch (spec.kind) {
    case "registry":
      return null;
    case "int":
      return { kind: "int", ...fixedWidth("int", 4) };
    case "long":
      return { kind: "long", ...fixedWidth("long", 8) };
    case "short":
      return { kind: "short", ...fixedWidth("short", 2) };
    case "float":
      return { kind: "float", ...fixedWidth("float", 4) };
    case "double":
      return { kind: "double", ...fixedWidth("double", 8) };
    case "uuid":
      return uuidDecoder();
    case "string":
      return stringDecoder(spec.charset);
    case "msgpack":
      return msgpackDecoder();
    case "protobuf":
      if (!spec.schema) throw new DecoderSpecError("protobuf needs a descriptor set or .proto files");
      return protobufDecoder(spec);
    case "avro":
      if (!spec.schema) throw new DecoderSpecError("avro needs a schema file");
      return avroDecoder(spec);
    case "json":
    case "text":
    case "bytes":
      // The view formats of the same names (decode.ts); here only so a topic can default to them.
      return null;
  }
}
