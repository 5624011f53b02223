import "server-only";
import { isUtf8 } from "node:buffer";
import type { DecodeFormat, DecodedEncoding } from "@/lib/schemas/messages";
import type { KafkaRecord } from "@/server/kafka/fetch-records";

/**
 * The decoding that needs nothing but the bytes: text, JSON, hex, base64, headers, and the test whether a record
 * needs the schema registry. Pure (no configuration, no registry client), so the scan workers run the same code as
 * the main thread when they format an export's lines (export-line.ts); decode.ts adds the registry and the topic's
 * decoder settings.
 */

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

/** Confluent wire format: magic byte 0, then a 4-byte schema id. */
export function wireSchemaId(buf: Buffer): number | null {
  return buf.length >= 5 && buf[0] === 0 ? buf.readInt32BE(1) : null;
}

/**
 * Apicurio's serdes with `apicurio.registry.headers.enabled` put the schema's id in a record header instead of the
 * payload: `apicurio.value.globalId` / `apicurio.key.globalId` (or `…contentId`), an 8-byte big-endian long.
 */
export function apicurioHeaderId(
  record: KafkaRecord,
  side: "key" | "value",
): { by: "globalId" | "contentId"; id: number } | null {
  for (const h of record.headers) {
    if (h.key !== `apicurio.${side}.globalId` && h.key !== `apicurio.${side}.contentId`) continue;
    if (!h.value || h.value.length !== 8) continue;
    const id = h.value.readBigInt64BE(0);
    if (id <= 0n || id > BigInt(Number.MAX_SAFE_INTEGER)) continue;
    return { by: h.key.endsWith("globalId") ? "globalId" : "contentId", id: Number(id) };
  }
  return null;
}

export function binary(buf: Buffer, as: "hex" | "base64", error?: string, limit?: number): DecodedValue {
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

export function describeError(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m.length > 300 ? `${m.slice(0, 300)}…` : m;
}

function parseJson(text: string): { ok: true; data: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, data: JSON.parse(text) };
  } catch (e) {
    return { ok: false, error: describeError(e) };
  }
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
 * Decodes one key or value without waiting, or returns null when it needs the schema registry (`registry`: the
 * cluster has one). In "auto", the registry's wire format wins, then JSON, then text, then hex.
 */
export function decodeBytesSync(
  buf: Buffer | null,
  format: DecodeFormat,
  registry: boolean,
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
      if (id !== null && id > 0 && registry) return null;
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

export function decodeHeader(h: { key: string; value: Buffer | null }): DecodedHeader {
  if (h.value === null) return { key: h.key, value: null, binary: false };
  const text = asText(h.value);
  return text === null
    ? { key: h.key, value: h.value.toString("base64"), binary: true }
    : { key: h.key, value: text, binary: false };
}

/**
 * How one side of a record is decoded where no compiled topic decoder applies: the format (the view's, or the
 * topic's setting in its place) and whether Apicurio's schema-id headers are looked for (no topic setting).
 */
export type PlainSide = { format: DecodeFormat; apicurio: boolean };

/** One side decoded without waiting, or null when it needs the registry (a schema id in the bytes or a header). */
export function decodePlainSync(
  record: KafkaRecord,
  which: "key" | "value",
  side: PlainSide,
  registry: boolean,
  parse = true,
  previewBytes?: number,
): DecodedValue | null {
  const buf = record[which];
  if (buf !== null && side.apicurio && record.headers.length && apicurioHeaderId(record, which)) return null;
  return decodeBytesSync(buf, side.format, registry, parse, previewBytes);
}
