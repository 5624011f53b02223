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
  const reg = registryFor(clusterId);
  return audited(
    { ...audit, clusterId },
    { action: "schema.deleted", targetType: "schema_subject", target: subject, before: { permanent } },
    async () => {
      const versions = await reg.request<number[]>({
        method: "DELETE",
        path: `/subjects/${seg(subject)}`,
        query: { permanent: permanent || undefined },
      });
      return { subject, versions, permanent };
    },
  );
}
