import { infiniteQueryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson, jsonInit } from "@/lib/api/client";
import { paths } from "@/lib/paths";
import {
  AddPartitionsResultSchema,
  ConfigDiffSchema,
  DeletedSchema,
  CreateTopicResultSchema,
  PurgeResultSchema,
  TopicDetailSchema,
  TopicListSchema,
  type AlterTopicConfigBody,
  type CreateTopicBody,
  type PurgeTopicBody,
  type TopicSortKey,
} from "@/lib/schemas/topics";
import { STALE, TOPIC_METADATA_FRESH_MS } from "@/lib/stale-times";
import { jsonQueryOptions } from "@/lib/queries/json-query";

export type TopicFilters = {
  q?: string;
  regex?: boolean;
  internal?: boolean;
  sort?: TopicSortKey;
  dir?: "asc" | "desc";
  limit?: number;
};

export const topicKeys = {
  all: (clusterId: string) => ["clusters", clusterId, "topics"] as const,
  lists: (clusterId: string) => [...topicKeys.all(clusterId), "list"] as const,
  infinite: (clusterId: string, f: TopicFilters) => [...topicKeys.lists(clusterId), "infinite", f] as const,
  detail: (clusterId: string, name: string) => [...topicKeys.all(clusterId), "detail", name] as const,
};

export const topicListInfiniteOptions = (clusterId: string, f: TopicFilters) =>
  infiniteQueryOptions({
    queryKey: topicKeys.infinite(clusterId, f),
    queryFn: ({ signal, pageParam }) =>
      fetchJson(paths.api.topics(clusterId, { ...f, cursor: pageParam }), TopicListSchema, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: STALE.list,
    // The server answers at once from metadata up to 2 min old and refreshes it behind the scenes; when the
    // page it sent was older than that freshness window, ask again shortly to pick up the refreshed list;
    // otherwise poll at the freshness interval, so topics created elsewhere appear without a reload.
    refetchInterval: (query) =>
      (query.state.data?.pages[0]?.metadataAgeMs ?? 0) > TOPIC_METADATA_FRESH_MS ? 2_000 : TOPIC_METADATA_FRESH_MS,
  });

export const topicDetailOptions = (clusterId: string, name: string) =>
  jsonQueryOptions(topicKeys.detail(clusterId, name), paths.api.topic(clusterId, name), TopicDetailSchema, {
    staleTime: STALE.list,
  });

/** Create (or, with dryRun, validate and preview) a topic. */
export function useCreateTopicMutation(clusterId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, dryRun }: { body: CreateTopicBody; dryRun: boolean }) =>
      fetchJson(
        paths.api.topics(clusterId, { dryRun: dryRun || undefined }),
        CreateTopicResultSchema,
        jsonInit("POST", body),
      ),
    onSuccess: (_r, v) => {
      if (!v.dryRun) void qc.invalidateQueries({ queryKey: topicKeys.lists(clusterId) });
    },
  });
}

export function useDeleteTopicMutation(clusterId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => fetchJson(paths.api.topic(clusterId, name), DeletedSchema, { method: "DELETE" }),
    onSuccess: (_r, name) => {
      qc.removeQueries({ queryKey: topicKeys.detail(clusterId, name) });
      void qc.invalidateQueries({ queryKey: topicKeys.lists(clusterId) });
    },
  });
}

/** Change or reset topic config keys; with dryRun only the diff is returned. */
export function useAlterTopicConfigMutation(clusterId: string, name: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, dryRun }: { body: AlterTopicConfigBody; dryRun: boolean }) =>
      fetchJson(paths.api.topicConfigs(clusterId, name, dryRun), ConfigDiffSchema, jsonInit("PATCH", body)),
    onSuccess: (_r, v) => {
      if (!v.dryRun) void qc.invalidateQueries({ queryKey: topicKeys.all(clusterId) });
    },
  });
}

export function useAddPartitionsMutation(clusterId: string, name: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (count: number) =>
      fetchJson(paths.api.topicPartitions(clusterId, name), AddPartitionsResultSchema, jsonInit("POST", { count })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: topicKeys.all(clusterId) }),
  });
}

export function usePurgeTopicMutation(clusterId: string, name: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PurgeTopicBody) =>
      fetchJson(paths.api.topicPurge(clusterId, name), PurgeResultSchema, jsonInit("POST", body)),
    onSuccess: () => void qc.invalidateQueries({ queryKey: topicKeys.all(clusterId) }),
  });
}
