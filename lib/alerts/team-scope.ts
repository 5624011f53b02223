import { PREFIX_SEPARATORS, prefixesOwn } from "@/lib/auth/ownership";

const isSeparator = (c: string | undefined) => c !== undefined && (PREFIX_SEPARATORS as readonly string[]).includes(c);

/**
 * Whether every name a rule target matches is owned by one of the prefixes (the ownership rule of
 * `lib/auth/ownership.ts`): an exact name must be owned; a target prefix `x*` must lie inside one team prefix, so
 * that no name it matches escapes the team (`payments.*` inside `payments.`; `pay.*` inside `pay`; never `pay*`
 * inside `pay`, which would match `payroll`). An omitted target (every name) is never within a team.
 */
export function targetWithinPrefixes(prefixes: readonly string[], target: string | undefined): boolean {
  if (!target) return false;
  if (!target.endsWith("*")) return prefixesOwn(prefixes, target);
  const raw = target.slice(0, -1);
  if (raw.startsWith("__")) return false;
  return prefixes.some((p) => {
    if (!p) return false;
    if (p.endsWith("*")) return p.length > 1 && raw.startsWith(p.slice(0, -1));
    if (!raw.startsWith(p)) return false;
    return isSeparator(p.at(-1)) || (raw.length > p.length && isSeparator(raw[p.length]));
  });
}
