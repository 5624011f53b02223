import "server-only";
import { topicOfSubject } from "@/lib/schema-format";
import type { SubjectList, SubjectListItem } from "@/lib/schemas/schemas";
import { ApiError } from "@/server/http/api-error";
import { registryFor, seg, type RegistryClient } from "@/server/schema-registry/client";
import { getCompatibilityLevel } from "./get-compatibility-level";
import { readSchemaVersion } from "./read-schema-version";

const CONCURRENCY = 8;

async function describeSubject(reg: RegistryClient, subject: string, active: boolean): Promise<SubjectListItem> {
  const versions = await reg.request<number[]>({
    path: `/subjects/${seg(subject)}/versions`,
    query: { deleted: active ? undefined : true },
  });
  const latest = versions.length ? Math.max(...versions) : null;
  // A subject whose versions are all soft-deleted may no longer serve their content: show it without type and id.
  const [head, compatibility] = await Promise.all([
    latest === null
      ? null
      : readSchemaVersion(reg, subject, latest, { deleted: !active }).catch((e) =>
          !active && e instanceof ApiError && e.code === "not_found" ? null : Promise.reject(e),
        ),
    getCompatibilityLevel(reg, subject),
  ]);
  const t = topicOfSubject(subject);
  return {
    subject,
    topic: t?.topic ?? null,
    role: t?.role ?? null,
    latestVersion: latest,
    latestId: head?.id ?? null,
    schemaType: head?.schemaType ?? null,
    versionCount: versions.length,
    compatibility,
    deleted: !active,
  };
}

/** Subjects with their latest version, type, version count, compatibility level and TopicNameStrategy topic. */
export async function listSubjects(clusterId: string, query: { q?: string; deleted?: boolean }): Promise<SubjectList> {
  const reg = registryFor(clusterId);
  const [active, all, globalCompatibility] = await Promise.all([
    reg.request<string[]>({ path: "/subjects" }),
    query.deleted ? reg.request<string[]>({ path: "/subjects", query: { deleted: true } }) : Promise.resolve([]),
    getCompatibilityLevel(reg, null),
  ]);
  const activeSet = new Set(active);
  const needle = query.q?.trim().toLowerCase();
  const names = [...new Set([...active, ...all])]
    .filter((s) => !needle || s.toLowerCase().includes(needle))
    .sort((a, b) => a.localeCompare(b));
  const items: SubjectListItem[] = new Array(names.length);
  let next = 0;
  const worker = async () => {
    while (next < names.length) {
      const i = next++;
      items[i] = await describeSubject(reg, names[i], activeSet.has(names[i]));
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, names.length) }, worker));
  return { items, globalCompatibility };
}
