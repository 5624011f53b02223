import "server-only";
import type { DeleteSchemaResult } from "@/lib/schemas/schemas";
import { registryFor, seg } from "@/server/schema-registry/client";
import { audited, type AuditContext } from "@/server/services/audit/record-audit";

/** Soft-deletes one version, or (permanent) removes a soft-deleted version for good; 422 for a permanent delete of a live one. */
export async function deleteSchemaVersion(
  clusterId: string,
  subject: string,
  version: number,
  permanent: boolean,
  audit: AuditContext,
): Promise<DeleteSchemaResult> {
  const reg = registryFor(clusterId);
  return audited(
    { ...audit, clusterId },
    { action: "schema.deleted", targetType: "schema_version", target: `${subject}/${version}`, before: { permanent } },
    async () => {
      const deleted = await reg.request<number>({
        method: "DELETE",
        path: `/subjects/${seg(subject)}/versions/${seg(version)}`,
        query: { permanent: permanent || undefined },
      });
      return { subject, versions: [deleted], permanent };
    },
  );
}
