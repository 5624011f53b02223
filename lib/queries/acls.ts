import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson, unchecked } from "@/lib/api/client";
import { paths } from "@/lib/paths";
import type {
  AclBinding,
  AclCreateResponse,
  AclDeleteResponse,
  AclListResponse,
  QuotaEntity,
  QuotaEntry,
  QuotaKey,
  ScramMechanism,
  ScramUpsertResponse,
  ScramUser,
} from "@/lib/schemas/access";
import { jsonQueryOptions } from "@/lib/queries/json-query";
import { STALE } from "@/lib/stale-times";

/** ACL filters as query parameters (empty = any). */
export type AclFilterQuery = Partial<
  Record<"principal" | "host" | "resourceType" | "resourceName" | "patternType" | "operation" | "permission", string>
>;

export const aclKeys = {
  all: (clusterId: string) => ["clusters", clusterId, "acls"] as const,
  list: (clusterId: string, f: AclFilterQuery) => [...aclKeys.all(clusterId), "list", f] as const,
  scram: (clusterId: string) => ["clusters", clusterId, "scram-users"] as const,
  quotas: (clusterId: string) => ["clusters", clusterId, "quotas"] as const,
};

export const aclListOptions = (clusterId: string, f: AclFilterQuery) =>
  jsonQueryOptions(aclKeys.list(clusterId, f), paths.api.acls(clusterId, f), unchecked<AclListResponse>(), {
    staleTime: STALE.list,
  });

export function useCreateAclMutation(clusterId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ binding, dryRun }: { binding: AclBinding; dryRun: boolean }) =>
      fetchJson(paths.api.acls(clusterId, dryRun ? { dryRun: true } : undefined), unchecked<AclCreateResponse>(), {
        method: "POST",
        body: JSON.stringify(binding),
      }),
    onSuccess: (_r, v) => {
      if (!v.dryRun) void qc.invalidateQueries({ queryKey: aclKeys.all(clusterId) });
    },
  });
}

export function useDeleteAclsMutation(clusterId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ filter, dryRun }: { filter: AclFilterQuery; dryRun: boolean }) =>
      fetchJson(
        paths.api.acls(clusterId, { ...filter, ...(dryRun ? { dryRun: true } : {}) }),
        unchecked<AclDeleteResponse>(),
        { method: "DELETE" },
      ),
    onSuccess: (_r, v) => {
      if (!v.dryRun) void qc.invalidateQueries({ queryKey: aclKeys.all(clusterId) });
    },
  });
}

export const scramUsersOptions = (clusterId: string) =>
  jsonQueryOptions(aclKeys.scram(clusterId), paths.api.scramUsers(clusterId), unchecked<{ users: ScramUser[] }>(), {
    staleTime: STALE.list,
  });

type ScramInput = { name: string; mechanism: ScramMechanism; password?: string; iterations: number };

/** Create (POST) or rotate a SCRAM credential; a generated password is in the answer only. */
export function useUpsertScramMutation(clusterId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ mode, input }: { mode: "create" | "rotate"; input: ScramInput }) => {
      const { name, ...rest } = input;
      return mode === "create"
        ? fetchJson(paths.api.scramUsers(clusterId), unchecked<ScramUpsertResponse>(), {
            method: "POST",
            body: JSON.stringify(input),
          })
        : fetchJson(paths.api.scramRotate(clusterId, name), unchecked<ScramUpsertResponse>(), {
            method: "POST",
            body: JSON.stringify(rest),
          });
    },
    onSuccess: () => void qc.invalidateQueries({ queryKey: aclKeys.scram(clusterId) }),
  });
}

export function useDeleteScramMutation(clusterId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (name: string) =>
      fetchJson(paths.api.scramUser(clusterId, name), unchecked<{ user: string; deleted: string[] }>(), {
        method: "DELETE",
      }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: aclKeys.scram(clusterId) }),
  });
}

export const quotasOptions = (clusterId: string) =>
  jsonQueryOptions(aclKeys.quotas(clusterId), paths.api.quotas(clusterId), unchecked<{ quotas: QuotaEntry[] }>(), {
    staleTime: STALE.list,
  });

export function usePutQuotaMutation(clusterId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { entity: QuotaEntity; values: Partial<Record<QuotaKey, number | null>> }) =>
      fetchJson(paths.api.quotas(clusterId), unchecked<QuotaEntry>(), { method: "PUT", body: JSON.stringify(body) }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: aclKeys.quotas(clusterId) }),
  });
}
