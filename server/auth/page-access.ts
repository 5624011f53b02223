import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { can, hasRole, PERMISSIONS, refusal, type Permission } from "./permissions";
import { getActorFromHeaders } from "./session";

/** The signed-in actor of the page being rendered (once per render). */
export const pageActor = cache(async () => getActorFromHeaders(await headers()));

/**
 * Why the signed-in user cannot do `permission` on this page (shown on the disabled control), or undefined when
 * they can. Without a `name`, scoped permissions check the role only (the server checks the name on submit).
 */
export async function blockedReason(cluster: { id: string; readOnly: boolean }, permission: Permission, readOnlyMessage: string, name?: string): Promise<string | undefined> {
  if (cluster.readOnly && PERMISSIONS[permission].write) return readOnlyMessage;
  const actor = await pageActor();
  if (!actor) return "Sign in to make changes.";
  const ok = name === undefined ? hasRole(actor, permission, cluster.id) : can(actor, permission, cluster.id, name);
  return ok ? undefined : refusal(actor, permission, cluster.id, name);
}
