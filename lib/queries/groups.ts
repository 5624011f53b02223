import type { GROUP_SORT_KEYS } from "@/lib/schemas/groups";
import { infiniteQueryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson, jsonInit } from "@/lib/api/client";
import { paths } from "@/lib/paths";
import {
  DeletedGroupOffsetsSchema,
  GroupDetailSchema,
  GroupListSchema,
  LagSecondsSchema,
  ResetPreviewSchema,
  ShareGroupAnswerSchema,
  type ResetOffsetsBody,
} from "@/lib/schemas/groups";
import { jsonQueryOptions } from "@/lib/queries/json-query";
import { STALE } from "@/lib/stale-times";
import { DeletedSchema } from "@/lib/schemas/topics";

export type GroupFilters = { q?: string; sort?: (typeof GROUP_SORT_KEYS)[number]; dir?: "asc" | "desc" };

export const groupKeys = {
  all: (clusterId: string) => ["clusters", clusterId, "consumer-groups"] as const,
  list: (clusterId: string, f: GroupFilters) => [...groupKeys.all(clusterId), "list", f] as const,
  detail: (clusterId: string, groupId: string) => [...groupKeys.all(clusterId), "detail", groupId] as const,
};

/** The sorted list, 500 groups a page: the table loads the next page when scrolled near its end. */
export const groupListOptions = (clusterId: string, f: GroupFilters) =>
  infiniteQueryOptions({
    queryKey: groupKeys.list(clusterId, f),
    queryFn: ({ signal, pageParam }) =>
      fetchJson(paths.api.groups(clusterId, { ...f, limit: 500, offset: pageParam || undefined }), GroupListSchema, {
        signal,
      }),
    initialPageParam: 0,
    getNextPageParam: (last) => last.nextOffset ?? undefined,
    staleTime: STALE.list,
    refetchInterval: 15_000,
  });

export const groupDetailOptions = (clusterId: string, groupId: string) =>
  jsonQueryOptions(groupKeys.detail(clusterId, groupId), paths.api.group(clusterId, groupId), GroupDetailSchema, {
    staleTime: STALE.list,
    refetchInterval: 10_000,
  });

/** A share group (KIP-932), or why the cluster has none. */
export const shareGroupOptions = (clusterId: string, groupId: string) =>
  jsonQueryOptions(
    [...groupKeys.all(clusterId), "share", groupId] as const,
    paths.api.shareGroup(clusterId, groupId),
    ShareGroupAnswerSchema,
    { staleTime: STALE.list, refetchInterval: 10_000 },
  );

/** Preview (dryRun) or apply an offset reset. */
export function useResetOffsetsMutation(clusterId: string, groupId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, dryRun }: { body: ResetOffsetsBody; dryRun: boolean }) =>
      fetchJson(paths.api.groupReset(clusterId, groupId, dryRun), ResetPreviewSchema, jsonInit("POST", body)),
    onSuccess: (_r, v) => {
      if (!v.dryRun) void qc.invalidateQueries({ queryKey: groupKeys.all(clusterId) });
    },
  });
}

/** Removes one topic's committed offsets from a group (the group stays). */
export function useDeleteGroupTopicOffsetsMutation(clusterId: string, groupId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (topic: string) =>
      fetchJson(paths.api.groupTopicOffsets(clusterId, groupId, topic), DeletedGroupOffsetsSchema, {
        method: "DELETE",
      }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: groupKeys.all(clusterId) }),
  });
}

export function useDeleteGroupMutation(clusterId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (groupId: string) =>
      fetchJson(paths.api.group(clusterId, groupId), DeletedSchema, { method: "DELETE" }),
    onSuccess: (_r, groupId) => {
      qc.removeQueries({ queryKey: groupKeys.detail(clusterId, groupId) });
      void qc.invalidateQueries({ queryKey: groupKeys.all(clusterId) });
    },
  });
}

/** Exact lag in seconds, measured on demand (one Fetch per leader): not polled. */
export const lagSecondsOptions = (clusterId: string, groupId: string) =>
  jsonQueryOptions(
    [...groupKeys.detail(clusterId, groupId), "lag-seconds"] as const,
    paths.api.groupLagSeconds(clusterId, groupId),
    LagSecondsSchema,
    { staleTime: Infinity },
  );
