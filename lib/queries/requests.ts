import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { fetchJson, jsonInit, unchecked } from "@/lib/api/client";
import { paths } from "@/lib/paths";
import type {
  CollectedSecret,
  Policy,
  RequestPreview,
  ServicePrincipalDto,
  SubmitRequestBody,
  TopicRequestDto,
} from "@/lib/schemas/requests";
import { jsonQueryOptions } from "@/lib/queries/json-query";

export type RequestScope = "all" | "mine" | "queue";

export const requestKeys = {
  all: (clusterId: string) => ["clusters", clusterId, "requests"] as const,
  lists: (clusterId: string) => [...requestKeys.all(clusterId), "list"] as const,
  list: (clusterId: string, scope: RequestScope, topic?: string) =>
    [...requestKeys.lists(clusterId), scope, topic ?? ""] as const,
  detail: (clusterId: string, id: string) => [...requestKeys.all(clusterId), "detail", id] as const,
  policy: (clusterId: string) => ["clusters", clusterId, "policy"] as const,
};

export const requestListOptions = (clusterId: string, scope: RequestScope, topic?: string) =>
  queryOptions({
    queryKey: requestKeys.list(clusterId, scope, topic),
    queryFn: ({ signal }) =>
      fetchJson(
        paths.api.requests(clusterId, { scope, topic }),
        z.object({ requests: unchecked<TopicRequestDto[]>() }),
        { signal },
      ).then((r) => r.requests),
    staleTime: 5_000,
  });

export const requestDetailOptions = (clusterId: string, id: string) =>
  jsonQueryOptions(requestKeys.detail(clusterId, id), paths.api.request(clusterId, id), unchecked<TopicRequestDto>(), {
    staleTime: 5_000,
  });

export const policyOptions = (clusterId: string) =>
  queryOptions({
    queryKey: requestKeys.policy(clusterId),
    queryFn: ({ signal }) =>
      fetchJson(
        paths.api.policy(clusterId),
        unchecked<Policy & { updatedAt: string | null; updatedBy: string | null }>(),
        { signal },
      ),
    staleTime: 60_000,
  });

/** Puts a changed request into every cached view of it (detail and lists refetch). */
export function useRequestChanged(clusterId: string) {
  const qc = useQueryClient();
  return (r: TopicRequestDto) => {
    qc.setQueryData(requestKeys.detail(clusterId, r.id), r);
    void qc.invalidateQueries({ queryKey: requestKeys.lists(clusterId) });
  };
}

export function usePreviewRequest(clusterId: string) {
  return useMutation({
    mutationFn: (body: SubmitRequestBody) =>
      fetchJson(
        paths.api.requests(clusterId, { dryRun: "true" }),
        unchecked<RequestPreview & { conflict?: string }>(),
        jsonInit("POST", body),
      ),
  });
}

export function useSubmitRequest(clusterId: string) {
  const changed = useRequestChanged(clusterId);
  return useMutation({
    mutationFn: (body: SubmitRequestBody) =>
      fetchJson(paths.api.requests(clusterId), unchecked<TopicRequestDto>(), jsonInit("POST", body)),
    onSuccess: changed,
  });
}

export function useRequestAction(clusterId: string, id: string) {
  const changed = useRequestChanged(clusterId);
  return useMutation({
    mutationFn: (
      a: { action: "decision"; decision: "approve" | "reject"; comment: string } | { action: "cancel" | "retry" },
    ) =>
      fetchJson(
        paths.api.request(clusterId, id, a.action),
        unchecked<TopicRequestDto>(),
        jsonInit("POST", a.action === "decision" ? { decision: a.decision, comment: a.comment } : {}),
      ),
    onSuccess: changed,
  });
}

export function useSavePolicy(clusterId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (p: Policy) =>
      fetchJson(
        paths.api.policy(clusterId),
        unchecked<Policy & { updatedAt: string | null; updatedBy: string | null }>(),
        jsonInit("PUT", p),
      ),
    onSuccess: (p) => qc.setQueryData(requestKeys.policy(clusterId), p),
  });
}

export function useCheckDrift(clusterId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () =>
      fetchJson(
        paths.api.requestsDrift(clusterId),
        unchecked<{ checked: number; drifted: { topic: string; requestId: string }[] }>(),
        jsonInit("POST", {}),
      ),
    onSuccess: () => void qc.invalidateQueries({ queryKey: requestKeys.all(clusterId) }),
  });
}

export const principalsOptions = (clusterId: string) =>
  queryOptions({
    queryKey: ["clusters", clusterId, "principals"] as const,
    queryFn: ({ signal }) =>
      fetchJson(paths.api.principals(clusterId), z.object({ principals: unchecked<ServicePrincipalDto[]>() }), {
        signal,
      }).then((r) => r.principals),
    staleTime: 30_000,
  });

export function useDeclarePrincipal(clusterId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { principal: string; teamId: string; description: string }) =>
      fetchJson(paths.api.principals(clusterId), unchecked<ServicePrincipalDto>(), jsonInit("POST", body)),
    onSuccess: () => void qc.invalidateQueries({ queryKey: principalsOptions(clusterId).queryKey }),
  });
}

export function useRemovePrincipal(clusterId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      fetchJson(paths.api.principals(clusterId, id), unchecked<ServicePrincipalDto>(), { method: "DELETE" }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: principalsOptions(clusterId).queryKey }),
  });
}

export function useRevokeAccess(clusterId: string, id: string) {
  const changed = useRequestChanged(clusterId);
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (comment: string) =>
      fetchJson(
        paths.api.request(clusterId, id, "revoke"),
        unchecked<TopicRequestDto>(),
        jsonInit("POST", { comment }),
      ),
    onSuccess: (r) => {
      changed(r);
      void qc.invalidateQueries({ queryKey: requestKeys.detail(clusterId, id) });
    },
  });
}

/** The one call that answers a credential's password: never cached by the query client. */
export function useCollectCredential(clusterId: string, id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () =>
      fetchJson(paths.api.request(clusterId, id, "credential"), unchecked<CollectedSecret>(), jsonInit("POST", {})),
    onSettled: () => void qc.invalidateQueries({ queryKey: requestKeys.detail(clusterId, id) }),
  });
}

export const principalRequestsOptions = (clusterId: string, principal: string) =>
  queryOptions({
    queryKey: [...requestKeys.lists(clusterId), "principal", principal] as const,
    queryFn: ({ signal }) =>
      fetchJson(paths.api.requests(clusterId, { principal }), z.object({ requests: unchecked<TopicRequestDto[]>() }), {
        signal,
      }).then((r) => r.requests),
    staleTime: 5_000,
  });
