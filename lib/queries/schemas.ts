import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson, jsonInit } from "@/lib/api/client";
import { paths } from "@/lib/paths";
import {
  CompatibilityCheckSchema,
  CompatibilityConfigSchema,
  DeleteSchemaResultSchema,
  RegisterResultSchema,
  RegistryModeSchema,
  SubjectDetailSchema,
  SubjectListSchema,
  type CompatibilityLevel,
  type RegisterSchemaBody,
  type RegistryMode,
} from "@/lib/schemas/schemas";
import { jsonQueryOptions } from "@/lib/queries/json-query";
import { STALE } from "@/lib/stale-times";

export type SubjectFilters = { deleted?: boolean };

export const schemaKeys = {
  all: (clusterId: string) => ["clusters", clusterId, "schemas"] as const,
  lists: (clusterId: string) => [...schemaKeys.all(clusterId), "list"] as const,
  list: (clusterId: string, f: SubjectFilters) => [...schemaKeys.lists(clusterId), f] as const,
  detail: (clusterId: string, subject: string, f: SubjectFilters) =>
    [...schemaKeys.all(clusterId), "detail", subject, f] as const,
  subject: (clusterId: string, subject: string) => [...schemaKeys.all(clusterId), "detail", subject] as const,
  mode: (clusterId: string) => [...schemaKeys.all(clusterId), "mode"] as const,
};

/** The registry's global mode, or supported: false where the registry has no mode API. */
export const registryModeOptions = (clusterId: string) =>
  jsonQueryOptions(schemaKeys.mode(clusterId), paths.api.schemaMode(clusterId), RegistryModeSchema, {
    staleTime: STALE.list,
  });

export function useSetRegistryModeMutation(clusterId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (mode: RegistryMode) =>
      fetchJson(paths.api.schemaMode(clusterId), RegistryModeSchema, { method: "PUT", body: JSON.stringify({ mode }) }),
    onSuccess: (data) => qc.setQueryData(schemaKeys.mode(clusterId), data),
  });
}

export const subjectListOptions = (clusterId: string, f: SubjectFilters) =>
  queryOptions({
    queryKey: schemaKeys.list(clusterId, f),
    queryFn: ({ signal }) =>
      fetchJson(paths.api.schemaSubjects(clusterId, { deleted: f.deleted || undefined }), SubjectListSchema, {
        signal,
      }),
    staleTime: STALE.list,
  });

export const subjectDetailOptions = (clusterId: string, subject: string, f: SubjectFilters) =>
  queryOptions({
    queryKey: schemaKeys.detail(clusterId, subject, f),
    queryFn: ({ signal }) =>
      fetchJson(paths.api.schemaSubject(clusterId, subject, { deleted: f.deleted || undefined }), SubjectDetailSchema, {
        signal,
      }),
    staleTime: STALE.list,
  });

/** The registry's verdict for a candidate schema; changes nothing, so it invalidates nothing. */
export function useCheckCompatibilityMutation(clusterId: string) {
  return useMutation({
    mutationFn: ({ subject, body }: { subject: string; body: RegisterSchemaBody }) =>
      fetchJson(
        paths.api.schemaCompatibilityCheck(clusterId, subject),
        CompatibilityCheckSchema,
        jsonInit("POST", { schemaType: body.schemaType, schema: body.schema, references: body.references }),
      ),
  });
}

export function useRegisterSchemaMutation(clusterId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ subject, body }: { subject: string; body: RegisterSchemaBody }) =>
      fetchJson(paths.api.schemaVersions(clusterId, subject), RegisterResultSchema, jsonInit("POST", body)),
    onSuccess: (_r, v) => {
      void qc.invalidateQueries({ queryKey: schemaKeys.lists(clusterId) });
      void qc.invalidateQueries({ queryKey: schemaKeys.subject(clusterId, v.subject) });
    },
  });
}

/** subject = null: the registry's global level. */
export function useSetCompatibilityMutation(clusterId: string, subject: string | null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (compatibility: CompatibilityLevel) =>
      fetchJson(
        subject === null ? paths.api.schemaConfig(clusterId) : paths.api.schemaSubjectConfig(clusterId, subject),
        CompatibilityConfigSchema,
        jsonInit("PUT", { compatibility }),
      ),
    onSuccess: () =>
      void qc.invalidateQueries({
        queryKey: subject === null ? schemaKeys.all(clusterId) : schemaKeys.subject(clusterId, subject),
      }),
  });
}

/** Deletes a subject (version = null) or one version; soft unless permanent. */
export function useDeleteSchemaMutation(clusterId: string, subject: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ version, permanent }: { version: number | null; permanent: boolean }) =>
      fetchJson(
        version === null
          ? paths.api.schemaSubject(clusterId, subject, { permanent: permanent || undefined })
          : paths.api.schemaVersion(clusterId, subject, version, { permanent: permanent || undefined }),
        DeleteSchemaResultSchema,
        { method: "DELETE" },
      ),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: schemaKeys.lists(clusterId) });
      void qc.invalidateQueries({ queryKey: schemaKeys.subject(clusterId, subject) });
    },
  });
}
