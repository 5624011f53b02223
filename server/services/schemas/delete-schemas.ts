import "server-only";
import type { DeleteSchemaResult } from "@/lib/schemas/schemas";
import { registryFor, seg } from "@/server/schema-registry/client";
import { audited, type AuditContext } from "@/server/services/audit/record-audit";

/** Soft-deletes a subject, or (permanent) removes a soft-deleted one for good; 422 for a permanent delete of a live one. */
export async function deleteSubject(
  clusterId: string,
  subject: string,
  permanent: boolean,
  audit: AuditContext,
): Promise<DeleteSchemaResult> {
  return deleteFromRegistry<number[]>(
    clusterId,
    { subject, permanent, targetType: "schema_subject", target: subject, path: `/subjects/${seg(subject)}` },
    (versions) => versions,
    audit,
  );
}

/** Soft-deletes one version, or (permanent) removes a soft-deleted version for good; 422 for a permanent delete of a live one. */
export async function deleteSchemaVersion(
  clusterId: string,
  subject: string,
  version: number,
  permanent: boolean,
  audit: AuditContext,
): Promise<DeleteSchemaResult> {
  return deleteFromRegistry<number>(
    clusterId,
    {
      subject,
      permanent,
      targetType: "schema_version",
      target: `${subject}/${version}`,
      path: `/subjects/${seg(subject)}/versions/${seg(version)}`,
    },
    (deleted) => [deleted],
    audit,
  );
}

/** One audited DELETE on the registry (`permanent` for the hard delete); `versions` reads its answer. */
async function deleteFromRegistry<T>(
  clusterId: string,
  what: { subject: string; permanent: boolean; targetType: string; target: string; path: string },
  versions: (answer: T) => number[],
  audit: AuditContext,
): Promise<DeleteSchemaResult> {
  const { subject, permanent } = what;
  const reg = registryFor(clusterId);
  return audited(
    { ...audit, clusterId },
    { action: "schema.deleted", targetType: what.targetType, target: what.target, before: { permanent } },
    async () => {
      const answer = await reg.request<T>({
        method: "DELETE",
        path: what.path,
        query: { permanent: permanent || undefined },
      });
      return { subject, versions: versions(answer), permanent };
    },
  );
}
