"use client";

import { z } from "zod";
import { useUrlSearchState } from "@/components/ui/use-url-search-state";
import { GROUP_SORT_KEYS } from "@/lib/schemas/groups";

export type GroupSortKey = (typeof GROUP_SORT_KEYS)[number];
export type GroupSearch = { q: string; sort: GroupSortKey; dir: "asc" | "desc" };

const DEFAULTS: GroupSearch = { q: "", sort: "totalLag", dir: "desc" };

/** The list's URL state; anything malformed falls back to the default instead of breaking the page. */
const searchSchema = z.object({
  q: z.string().max(500).optional().catch(undefined),
  sort: z.enum(GROUP_SORT_KEYS).optional().catch(undefined),
  dir: z.enum(["asc", "desc"]).optional().catch(undefined),
});

/** q/sort/dir of the group list, kept in the URL. */
export function useGroupSearchParams() {
  return useUrlSearchState<GroupSearch>(searchSchema, DEFAULTS);
}
