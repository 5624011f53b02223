"use client";

import { z } from "zod";
import { useUrlSearchState } from "@/components/ui/use-url-search-state";
import { TOPIC_SORT_KEYS, type TopicSortKey } from "@/lib/schemas/topics";

const flag = z
  .enum(["1", "true"])
  .transform(() => true)
  .optional()
  .catch(undefined);

/** The list's URL state; anything malformed falls back to the default instead of breaking the page. */
const searchSchema = z.object({
  q: z.string().max(500).optional().catch(undefined),
  regex: flag,
  internal: flag,
  sort: z.enum(TOPIC_SORT_KEYS).optional().catch(undefined),
  dir: z.enum(["asc", "desc"]).optional().catch(undefined),
});

export type TopicSearch = { q: string; regex: boolean; internal: boolean; sort: TopicSortKey; dir: "asc" | "desc" };
const DEFAULTS: TopicSearch = { q: "", regex: false, internal: false, sort: "name", dir: "asc" };

/** q/regex/internal/sort/dir of the topic list, kept in the URL. */
export function useTopicSearchParams() {
  return useUrlSearchState<TopicSearch>(searchSchema, DEFAULTS);
}
