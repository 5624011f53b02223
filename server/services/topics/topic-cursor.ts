import "server-only";
import type { TopicListItem, TopicSortKey } from "@/lib/schemas/topics";
import { ApiError } from "@/server/http/api-error";

type SortValue = string | number | null;
type Cursor = { s: TopicSortKey; d: "asc" | "desc"; v: SortValue; n: string };

export function sortValue(t: TopicListItem, key: TopicSortKey): SortValue {
  return t[key] as SortValue;
}

/** Orders by the sort key (nulls last in either direction), then by name, so the order is total. */
export function compareTopics(
  a: { v: SortValue; n: string },
  b: { v: SortValue; n: string },
  dir: "asc" | "desc",
): number {
  if (a.v !== b.v) {
    if (a.v === null) return 1;
    if (b.v === null) return -1;
    const c = typeof a.v === "number" && typeof b.v === "number" ? a.v - b.v : String(a.v).localeCompare(String(b.v));
    if (c !== 0) return dir === "asc" ? c : -c;
  }
  return a.n < b.n ? -1 : a.n > b.n ? 1 : 0;
}

/** A stateless keyset cursor: the sort key, direction and the last row's (value, name). Any replica can serve it. */
export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString("base64url");
}

export function decodeCursor(raw: string, sort: TopicSortKey, dir: "asc" | "desc"): Cursor {
  let c: Cursor;
  try {
    c = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    throw new ApiError("bad_request", "The cursor is not valid; start again from the first page.", [
      { path: "cursor", issue: "malformed" },
    ]);
  }
  if (!c || typeof c.n !== "string" || c.s !== sort || c.d !== dir) {
    throw new ApiError("bad_request", "The cursor belongs to another sort order; start again from the first page.", [
      { path: "cursor", issue: "mismatch" },
    ]);
  }
  return c;
}
