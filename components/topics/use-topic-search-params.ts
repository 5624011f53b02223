"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo, useState } from "react";
import { z } from "zod";
import { TOPIC_SORT_KEYS, type TopicSortKey } from "@/lib/schemas/topics";

const flag = z.enum(["1", "true"]).transform(() => true).optional().catch(undefined);

/** The list's URL state; anything malformed falls back to the default instead of breaking the page. */
const searchSchema = z.object({
  q: z.string().max(500).optional().catch(undefined),
  regex: flag,
  internal: flag,
  sort: z.enum(TOPIC_SORT_KEYS).optional().catch(undefined),
  dir: z.enum(["asc", "desc"]).optional().catch(undefined),
});

export type TopicSearch = { q: string; regex: boolean; internal: boolean; sort: TopicSortKey; dir: "asc" | "desc" };

/** Reads q/regex/internal/sort/dir from the URL and writes changes back with `replace`, so a reload keeps them. */
export function useTopicSearchParams(): [TopicSearch, (patch: Partial<TopicSearch>) => void] {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();

  // router.replace commits in a transition; until it does, show the change at once (a checkbox must not bounce back).
  const [pending, setPending] = useState<{ params: URLSearchParams; patch: Partial<TopicSearch> } | null>(null);
  const search = useMemo<TopicSearch>(() => {
    const p = searchSchema.parse(Object.fromEntries(params.entries()));
    const fromUrl: TopicSearch = { q: p.q ?? "", regex: p.regex ?? false, internal: p.internal ?? false, sort: p.sort ?? "name", dir: p.dir ?? "asc" };
    return pending?.params === params ? { ...fromUrl, ...pending.patch } : fromUrl;
  }, [params, pending]);

  const update = useCallback(
    (patch: Partial<TopicSearch>) => {
      const next = { ...search, ...patch };
      setPending({ params, patch: { ...(pending?.params === params ? pending.patch : {}), ...patch } });
      const out = new URLSearchParams();
      if (next.q) out.set("q", next.q);
      if (next.regex) out.set("regex", "1");
      if (next.internal) out.set("internal", "1");
      if (next.sort !== "name") out.set("sort", next.sort);
      if (next.dir !== "asc") out.set("dir", next.dir);
      const s = out.toString();
      router.replace(s ? `${pathname}?${s}` : pathname, { scroll: false });
    },
    [search, router, pathname, params, pending],
  );

  return [search, update];
}
