import "server-only";
import type { AclBinding, AclCreateResponse } from "@/lib/schemas/access";
import { aclExists, createAcl } from "@/server/kafka/access";
import { audited, type AuditContext } from "@/server/services/audit/record-audit";
import { assertNoLockout } from "./lockout";

/**
 * Creates one binding. The dry run returns exactly what would be created (and whether it exists already); an
 * existing identical binding is not created again (created: false), so a repeated click never duplicates it.
 */
export async function createAclBinding(
  clusterId: string,
  binding: AclBinding,
  opts: { dryRun: boolean; audit: Omit<AuditContext, "clusterId"> },
): Promise<AclCreateResponse> {
  assertNoLockout(clusterId, "create", [binding]);
  const exists = await aclExists(clusterId, binding);
  if (opts.dryRun) return { binding, created: !exists, dryRun: true };
  const target = `${binding.permission} ${binding.principal} ${binding.operation} ${binding.resourceType}:${binding.patternType}:${binding.resourceName}`;
  return audited({ ...opts.audit, clusterId }, { action: "acl.create", targetType: "acl", target }, async () => {
    if (!exists) await createAcl(clusterId, binding);
    return { binding, created: !exists, dryRun: false };
  });
}
