const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const BASE = "http://sluice.invalid";

/**
 * The return path after sign-in, or `fallback` when it could lead anywhere else: only a same-origin path is kept.
 * Refused: absolute URLs and schemes, protocol-relative `//host`, backslashes (browsers read `/\host` as
 * `//host`), their percent-encoded forms, control characters and anything that resolves to another origin.
 */
export function safeNext(next: unknown, fallback = "/"): string {
  if (typeof next !== "string" || next.length === 0 || next.length > 2048) return fallback;
  if (!next.startsWith("/") || next.startsWith("//") || next.includes("\\") || CONTROL.test(next)) return fallback;
  let decoded = next;
  for (let i = 0; i < 3; i++) {
    let once: string;
    try {
      once = decodeURIComponent(decoded);
    } catch {
      return fallback;
    }
    if (once === decoded) break;
    decoded = once;
  }
  if (decoded.startsWith("//") || decoded.includes("\\") || CONTROL.test(decoded)) return fallback;
  try {
    if (new URL(next, BASE).origin !== BASE || new URL(decoded, BASE).origin !== BASE) return fallback;
  } catch {
    return fallback;
  }
  return next;
}
