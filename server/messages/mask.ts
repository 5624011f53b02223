import "server-only";
import { safeRegex, type SafeRegex } from "@/lib/safe-regex";
import type { DecodeFormat } from "@/lib/schemas/messages";
import type { MaskingRule } from "@/server/config/schema";
import type { KafkaRecord } from "@/server/kafka/fetch-records";
import {
  decodeHeader,
  decodeRecord,
  toJsonText,
  type TopicDecoding,
  type DecodedHeader,
  type DecodedRecord,
  type DecodedValue,
} from "./decode";

/** Text meant as JSON (whether or not it parses): field rules must reach into it, or it is hidden. */
const looksLikeJson = (text: string) => /^\s*[[{]/.test(text);

/** What a viewer sees instead of a key, value or header that masking could not read (fail closed). */
export const MASKED_MARKER = "masked: could not be decoded for masking";

export type Compiled = { paths: string[][]; pattern?: SafeRegex; replacement: string };

export function compileRules(rules: Pick<MaskingRule, "fields" | "pattern" | "replacement">[]): Compiled[] {
  return rules.map((r) => ({
    paths: r.fields.map((f) => f.split(".")),
    pattern: r.pattern ? safeRegex(r.pattern) : undefined,
    replacement: r.replacement,
  }));
}

/** The cluster's masking rules that apply to a topic. */
export function rulesFor(rules: MaskingRule[], topic: string): MaskingRule[] {
  return rules.filter((r) => safeRegex(r.topics, { whole: true }).test(topic));
}

export type Masking = {
  /**
   * Decodes a record for display with the rules applied, whatever format the viewer asked for: masking reads the
   * record as what it is (schema, JSON, text), never as the view; the format only chooses how the masked result is
   * written. What the rules cannot reach (undecodable, malformed JSON, binary) is replaced by MASKED_MARKER.
   */
  decode(
    record: KafkaRecord,
    formats: { keyFormat: DecodeFormat; valueFormat: DecodeFormat; topic?: TopicDecoding },
  ): DecodedRecord | Promise<DecodedRecord>;
};

/** Compiles rules (already chosen for the topic) once per session; null when there are none. */
export function compileMasking(clusterId: string, rules: MaskingRule[]): Masking | null {
  if (rules.length === 0) return null;
  const compiled = compileRules(rules);
  return {
    decode(record, formats) {
      const finish = (k: DecodedValue, v: DecodedValue): DecodedRecord => ({
        record,
        key: present(maskField(k, compiled, "key"), record.key, formats.keyFormat),
        value: present(maskField(v, compiled, "value"), record.value, formats.valueFormat),
        headers: record.headers.map((h) => maskHeader(decodeHeader(h), compiled)),
      });
      // The topic's decoder settings apply: the rules see what the decoder made of the bytes.
      const d = decodeRecord(clusterId, record, {
        keyFormat: "auto",
        valueFormat: "auto",
        parse: true,
        topic: formats.topic,
      });
      return d instanceof Promise ? d.then((r) => finish(r.key, r.value)) : finish(d.key, d.value);
    },
  };
}

type Masked = DecodedValue & { changed?: boolean; marker?: boolean };

function marker(v: DecodedValue, reason: string): Masked {
  return {
    encoding: "string",
    text: MASKED_MARKER,
    size: v.size,
    ...(v.schemaId !== undefined ? { schemaId: v.schemaId } : {}),
    error: reason,
    masked: true,
    marker: true,
  };
}

/**
 * Masks one key or value decoded in "auto" with parsing: structured data gets field and pattern rules; plain text
 * gets the pattern rules, unless it is a value and field rules exist (they cannot reach into it); anything else
 * (binary, malformed JSON, a schema the registry could not resolve) becomes the marker. Reasons never quote input.
 */
export function maskField(v: DecodedValue, rules: Compiled[], which: "key" | "value"): Masked {
  if (v.encoding === "null" || v.text === null) return v;
  if (v.data !== undefined && !v.error) {
    let changed = false;
    for (const rule of rules) {
      for (const path of rule.paths) changed = replaceAt(v.data, path, rule.replacement) || changed;
      if (rule.pattern) {
        const r = replaceStrings(v.data, rule.pattern, rule.replacement);
        if (r.changed) {
          v.data = r.node;
          changed = true;
        }
      }
    }
    // Patterns also run over the final text, for a match that spans keys and values ("ssn": "123").
    const text = changed ? toJsonText(v.data) : v.text;
    const final = applyPatterns(text, rules);
    return changed || final !== text ? { ...v, text: final, masked: true, changed: true } : v;
  }
  if (v.schemaId !== undefined) return marker(v, "the record names a schema that could not be used to decode it");
  if (v.encoding !== "string") return marker(v, "binary data, which the masking rules cannot read");
  if (looksLikeJson(v.text)) return marker(v, "not valid JSON");
  if (which === "value" && rules.some((r) => r.paths.length > 0)) {
    return marker(v, "plain text, which the field rules cannot reach");
  }
  const text = applyPatterns(v.text, rules);
  return text === v.text ? v : { ...v, text, masked: true, changed: true };
}

function applyPatterns(text: string, rules: Compiled[]): string {
  let out = text;
  for (const rule of rules) if (rule.pattern) out = out.replace(rule.pattern, rule.replacement);
  return out;
}

/** Headers: pattern rules over their text, field rules where the text is JSON; binary or malformed JSON → marker. */
export function maskHeader(h: DecodedHeader, rules: Compiled[]): DecodedHeader {
  if (h.value === null) return h;
  if (h.binary) return { key: h.key, value: MASKED_MARKER, binary: false };
  if (looksLikeJson(h.value)) {
    let data: unknown;
    try {
      data = JSON.parse(h.value);
    } catch {
      return { key: h.key, value: MASKED_MARKER, binary: false };
    }
    const m = maskField({ encoding: "json", data, text: h.value, size: 0 }, rules, "key");
    return { key: h.key, value: m.text, binary: false };
  }
  return { key: h.key, value: applyPatterns(h.value, rules), binary: false };
}

/**
 * Writes a masked key or value in the format the viewer asked for. Untouched by the rules, it is shown as the
 * format would show the stored bytes; changed, hex and base64 encode the masked text (never the stored bytes).
 */
function present(v: Masked, raw: Buffer | null, format: DecodeFormat): DecodedValue {
  const { changed, marker: isMarker, ...out } = v;
  if (isMarker || v.text === null || raw === null) return out;
  if (format === "hex" || format === "base64") {
    const bytes = changed ? Buffer.from(v.text, "utf8") : raw;
    return { ...out, encoding: format, text: bytes.toString(format) };
  }
  return out;
}

function replaceAt(node: unknown, path: string[], replacement: string): boolean {
  if (node === null || typeof node !== "object" || path.length === 0) return false;
  const [head, ...rest] = path;
  const obj = node as Record<string, unknown>;
  const keys = head === "*" ? Object.keys(obj) : Object.prototype.hasOwnProperty.call(obj, head) ? [head] : [];
  let changed = false;
  for (const k of keys) {
    if (rest.length === 0) {
      if (obj[k] !== null && obj[k] !== undefined) {
        obj[k] = replacement;
        changed = true;
      }
    } else {
      changed = replaceAt(obj[k], rest, replacement) || changed;
    }
  }
  return changed;
}

/** Applies a pattern to every string, number, byte string and object key in the tree; returns the (new) node. */
function replaceStrings(node: unknown, pattern: SafeRegex, replacement: string): { node: unknown; changed: boolean } {
  if (typeof node === "string") {
    const next = node.replace(pattern, replacement);
    return { node: next, changed: next !== node };
  }
  if (typeof node === "number" || typeof node === "bigint") {
    const text = String(node);
    const next = text.replace(pattern, replacement);
    return next !== text ? { node: next, changed: true } : { node, changed: false };
  }
  if (Buffer.isBuffer(node)) {
    const text = node.toString("utf8");
    const next = text.replace(pattern, replacement);
    return next !== text ? { node: next, changed: true } : { node, changed: false };
  }
  if (node === null || typeof node !== "object") return { node, changed: false };
  // Long-like values (protobufjs int64) are checked as their decimal text.
  if (typeof (node as { toNumber?: unknown }).toNumber === "function" && "low" in node && "high" in node) {
    const r = replaceStrings(String(node), pattern, replacement);
    return r.changed ? r : { node, changed: false };
  }
  if (node instanceof Map) return replaceStrings(Object.fromEntries(node), pattern, replacement);
  const obj = node as Record<string, unknown>;
  let changed = false;
  for (const k of Object.keys(obj)) {
    const r = replaceStrings(obj[k], pattern, replacement);
    if (r.changed) {
      obj[k] = r.node;
      changed = true;
    }
    const nk = k.replace(pattern, replacement);
    if (nk !== k && !Array.isArray(obj)) {
      obj[nk] = obj[k];
      delete obj[k];
      changed = true;
    }
  }
  return { node: obj, changed };
}
