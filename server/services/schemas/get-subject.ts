import "server-only";
import { topicOfSubject } from "@/lib/schema-format";
import type { SubjectDetail } from "@/lib/schemas/schemas";
import { ApiError } from "@/server/http/api-error";
import { registryFor, seg } from "@/server/schema-registry/client";
import { getCompatibilityLevel } from "./get-compatibility-level";
import { readSchemaVersion } from "./read-schema-version";

/** Every version of a subject (with deleted: soft-deleted ones too, marked), oldest first; 404 for an unknown subject. */
export async function getSubject(
  clusterId: string,
  subject: string,
  opts: { deleted?: boolean } = {},
): Promise<SubjectDetail> {
  const reg = registryFor(clusterId);
  const path = `/subjects/${seg(subject)}/versions`;
  const all = await reg.request<number[]>({ path, query: { deleted: opts.deleted || undefined } });
  const active = new Set(opts.deleted ? await reg.request<number[]>({ path }).catch(() => [] as number[]) : all);
  const [versions, compatibility, globalCompatibility] = await Promise.all([
    // Apicurio no longer serves the content of a subject whose versions are all soft-deleted: such versions are left out.
    Promise.all(
      [...all]
        .sort((a, b) => a - b)
        .map((v) =>
          readSchemaVersion(reg, subject, v, { deleted: !active.has(v), isDeleted: !active.has(v) }).catch((e) =>
            !active.has(v) && e instanceof ApiError && e.code === "not_found" ? null : Promise.reject(e),
          ),
        ),
    ).then((vs) => vs.filter((v) => v !== null)),
    getCompatibilityLevel(reg, subject),
    getCompatibilityLevel(reg, null),
  ]);
  const t = topicOfSubject(subject);
  return { subject, topic: t?.topic ?? null, role: t?.role ?? null, compatibility, globalCompatibility, versions };
}
