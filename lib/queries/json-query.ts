import { queryOptions, type QueryKey } from "@tanstack/react-query";
import type { z } from "zod";
import { fetchJson } from "@/lib/api/client";

/** How often a query is fresh and polled; a key left out keeps the query client's default. */
export type JsonQueryTiming = { staleTime?: number; refetchInterval?: number };

/**
 * The `queryOptions` of a GET that answers JSON, parsed with its DTO schema (cancelled with the query's signal):
 * the shape most list and detail queries share.
 */
export const jsonQueryOptions = <S extends z.ZodType, K extends QueryKey>(
  queryKey: K,
  url: string,
  schema: S,
  timing: JsonQueryTiming,
) =>
  // The caller's key names what the URL asks for; url and schema follow from it.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  queryOptions({
    queryKey,
    queryFn: ({ signal }): Promise<z.infer<S>> => fetchJson(url, schema, { signal }),
    ...timing,
  });
