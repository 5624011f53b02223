import "server-only";
import type { AclDeleteResponse, AclFilter } from "@/lib/schemas/access";
import { ApiError } from "@/server/http/api-error";
import { bindingFilter, deleteAcls, describeAcls } from "@/server/kafka/access";
import { audited, type AuditContext } from "@/server/services/audit/record-audit";
import { assertNoLockout } from "./lockout";

const isEmpty = (f: AclFilter) =>
  !f.principal &&
  !f.host &&
  !f.resourceName &&
  f.resourceType === "ANY" &&
  f.patternType === "ANY" &&
  f.operation === "ANY" &&
  f.permission === "ANY";

/**
 * Deletes the bindings a filter matches. The dry run lists every one of them; the real run deletes exactly the
 * listed bindings (one exact filter each), so a binding created in between is never swept away unseen.
 */
export async function deleteAclBindings(
  clusterId: string,
  filter: AclFilter,
  opts: { dryRun: boolean; audit: Omit<AuditContext, "clusterId"> },
): Promise<AclDeleteResponse> {
  if (isEmpty(filter)) {
    throw new ApiError(
      "unprocessable_entity",
      "Refused: an empty filter would delete every ACL of the cluster. Name at least a principal, resource or operation.",
      [{ path: "filter", issue: "empty" }],
    );
  }
  const matching = await describeAcls(clusterId, filter);
  assertNoLockout(clusterId, "delete", matching);
  if (opts.dryRun || matching.length === 0) return { bindings: matching, deleted: false, dryRun: opts.dryRun };
  return audited(
    { ...opts.audit, clusterId },
    { action: "acl.delete", targetType: "acl", target: JSON.stringify(filter), before: matching },
    async () => ({ bindings: await deleteAcls(clusterId, matching.map(bindingFilter)), deleted: true, dryRun: false }),
  );
}
