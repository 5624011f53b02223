import "server-only";
import { isUtf8 } from "node:buffer";
import { parse } from "@bufbuild/cel";
import type { DecodeFormat, StreamQuery } from "@/lib/schemas/messages";
import type { KafkaRecord } from "@/server/kafka/fetch-records";

/**
 * A test on a record's raw bytes, before any decoding: false means the search's filter certainly rejects the
 * record (it is counted as scanned and skipped without decoding or JSON parsing); true means "decode and test".
 * It never decides a match. Built only for unmasked reads: a masked topic is decoded and masked before any filter
 * sees it, so a record whose masked-away text matches is never found through the raw bytes (the caller passes no
 * masking or gets no pre-filter).
 *
 * What it can prove from bytes, per key/value/header the search reads:
 * - substring (case-insensitive, ASCII literal) or an RE2 pattern's required literal (case-sensitive): the decoded text of a text field is the UTF-8 of its bytes; for an
 *   ASCII literal, JavaScript's case-insensitive match (no `u` flag) only folds ASCII to ASCII, so a match in the
 *   text is a match in the bytes read as Latin-1. A field that may be shown as something else (hex or base64 of
 *   binary, a registry-decoded value) is let through whenever the literal could occur in that form;
 * - CEL: each `value.a.b == "literal"` that the expression requires (joined by `&&` from the top) needs the literal
 *   in the value's bytes, unless the bytes hold a backslash (a JSON escape could spell it differently) or the value
 *   is not read as JSON text.
 */
export type RawPrefilter = (r: KafkaRecord) => boolean;

/** Formats under which a key or value's searchable text is its bytes as UTF-8 (when they are text). */
const TEXT_FORMATS = new Set<DecodeFormat>(["auto", "string", "json"]);
const HEX = /^[0-9a-f]*$/i;
const BASE64 = /^[A-Za-z0-9+/=]*$/;
const BACKSLASH = 0x5c;

/** Bytes that decode as display text (valid UTF-8, no control characters early on), as decode.ts decides. */
function shownAsText(buf: Buffer): boolean {
  if (!isUtf8(buf)) return false;
  // decode.ts checks the first 256 characters; 1,024 bytes hold at least that many, so this is never laxer.
  const end = Math.min(buf.length, 1024);
  for (let i = 0; i < end; i++) {
    const b = buf[i];
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) || b === 0x7f) return false;
  }
  return true;
}

export function compileRawPrefilter(
  q: Pick<StreamQuery, "q" | "regex" | "in" | "cel" | "keyFormat" | "valueFormat">,
): RawPrefilter | null {
  const tests: RawPrefilter[] = [];
  if (q.q) {
    const fields = new Set(q.in ?? ["key", "value", "headers"]);
    const literals = q.regex ? requiredRegexLiterals(q.q) : [q.q];
    const t = literals.length ? literalTest(literals, !q.regex, fields, q.keyFormat, q.valueFormat) : null;
    if (t) tests.push(t);
  }
  if (q.cel) {
    const t = celTest(q.cel, q.valueFormat);
    if (t) tests.push(t);
  }
  if (!tests.length) return null;
  return (r) => tests.every((t) => t(r));
}

/**
 * Runs of literal characters every match of an RE2 pattern contains (the 4 longest of at least 3 characters), or none when the pattern is not
 * simple enough to tell (groups, alternation, flags): a conservative reading, never a wrong one. A quantifier
 * that allows zero (`*`, `?`, `{`) drops the character before it; classes, `.`, anchors and `\d`-style escapes end
 * a run; an escaped punctuation character is itself.
 */
export function requiredRegexLiterals(pattern: string): string[] {
  // Groups and alternation could make any part optional; \Q…\E, \p{…}, \x{…}, octal escapes and [:class:] are
  // not worth reading here: all of them give no pre-filter.
  if (/[()|]/.test(pattern) || /\\[QpPx0-9]/.test(pattern) || pattern.includes("[:") || pattern.length > 1000) {
    return [];
  }
  const runs: string[] = [];
  let run = "";
  const end = () => {
    if (run) runs.push(run);
    run = "";
  };
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\") {
      const n = pattern[i + 1] ?? "";
      i++;
      if (/[A-Za-z0-9]/.test(n) || n === "") end();
      else run += n;
    } else if (c === "*" || c === "?" || c === "{") {
      run = run.slice(0, -1);
      end();
      if (c === "{") i = pattern.indexOf("}", i) === -1 ? pattern.length : pattern.indexOf("}", i);
    } else if (c === "+") {
      end();
    } else if (c === "[") {
      end();
      // skip the class: a ] right after [ or [^ is a member, escapes are skipped
      let j = i + 1;
      if (pattern[j] === "^") j++;
      if (pattern[j] === "]") j++;
      while (j < pattern.length && pattern[j] !== "]") j += pattern[j] === "\\" ? 2 : 1;
      i = j;
    } else if (c === "." || c === "^" || c === "$") {
      end();
    } else {
      run += c;
    }
  }
  end();
  return runs
    .filter((r) => r.length >= 3)
    .sort((a, b) => b.length - a.length)
    .slice(0, 4);
}

