"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { z } from "zod";

type Value = string | boolean;

/**
 * A list page's filters kept in the URL. `schema` parses the query string (malformed values should `.catch` to
 * undefined so they fall back to `defaults`); a value equal to its default is left out of the URL and `true`
 * is written as "1". Changes use `history.replaceState` (which Next.js folds into `useSearchParams`, without a
 * server round trip), so a reload keeps them and quick successive changes land in order.
 */
export function useUrlSearchState<T extends Record<string, Value>>(
  schema: z.ZodType<Partial<T>>,
  defaults: T,
): [T, (patch: Partial<T>) => void] {
  const params = useSearchParams();
  const pathname = usePathname();

  // The URL change commits in a transition; until it does, show the change at once (a checkbox must not bounce back).
  const [pending, setPending] = useState<{ params: URLSearchParams; patch: Partial<T> } | null>(null);
  const state = useMemo<T>(() => {
    const parsed = schema.parse(Object.fromEntries(params.entries()));
    const fromUrl = { ...defaults };
    for (const key of Object.keys(defaults) as (keyof T)[]) {
      if (parsed[key] !== undefined) fromUrl[key] = parsed[key] as T[keyof T];
    }
    return pending?.params === params ? { ...fromUrl, ...pending.patch } : fromUrl;
  }, [params, pending, schema, defaults]);

  // Two changes before a re-render (a debounced search firing as a box is ticked) must both survive: each merges
  // into the state the previous one wrote, not the state of the last render.
  const written = useRef<{ params: URLSearchParams; state: T } | null>(null);
  const update = useCallback(
    (patch: Partial<T>) => {
      const base = written.current?.params === params ? written.current.state : state;
      const next = { ...base, ...patch };
      written.current = { params, state: next };
      setPending({ params, patch: { ...(pending?.params === params ? pending.patch : {}), ...patch } });
      const out = new URLSearchParams();
      for (const [key, value] of Object.entries(next)) {
        if (value === defaults[key] || value === "" || value === false) continue;
        out.set(key, value === true ? "1" : String(value));
      }
      const s = out.toString();
      window.history.replaceState(null, "", s ? `${pathname}?${s}` : pathname);
    },
    [state, pathname, params, pending, defaults],
  );

  return [state, update];
}

const DEBOUNCE_MS = 250;

/**
 * The text of a search box bound to a committed query: typing commits after 250 ms of quiet, and a query changed
 * from outside (back/forward) replaces the text.
 */
export function useDebouncedSearch(committed: string, commit: (q: string) => void): [string, (text: string) => void] {
  const [text, setText] = useState(committed);
  const [synced, setSynced] = useState(committed);
  if (committed !== synced) {
    setSynced(committed);
    setText(committed);
  }
  useEffect(() => {
    if (text === committed) return;
    const t = setTimeout(() => commit(text), DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [text, committed, commit]);
  return [text, setText];
}
