import "server-only";
import { safeRegex, type SafeRegex } from "@/lib/safe-regex";
import type { MaskingRule } from "@/server/config/schema";
import { toJsonText, type DecodedRecord, type DecodedValue } from "./decode";

type Compiled = { paths: string[][]; pattern?: SafeRegex; replacement: string };

/** The masking rules of a cluster that apply to a topic, compiled once per session; null when none apply. */
export function compileMasking(rules: MaskingRule[], topic: string): ((d: DecodedRecord) => void) | null {
  const applicable: Compiled[] = rules
    .filter((r) => safeRegex(r.topics, { whole: true }).test(topic))
    .map((r) => ({ paths: r.fields.map((f) => f.split(".")), pattern: r.pattern ? safeRegex(r.pattern) : undefined, replacement: r.replacement }));
  if (applicable.length === 0) return null;
  return (d) => {
    maskValue(d.key, applicable);
    maskValue(d.value, applicable);
    for (const h of d.headers) {
      if (h.value === null || h.binary) continue;
      for (const rule of applicable) if (rule.pattern) h.value = h.value.replace(rule.pattern, rule.replacement);
    }
  };
}

function maskValue(v: DecodedValue, rules: Compiled[]): void {
  if (v.text === null) return;
  if (v.data !== undefined && v.data !== null && typeof v.data === "object") {
    let changed = false;
    for (const rule of rules) {
      for (const path of rule.paths) changed = replaceAt(v.data, path, rule.replacement) || changed;
      if (rule.pattern) changed = replaceStrings(v.data, rule.pattern, rule.replacement) || changed;
    }
    if (changed) {
      v.text = toJsonText(v.data);
      v.masked = true;
    }
    return;
  }
  if (v.encoding === "string" || v.encoding === "json") {
    for (const rule of rules) {
      if (!rule.pattern || v.text === null) continue;
      const next: string = v.text.replace(rule.pattern, rule.replacement);
      if (next !== v.text) {
        v.text = next;
        v.masked = true;
        v.data = undefined;
      }
    }
  }
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
    } else changed = replaceAt(obj[k], rest, replacement) || changed;
  }
  return changed;
}

function replaceStrings(node: unknown, pattern: SafeRegex, replacement: string): boolean {
  if (node === null || typeof node !== "object") return false;
  const obj = node as Record<string, unknown>;
  let changed = false;
  for (const k of Object.keys(obj)) {
    const v = obj[k];
    if (typeof v === "string") {
      const next = v.replace(pattern, replacement);
      if (next !== v) {
        obj[k] = next;
        changed = true;
      }
    } else changed = replaceStrings(v, pattern, replacement) || changed;
  }
  return changed;
}
