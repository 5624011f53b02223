import "server-only";
import { getClusterConfigOrThrow, getConfig } from "@/server/config";
import { ApiError } from "@/server/http/api-error";
import { hasRole, isGlobalAdmin, PERMISSIONS, refusal, roleOn, type Actor, type Permission } from "./permissions";

/** What a route or page needs: a permission, any signed-in user, or an admin of every cluster. */
export type Requirement = Permission | "signed-in" | "global-admin";

/**
 * The one permission check shared by API routes (`defineRoute`) and pages (`requirePageAccess`). Throws the
 * ApiError to answer with: 401 without a session, 403 when the role is missing or too low, on a read-only
 * cluster for write permissions, 404 for an unknown cluster. Without a cluster id, a permission needs the role on
 * at least one configured cluster. Prefixes of scoped permissions are checked later, once the name is known.
 */
export function authorize(actor: Actor | null, requirement: Requirement, clusterId?: string): Actor {
  if (!actor) throw new ApiError("unauthorized", "Sign in to continue: your session is missing or has expired.");
  if (requirement === "signed-in") return actor;
  if (requirement === "global-admin") {
    if (!isGlobalAdmin(actor)) {
      throw new ApiError("forbidden", "Only admins on every cluster (*) manage users, teams and roles.");
    }
    return actor;
  }
  if (clusterId === undefined) {
    if (!getConfig().clusters.some((c) => hasRole(actor, requirement, c.id))) {
      throw new ApiError(
        "forbidden",
        `Your roles allow ${requirement} on no cluster; it needs ${PERMISSIONS[requirement].min} or above. Ask an admin for access.`,
      );
    }
    return actor;
  }
  if (!delegatedAccess(actor, requirement, clusterId) && !hasRole(actor, requirement, clusterId)) {
    throw new ApiError("forbidden", refusal(actor, requirement, clusterId));
  }
  const cluster = getClusterConfigOrThrow(clusterId);
  if (cluster.readOnly && PERMISSIONS[requirement].write) {
    throw new ApiError("forbidden", `Cluster "${cluster.name}" is configured read-only; changes are refused.`);
  }
  return actor;
}

/** ACLs, SCRAM users and quotas: a cluster may delegate them to its approvers (`access.delegateToApprovers`). */
export function delegatedAccess(actor: Actor, permission: Permission, clusterId: string): boolean {
  return (
    permission.startsWith("access:") &&
    roleOn(actor, clusterId) === "approver" &&
    getConfig().clusters.find((c) => c.id === clusterId)?.access.delegateToApprovers === true
  );
}

/** The clusters the actor holds a role on (the cluster list, the home page, the switcher). */
export function visibleClusterIds(actor: Actor): Set<string> {
  return new Set(
    getConfig()
      .clusters.filter((c) => hasRole(actor, "clusters:read", c.id))
      .map((c) => c.id),
  );
}
