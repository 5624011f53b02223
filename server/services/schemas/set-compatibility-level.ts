import "server-only";
import type { CompatibilityConfig, CompatibilityLevel } from "@/lib/schemas/schemas";
import { ApiError } from "@/server/http/api-error";
import { readCompatibility, registryFor, seg } from "@/server/schema-registry/client";
import { audited, type AuditContext } from "@/server/services/audit/record-audit";
import { getCompatibilityLevel } from "./get-compatibility-level";

/** Sets the global (subject = null) or a subject's compatibility level; answers the level the registry confirms. */
export async function setCompatibilityLevel(
  clusterId: string,
  subject: string | null,
  level: CompatibilityLevel,
  audit: AuditContext,
): Promise<CompatibilityConfig> {
  const reg = registryFor(clusterId);
  const before = await getCompatibilityLevel(reg, subject);
  return audited(
    { ...audit, clusterId },
    {
      action: "schema.config_changed",
      targetType: subject === null ? "schema_registry" : "schema_subject",
      target: subject ?? "(global)",
      before: { compatibility: before },
    },
    async () => {
      const res = await reg.request({
        method: "PUT",
        path: subject === null ? "/config" : `/config/${seg(subject)}`,
        body: { compatibility: level },
      });
      const confirmed = readCompatibility(res);
      if (confirmed !== level) {
        throw new ApiError("internal", `The registry answered the level change with ${JSON.stringify(res)}.`);
      }
      return { subject, compatibility: confirmed };
    },
  );
}
