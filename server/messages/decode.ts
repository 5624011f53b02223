import "server-only";
import { perCluster } from "@/server/process-state";
import { isUtf8 } from "node:buffer";
import { SchemaRegistry } from "@kafkajs/confluent-schema-registry";
import { getClusterConfigOrThrow } from "@/server/config";
import type { DecodeFormat, DecodedEncoding } from "@/lib/schemas/messages";
import type { KafkaRecord } from "@/server/kafka/fetch-records";
import { assertAvroBounded } from "./bounded-avro";
import { apicurioHeaderId, decodeApicurio } from "./apicurio";
import type { SideDecoder } from "./topic-decoders";

/** A topic's decoder setting for one side, used where the view asks for "auto": a compiled decoder or a view format. */
export type SideDecoding = { decoder: SideDecoder } | { format: DecodeFormat };
export type TopicDecoding = { key?: SideDecoding; value?: SideDecoding };

/** A key or value after decoding, before masking and before it is cut into a preview. */
export type DecodedValue = {
  encoding: DecodedEncoding;
  /** Structured value for json/avro/protobuf/json-schema (what CEL and masking see). */
  data?: unknown;
  /** Display text (JSON text for structured values); null for a null key/value. */
  text: string | null;
  size: number;
  schemaId?: number;
  error?: string;
  masked?: boolean;
  /** Only the first bytes were decoded (a preview); `size` is the whole value's. */
  truncated?: boolean;
  /** The topic's decoder setting this value was decoded with (a label). */
  decoder?: string;
};
export type DecodedHeader = { key: string; value: string | null; binary: boolean };
export type DecodedRecord = { record: KafkaRecord; key: DecodedValue; value: DecodedValue; headers: DecodedHeader[] };

// Control characters other than tab/newline/carriage return mean "this is not text".
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** How much of a text is checked for control characters: binary that passes UTF-8 validation shows it early. */
const CONTROL_SCAN = 256;

function asText(buf: Buffer, limit?: number): string | null {
  if (!isUtf8(buf)) return null;
  let end = buf.length;
  if (limit !== undefined && end > limit) {
    end = limit;
    while (end > 0 && (buf[end] & 0xc0) === 0x80) end--; // do not split a character
  }
  const s = buf.toString("utf8", 0, end);
  return CONTROL.test(s.length > CONTROL_SCAN ? s.slice(0, CONTROL_SCAN) : s) ? null : s;
}

/** JSON text of a decoded schema value: bytes as base64, 64-bit integers as strings, Maps as objects. */
export function toJsonText(value: unknown): string {
  return JSON.stringify(value, (_k, v) => {
    if (typeof v === "bigint") return v.toString();
    if (v && typeof v === "object") {
      if (Buffer.isBuffer(v)) return v.toString("base64");
      if ((v as { type?: string; data?: unknown }).type === "Buffer" && Array.isArray((v as { data?: unknown }).data)) {
        return Buffer.from((v as { data: number[] }).data).toString("base64");
      }
      if (v instanceof Map) return Object.fromEntries(v);
      // Long-like values (protobufjs int64) print as decimal strings.
      if (typeof (v as { toNumber?: unknown }).toNumber === "function" && "low" in v && "high" in v) return String(v);
    }
    return v;
  });
}

const ENCODING_OF_TYPE: Record<string, DecodedEncoding> = { AVRO: "avro", PROTOBUF: "protobuf", JSON: "json-schema" };
const SCHEMA_FAILURE_TTL_MS = 30_000;

type SchemaDecoder = { registry: SchemaRegistry; failures: Map<number, { at: number; message: string }> };
const decoders: Map<string, SchemaDecoder> = perCluster<SchemaDecoder>("SchemaDecoders");

/** The cluster's registry decoder (schemas cached by id for the process's life), or null without a registry. */
function schemaDecoderFor(clusterId: string): SchemaDecoder | null {
  const existing = decoders.get(clusterId);
  if (existing) return existing;
  const reg = getClusterConfigOrThrow(clusterId).schemaRegistry;
  if (!reg) return null;
  const registry = new SchemaRegistry({
    host: reg.url.replace(/\/+$/, ""),
    ...(reg.username ? { auth: { username: reg.username, password: reg.password ?? "" } } : {}),
    retry: { retries: 0 },
  });
  const created = { registry, failures: new Map() };
  decoders.set(clusterId, created);
  return created;
}

/** The cluster's registry client from @kafkajs/confluent-schema-registry (shared schema cache), or null. */
export function schemaRegistryFor(clusterId: string): SchemaRegistry | null {
  return schemaDecoderFor(clusterId)?.registry ?? null;
}

