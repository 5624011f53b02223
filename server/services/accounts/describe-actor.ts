import "server-only";
import type { MeDto } from "@/lib/schemas/accounts";
import { delegatedAccess } from "@/server/auth/authorize";
import { hasRole, isGlobalAdmin, PERMISSIONS, type Actor, type Permission } from "@/server/auth/permissions";
import { listClusters } from "@/server/services/clusters/list-clusters";

export function describeActor(actor: Actor): MeDto {
  const permissions: Record<string, string[]> = {};
  for (const cluster of listClusters()) {
    permissions[cluster.id] = (Object.keys(PERMISSIONS) as Permission[]).filter(
      (p) =>
        (hasRole(actor, p, cluster.id) || delegatedAccess(actor, p, cluster.id)) &&
        (!PERMISSIONS[p].write || !cluster.readOnly),
    );
  }
  return {
    id: actor.id,
    name: actor.name,
    email: actor.email,
    roles: actor.roles,
    teams: actor.teams,
    globalAdmin: isGlobalAdmin(actor),
    permissions,
  };
}
