/** A URL path segment decoded; a malformed escape gives "" so the page treats it like any other unknown name. */
export function decodeSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return "";
  }
}
