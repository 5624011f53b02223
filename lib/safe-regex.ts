import { RE2JS } from "re2js";

/**
 * A user-supplied regular expression compiled with RE2 (linear time in the input, no backtracking), so no
 * pattern can freeze the process the way `^(a+)+$` freezes a JavaScript RegExp. Usable wherever a RegExp is
 * passed to `String.prototype.replace` (global replacement, `$1` groups). Pure JavaScript: safe in the browser.
 */
export type SafeRegex = {
  /** The pattern occurs somewhere in the text (or, compiled `whole`, matches all of it). */
  test(text: string): boolean;
  [Symbol.replace](text: string, replacement: string): string;
};

/** Compiles with RE2; throws an Error naming the syntax problem (lookarounds and backreferences are refused). */
export function safeRegex(pattern: string, opts: { ignoreCase?: boolean; whole?: boolean } = {}): SafeRegex {
  let re: RE2JS;
  try {
    re = RE2JS.compile(pattern, opts.ignoreCase ? RE2JS.CASE_INSENSITIVE : 0);
  } catch (e) {
    throw new Error((e as Error).message || "invalid regular expression");
  }
  return {
    test: (text) => (opts.whole ? re.matches(text) : re.matcher(text).find()),
    [Symbol.replace]: (text, replacement) => re.matcher(text).replaceAll(replacement),
  };
}

/** The pattern's syntax error, or null when RE2 accepts it. */
export function regexError(pattern: string): string | null {
  try {
    safeRegex(pattern);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}
