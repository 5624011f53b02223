/**
 * Which names (topics, consumer groups, schema subjects) a team's prefix owns. The one rule every ownership check
 * uses (route permissions, the request policy, approvals):
 *
 * - a prefix owns the names that start with it AND end at a separator: either the prefix itself ends with `.`,
 *   `-` or `_` (`payments.` owns `payments.orders`), or the name's next character is one (`pay` owns `pay.x`,
 *   `pay-x`, `pay_x` and `pay` itself, never `payroll.x`);
 * - a prefix written with a trailing `*` is a raw prefix, declared as such: `pay*` owns `payroll.x`;
 * - Kafka's internal topics (every name starting with `__`: `__consumer_offsets`, `__transaction_state`,
 *   `__share_group_state`, the broker's internal topics) are never owned by any team.
 */
export const PREFIX_SEPARATORS = [".", "-", "_"] as const;

const isSeparator = (c: string | undefined) => c !== undefined && (PREFIX_SEPARATORS as readonly string[]).includes(c);

/** Kafka's internal names: never owned by a team, whatever its prefixes. */
export const isInternalName = (name: string) => name.startsWith("__");

/** Whether one prefix owns `name` (see the module comment). */
export function prefixOwns(prefix: string, name: string): boolean {
  if (!prefix || isInternalName(name)) return false;
  if (prefix.endsWith("*")) {
    const raw = prefix.slice(0, -1);
    return raw.length > 0 && name.startsWith(raw);
  }
  if (!name.startsWith(prefix)) return false;
  return isSeparator(prefix.at(-1)) || name.length === prefix.length || isSeparator(name[prefix.length]);
}

/** Whether any of the prefixes owns `name`. */
export const prefixesOwn = (prefixes: readonly string[], name: string) => prefixes.some((p) => prefixOwns(p, name));

/**
 * Why a team prefix is refused on create/update, or null when it is valid: letters, digits, `.`, `_`, `-`, an
 * optional trailing `*` (raw prefix); it must start with a letter or digit, so no prefix can reach `_`/`__` names.
 */
export function prefixProblem(prefix: string): string | null {
  if (!prefix) return "a prefix is empty";
  if (!/^[a-zA-Z0-9._-]+\*?$/.test(prefix)) {
    return "prefixes use only letters, digits, '.', '_' and '-' (and a trailing '*' for a raw prefix)";
  }
  if (!/^[a-zA-Z0-9]/.test(prefix)) {
    return "a prefix starts with a letter or digit (names starting with '_' or '.' cannot be owned)";
  }
  return null;
}
