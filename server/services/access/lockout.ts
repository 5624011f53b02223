import "server-only";
import type { AclBinding } from "@/lib/schemas/access";
import { ApiError } from "@/server/http/api-error";
import { sluicePrincipal } from "./sluice-principal";

/**
 * Sluice must not lock itself out of a cluster it manages: no DENY for its own principal or for User:* (which
 * covers it), and no deleting an ALLOW its own principal holds. The refusal names the binding and the reason.
 */
export function assertNoLockout(clusterId: string, change: "create" | "delete", bindings: AclBinding[]): void {
  const self = sluicePrincipal(clusterId);
  for (const b of bindings) {
    const forSluice = b.principal === self || b.principal === "User:*";
    if (change === "create" && b.permission === "DENY" && forSluice) {
      throw new ApiError(
        "unprocessable_entity",
        `Refused: a DENY for ${b.principal} on ${b.resourceType} "${b.resourceName}" would also apply to Sluice's own principal (${self ?? "its certificate principal"}) and lock Sluice out of this cluster.`,
        [{ path: "principal", issue: "would_lock_out_sluice" }],
      );
    }
    if (change === "delete" && b.permission === "ALLOW" && self !== null && b.principal === self) {
      throw new ApiError(
        "unprocessable_entity",
        `Refused: the filter matches an ALLOW of Sluice's own principal (${self}) on ${b.resourceType} "${b.resourceName}"; removing it could lock Sluice out of this cluster. Narrow the filter.`,
        [{ path: "principal", issue: "would_lock_out_sluice" }],
      );
    }
  }
}
