import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson, unchecked, jsonInit } from "@/lib/api/client";
import { topicKeys } from "@/lib/queries/topics";
import type {
  ElectLeadersResult,
  ReassignmentPlanInput,
  ReassignmentPreview,
  ReassignmentStarted,
  ReassignmentStatus,
} from "@/lib/schemas/replicas";

const enc = encodeURIComponent;
export const replicaPaths = {
  reassignment: (clusterId: string, topic: string) =>
    `/api/clusters/${enc(clusterId)}/topics/${enc(topic)}/reassignment`,
  preview: (clusterId: string, topic: string) =>
    `/api/clusters/${enc(clusterId)}/topics/${enc(topic)}/reassignment/preview`,
  stream: (clusterId: string, topic: string) =>
    `/api/clusters/${enc(clusterId)}/topics/${enc(topic)}/reassignment/stream`,
  elect: (clusterId: string) => `/api/clusters/${enc(clusterId)}/leaders/elect`,
};

/** Where the topic's replicas are and whether a reassignment runs (always read fresh: placement moves). */
export const reassignmentStatusOptions = (clusterId: string, topic: string) =>
  queryOptions({
    queryKey: [...topicKeys.detail(clusterId, topic), "reassignment"] as const,
    queryFn: () => fetchJson(replicaPaths.reassignment(clusterId, topic), unchecked<ReassignmentStatus>()),
    staleTime: 0,
  });

export function usePreviewReassignment(clusterId: string, topic: string) {
  return useMutation({
    mutationFn: (plan: ReassignmentPlanInput) =>
      fetchJson(replicaPaths.preview(clusterId, topic), unchecked<ReassignmentPreview>(), jsonInit("POST", { plan })),
  });
}

export function useStartReassignment(clusterId: string, topic: string) {
  return useMutation({
    mutationFn: (body: { plan: ReassignmentPlanInput; throttleBytesPerSecond?: number }) =>
      fetchJson(replicaPaths.reassignment(clusterId, topic), unchecked<ReassignmentStarted>(), jsonInit("POST", body)),
  });
}

export function useCancelReassignment(clusterId: string, topic: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () =>
      fetchJson(
        replicaPaths.reassignment(clusterId, topic),
        unchecked<{ cancelled: number[]; throttleLeftOn: number[] }>(),
        jsonInit("DELETE"),
      ),
    onSuccess: () => void qc.invalidateQueries({ queryKey: topicKeys.all(clusterId) }),
  });
}

export function useElectLeaders(clusterId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (topic?: string) =>
      fetchJson(
        replicaPaths.elect(clusterId),
        unchecked<ElectLeadersResult>(),
        jsonInit("POST", topic ? { topic } : {}),
      ),
    onSuccess: () => void qc.invalidateQueries({ queryKey: topicKeys.all(clusterId) }),
  });
}