/**
 * Every literal must occur in one key, value or header (a match lies within one field). Case-sensitive literals,
 * and literals without letters, are searched as bytes (no string made); others on the bytes read as Latin-1.
 */
function literalTest(
  literals: string[],
  ignoreCase: boolean,
  fields: Set<string>,
  keyFormat: DecodeFormat,
  valueFormat: DecodeFormat,
): RawPrefilter | null {
  if (!literals.every((l) => /^[\x00-\x7f]+$/.test(l))) return null;
  const asBytes = !ignoreCase || literals.every((l) => !/[a-z]/i.test(l));
  const needles = literals.map((l) => Buffer.from(l, "latin1"));
  const res = literals.map((l) => new RegExp(l.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), ignoreCase ? "i" : ""));
  const inBytes = asBytes
    ? (b: Buffer) => needles.every((n) => b.indexOf(n) !== -1)
    : (b: Buffer) => ((t) => res.every((re) => re.test(t)))(b.toString("latin1"));
  const inText = (t: string) => res.every((re) => re.test(t));
  // Binary is shown as hex (keys, values) or base64 (headers): only literals of those alphabets could match there.
  const maybeHex = literals.every((l) => HEX.test(l));
  const maybeBase64 = literals.every((l) => BASE64.test(l));
  /** Could this key or value match? */
  const field = (buf: Buffer | null, format: DecodeFormat): boolean => {
    if (buf === null) return false;
    if (!TEXT_FORMATS.has(format)) return true;
    if (inBytes(buf)) return true;
    // auto: registry wire format (magic byte 0) is decoded through the schema, not shown as its bytes
    if (format === "auto" && buf.length >= 5 && buf[0] === 0) return true;
    return maybeHex && !shownAsText(buf);
  };
  const header = (h: { key: string; value: Buffer | null }): boolean => {
    if (inText(h.key)) return true;
    if (h.value === null) return false;
    if (inBytes(h.value)) return true;
    return maybeBase64 && !shownAsText(h.value);
  };
  const key = fields.has("key");
  const value = fields.has("value");
  const headers = fields.has("headers");
  return (r) =>
    (key && field(r.key, keyFormat)) || (value && field(r.value, valueFormat)) || (headers && r.headers.some(header));
}

type Node = { exprKind: { case?: string; value?: unknown } };
type Call = { function: string; args: Node[] };

/** `value.a.b` (a select chain on the identifier `value`, not a has() test). */
function isValuePath(n: Node): boolean {
  for (let e = n; ;) {
    if (e.exprKind.case === "identExpr") return e !== n && (e.exprKind.value as { name: string }).name === "value";
    if (e.exprKind.case !== "selectExpr") return false;
    const s = e.exprKind.value as { operand: Node; testOnly: boolean };
    if (s.testOnly) return false;
    e = s.operand;
  }
}

const stringConst = (n: Node): string | null => {
  if (n.exprKind.case !== "constExpr") return null;
  const c = (n.exprKind.value as { constantKind: { case?: string; value?: unknown } }).constantKind;
  return c.case === "stringValue" ? (c.value as string) : null;
};

/** Literals the expression requires in the value: `value.path == "x"` terms under top-level `&&`s. */
export function requiredValueLiterals(cel: string): string[] {
  let root: Node;
  try {
    root = parse(cel).expr as unknown as Node;
  } catch {
    return [];
  }
  const out: string[] = [];
  const stack: Node[] = [root];
  while (stack.length && out.length < 16) {
    const n = stack.pop()!;
    if (n.exprKind.case !== "callExpr") continue;
    const call = n.exprKind.value as Call;
    if (call.function === "_&&_") {
      stack.push(...call.args);
    } else if (call.function === "_==_" && call.args.length === 2) {
      const [a, b] = call.args;
      const lit =
        stringConst(b) !== null && isValuePath(a)
          ? stringConst(b)
          : stringConst(a) !== null && isValuePath(b)
            ? stringConst(a)
            : null;
      // JSON writes quotes, backslashes and control characters escaped: such literals are not searched as bytes.
      if (lit && !/["\\\x00-\x1f]/.test(lit)) out.push(lit);
    }
  }
  return out;
}

function celTest(cel: string, valueFormat: DecodeFormat): RawPrefilter | null {
  if (valueFormat !== "auto" && valueFormat !== "json") return null;
  const literals = requiredValueLiterals(cel).map((l) => Buffer.from(l, "utf8"));
  if (!literals.length) return null;
  return (r) => {
    const v = r.value;
    // A null value has no fields (the comparison cannot hold); registry-framed values are decoded, not read.
    if (v === null) return false;
    if (valueFormat === "auto" && v.length >= 5 && v[0] === 0) return true;
    if (v.indexOf(BACKSLASH) !== -1) return true;
    return literals.every((l) => v.indexOf(l) !== -1);
  };
}
