import { keepPreviousData, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/client";
import { paths } from "@/lib/paths";
import { BrowsePageSchema, MessageAnswerSchema, ProduceResultSchema, type ProduceBody } from "@/lib/schemas/messages";
import { jsonQueryOptions } from "@/lib/queries/json-query";

export type BrowseParams = {
  start: "newest" | "oldest" | "offset" | "timestamp";
  offset?: string;
  timestamp?: string;
  partitions?: string;
  limit: number;
  keyFormat: string;
  valueFormat: string;
  cursor?: string;
};

export const messageKeys = {
  all: (clusterId: string, topic: string) => ["clusters", clusterId, "topics", topic, "messages"] as const,
  page: (clusterId: string, topic: string, p: BrowseParams) =>
    [...messageKeys.all(clusterId, topic), "page", p] as const,
  one: (
    clusterId: string,
    topic: string,
    partition: number,
    offset: string,
    formats: { keyFormat: string; valueFormat: string },
  ) => [...messageKeys.all(clusterId, topic), "one", partition, offset, formats] as const,
};

/** One browse page; the previous page stays on screen while the next loads. Records are immutable: no refetch. */
export const browsePageOptions = (clusterId: string, topic: string, p: BrowseParams) =>
  queryOptions({
    queryKey: messageKeys.page(clusterId, topic, p),
    queryFn: ({ signal }) =>
      fetchJson(paths.api.messages(clusterId, topic, { ...p, cursor: p.cursor }), BrowsePageSchema, { signal }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    refetchOnWindowFocus: false,
  });

/** One record in full (for a value cut to its preview). */
export const fullMessageOptions = (
  clusterId: string,
  topic: string,
  partition: number,
  offset: string,
  formats: { keyFormat: string; valueFormat: string },
) =>
  jsonQueryOptions(
    messageKeys.one(clusterId, topic, partition, offset, formats),
    paths.api.message(clusterId, topic, partition, offset, formats),
    MessageAnswerSchema,
    { staleTime: Infinity },
  );

export function useProduceMutation(clusterId: string, topic: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ProduceBody) =>
      fetchJson(paths.api.messages(clusterId, topic), ProduceResultSchema, {
        method: "POST",
        body: JSON.stringify(body),
      }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: messageKeys.all(clusterId, topic) }),
  });
}
