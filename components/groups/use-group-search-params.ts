"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo, useState } from "react";
import { z } from "zod";
import { GROUP_SORT_KEYS } from "@/lib/schemas/groups";

export type GroupSortKey = (typeof GROUP_SORT_KEYS)[number];
export type GroupSearch = { q: string; sort: GroupSortKey; dir: "asc" | "desc" };

const DEFAULT: GroupSearch = { q: "", sort: "totalLag", dir: "desc" };

/** The list's URL state; anything malformed falls back to the default instead of breaking the page. */
const searchSchema = z.object({
  q: z.string().max(500).optional().catch(undefined),
  sort: z.enum(GROUP_SORT_KEYS).optional().catch(undefined),
  dir: z.enum(["asc", "desc"]).optional().catch(undefined),
});

/** Reads q/sort/dir from the URL and writes changes back with `replace`, so a reload keeps them. */
export function useGroupSearchParams(): [GroupSearch, (patch: Partial<GroupSearch>) => void] {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();

  // router.replace commits in a transition; until it does, show the change at once.
  const [pending, setPending] = useState<{ params: URLSearchParams; patch: Partial<GroupSearch> } | null>(null);
  const search = useMemo<GroupSearch>(() => {
    const p = searchSchema.parse(Object.fromEntries(params.entries()));
    const fromUrl: GroupSearch = { q: p.q ?? DEFAULT.q, sort: p.sort ?? DEFAULT.sort, dir: p.dir ?? DEFAULT.dir };
    return pending?.params === params ? { ...fromUrl, ...pending.patch } : fromUrl;
  }, [params, pending]);

  const update = useCallback(
    (patch: Partial<GroupSearch>) => {
      const next = { ...search, ...patch };
      setPending({ params, patch: { ...(pending?.params === params ? pending.patch : {}), ...patch } });
      const out = new URLSearchParams();
      if (next.q) out.set("q", next.q);
      if (next.sort !== DEFAULT.sort) out.set("sort", next.sort);
      if (next.dir !== DEFAULT.dir) out.set("dir", next.dir);
      const s = out.toString();
      router.replace(s ? `${pathname}?${s}` : pathname, { scroll: false });
    },
    [search, router, pathname, params, pending],
  );

  return [search, update];
}
