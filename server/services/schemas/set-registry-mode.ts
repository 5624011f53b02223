import "server-only";
import type { RegistryMode, RegistryModeInfo } from "@/lib/schemas/schemas";
import { ApiError } from "@/server/http/api-error";
import { registryFor } from "@/server/schema-registry/client";
import { audited, type AuditContext } from "@/server/services/audit/record-audit";
import { readRegistryMode } from "./get-registry-mode";

/** Changes the registry's global mode (READONLY stops all registrations); audited with the mode before. */
export async function setRegistryMode(
  clusterId: string,
  mode: RegistryMode,
  audit: AuditContext,
): Promise<RegistryModeInfo> {
  const reg = registryFor(clusterId);
  const before = await readRegistryMode(reg);
  if (!before.supported) {
    throw new ApiError("unprocessable_entity", `The schema registry of this cluster has no mode setting.`);
  }
  return audited(
    { ...audit, clusterId },
    { action: "schema.mode_changed", targetType: "schema_registry", target: "(global)", before: { mode: before.mode } },
    async () => {
      await reg.request({ method: "PUT", path: "/mode", body: { mode } });
      const after = await readRegistryMode(reg);
      if (after.mode !== mode) {
        throw new ApiError("internal", `The registry kept mode ${after.mode} after the change to ${mode}.`);
      }
      return after;
    },
  );
}