/** Confluent wire format: magic byte 0, then a 4-byte schema id. */
export function wireSchemaId(buf: Buffer): number | null {
  return buf.length >= 5 && buf[0] === 0 ? buf.readInt32BE(1) : null;
}

function binary(buf: Buffer, as: "hex" | "base64", error?: string, limit?: number): DecodedValue {
  // A preview of binary needs no more bytes than fit the preview once encoded (hex doubles, base64 × 4/3).
  const cut = limit !== undefined && buf.length > limit / 2 ? Math.floor(limit / 2) : buf.length;
  return {
    encoding: as,
    text: buf.toString(as, 0, cut),
    size: buf.length,
    ...(cut < buf.length ? { truncated: true } : {}),
    ...(error ? { error } : {}),
  };
}

function describeError(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m.length > 300 ? `${m.slice(0, 300)}…` : m;
}

async function viaSchema(clusterId: string, buf: Buffer, id: number): Promise<DecodedValue> {
  const decoder = schemaDecoderFor(clusterId);
  if (!decoder) {
    return binary(buf, "hex", `schema id ${id} in the record, but no schema registry is configured for this cluster`);
  }
  const failed = decoder.failures.get(id);
  if (failed && Date.now() - failed.at < SCHEMA_FAILURE_TTL_MS) {
    return { ...binary(buf, "hex", failed.message), schemaId: id };
  }
  try {
    await assertAvroBounded(decoder.registry, buf, id);
    const data = await decoder.registry.decode(buf);
    const type = decoder.registry.cache.getSchema(id)?.type ?? "AVRO";
    return { encoding: ENCODING_OF_TYPE[type] ?? "avro", data, text: toJsonText(data), size: buf.length, schemaId: id };
  } catch (e) {
    const status = (e as { status?: number }).status;
    const message =
      status === 404 || /not found/i.test(describeError(e))
        ? `schema id ${id} is not in the registry`
        : /ECONNREFUSED|ETIMEDOUT|fetch failed|socket|network/i.test(describeError(e))
          ? `the schema registry is unreachable (${describeError(e)}); raw bytes shown`
          : `could not decode with schema ${id}: ${describeError(e)}`;
    // Registry lookups that fail are remembered briefly, so a down registry costs one request, not one per record.
    if (!decoder.registry.cache.getSchema(id)) decoder.failures.set(id, { at: Date.now(), message });
    return { ...binary(buf, "hex", message), schemaId: id };
  }
}

function parseJson(text: string): { ok: true; data: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, data: JSON.parse(text) };
  } catch (e) {
    return { ok: false, error: describeError(e) };
  }
}

export type DecodeOptions = {
  keyFormat: DecodeFormat;
  valueFormat: DecodeFormat;
  /** Structured values are parsed (CEL and masking need them); otherwise JSON is recognised by its shape and left as text. */
  parse?: boolean;
  /** Decode only this many bytes of text values (list previews); ignored when values are parsed. */
  previewBytes?: number;
  /** The topic's decoder settings, applied where a format is "auto". */
  topic?: TopicDecoding;
};

/** The sync decode of one side with the topic's setting applied to "auto"; null when the registry is needed. */
function decodeSide(
  clusterId: string,
  buf: Buffer | null,
  format: DecodeFormat,
  side: SideDecoding | undefined,
  parse: boolean,
  previewBytes?: number,
): DecodedValue | null {
  if (format !== "auto" || !side || buf === null) return decodeValueSync(clusterId, buf, format, parse, previewBytes);
  if ("decoder" in side) return side.decoder.decode(buf);
  return decodeValueSync(clusterId, buf, side.format, parse, previewBytes);
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);
/** The same shape test on raw bytes, for values too large to turn into a string just to label them. */
function bytesLookLikeJson(buf: Buffer): boolean {
  let i = 0;
  let j = buf.length - 1;
  while (i < j && WS.has(buf[i])) i++;
  while (j > i && WS.has(buf[j])) j--;
  return (buf[i] === 0x7b && buf[j] === 0x7d) || (buf[i] === 0x5b && buf[j] === 0x5d);
}

function looksLikeJson(text: string): boolean {
  const first = text.trimStart()[0];
  const last = text.trimEnd().at(-1);
  return (first === "{" && last === "}") || (first === "[" && last === "]");
}

/**
 * Decodes one key or value without waiting, or returns null when it needs the schema registry. In "auto",
 * the registry's wire format wins, then JSON, then text, then hex.
 */
export function decodeValueSync(
  clusterId: string,
  buf: Buffer | null,
  format: DecodeFormat,
  parse = true,
  previewBytes?: number,
): DecodedValue | null {
  if (buf === null) return { encoding: "null", text: null, size: 0 };
  const limit = parse ? undefined : previewBytes;
  const cut = limit !== undefined && buf.length > limit ? { truncated: true } : {};
  switch (format) {
    case "hex":
    case "base64":
      return binary(buf, format, undefined, limit);
    case "schema":
      return wireSchemaId(buf) === null
        ? binary(buf, "hex", "not in schema registry wire format (no magic byte 0 + schema id)", limit)
        : null;
    case "string": {
      const text = asText(buf, limit);
      return text === null
        ? binary(buf, "hex", "not valid UTF-8 text", limit)
        : { encoding: "string", text, size: buf.length, ...cut };
    }
    case "json": {
      const text = asText(buf);
      if (text === null) return binary(buf, "hex", "not valid UTF-8 text");
      const parsed = parseJson(text);
      return parsed.ok
        ? { encoding: "json", data: parsed.data, text, size: buf.length }
        : { encoding: "string", text, size: buf.length, error: `not valid JSON: ${parsed.error}` };
    }
    case "auto": {
      const id = wireSchemaId(buf);
      if (id !== null && id > 0 && schemaDecoderFor(clusterId)) return null;
      const text = asText(buf, limit);
      if (text === null) return binary(buf, "hex", undefined, limit);
      if (limit !== undefined && buf.length > limit) {
        return { encoding: bytesLookLikeJson(buf) ? "json" : "string", text, size: buf.length, ...cut };
      }
      if (looksLikeJson(text)) {
        if (!parse) return { encoding: "json", text, size: buf.length };
        const parsed = parseJson(text);
        if (parsed.ok) return { encoding: "json", data: parsed.data, text, size: buf.length };
      }
      return { encoding: "string", text, size: buf.length, ...cut };
    }
  }
}

/** Decodes one key or value as asked, through the schema registry when the record carries a schema id. */
export async function decodeValue(
  clusterId: string,
  buf: Buffer | null,
  format: DecodeFormat,
  parse = true,
): Promise<DecodedValue> {
  const sync = decodeValueSync(clusterId, buf, format, parse);
  if (sync) return sync;
  return viaSchema(clusterId, buf!, wireSchemaId(buf!)!);
}

export function decodeHeader(h: { key: string; value: Buffer | null }): DecodedHeader {
  if (h.value === null) return { key: h.key, value: null, binary: false };
  const text = asText(h.value);
  return text === null
    ? { key: h.key, value: h.value.toString("base64"), binary: true }
    : { key: h.key, value: text, binary: false };
}

/** Decodes a record's key, value and headers; synchronous unless a schema lookup is needed. */
export function decodeRecord(
  clusterId: string,
  record: KafkaRecord,
  o: DecodeOptions,
): DecodedRecord | Promise<DecodedRecord> {
  const parse = o.parse ?? true;
  // Apicurio's header ids: automatic detection (no topic setting) of a record that carries one.
  const apicurio = (side: "key" | "value", buf: Buffer | null, format: DecodeFormat) =>
    buf !== null && record.headers.length && (format === "auto" || format === "schema") && !o.topic?.[side]
      ? apicurioHeaderId(record, side)
      : null;
  const keyRef = apicurio("key", record.key, o.keyFormat);
  const valueRef = apicurio("value", record.value, o.valueFormat);
  const key = keyRef ? null : decodeSide(clusterId, record.key, o.keyFormat, o.topic?.key, parse, o.previewBytes);
  const value = valueRef
    ? null
    : decodeSide(clusterId, record.value, o.valueFormat, o.topic?.value, parse, o.previewBytes);
  const headers = record.headers.length ? record.headers.map(decodeHeader) : [];
  if (key && value) return { record, key, value, headers };
  const kf = o.keyFormat === "auto" && o.topic?.key && "format" in o.topic.key ? o.topic.key.format : o.keyFormat;
  const vf =
    o.valueFormat === "auto" && o.topic?.value && "format" in o.topic.value ? o.topic.value.format : o.valueFormat;
  return Promise.all([
    key ?? (keyRef ? decodeApicurio(clusterId, record.key!, keyRef) : decodeValue(clusterId, record.key, kf, parse)),
    value ??
      (valueRef ? decodeApicurio(clusterId, record.value!, valueRef) : decodeValue(clusterId, record.value, vf, parse)),
  ]).then(([k, v]) => ({
    record,
    key: k,
    value: v,
    headers,
  }));
}

/** Forgets cached schemas and failures of a cluster (tests, configuration change). */
export function resetSchemaDecoder(clusterId: string): void {
  decoders.delete(clusterId);
}
