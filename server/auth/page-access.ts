import "server-only";
import { headers } from "next/headers";
import { forbidden, notFound, redirect } from "next/navigation";
import { cache } from "react";
import { ApiError } from "@/server/http/api-error";
import { authorize, type Requirement } from "./authorize";
import { can, hasRole, PERMISSIONS, refusal, type Actor, type Permission } from "./permissions";
import { getActorFromHeaders } from "./session";

/** The signed-in actor of the page being rendered (once per render). */
export const pageActor = cache(async () => getActorFromHeaders(await headers()));

/**
 * The first call of every console page (and of the cluster layout): the same check as the API routes
 * (`authorize`, shared with `defineRoute`), before any data is read. A page renders in parallel with its layouts
 * and an RSC navigation renders only the segments below the shared layout, so each page checks for itself.
 * Unauthorised: the 403 page (app/forbidden.tsx), an unknown cluster the 404 page, no session the sign-in page.
 */
export async function requirePageAccess(requirement: Requirement, rawClusterId?: string): Promise<Actor> {
  let clusterId: string | undefined;
  try {
    clusterId = rawClusterId === undefined ? undefined : decodeURIComponent(rawClusterId);
  } catch {
    notFound();
  }
  try {
    return authorize(await pageActor(), requirement, clusterId);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.code === "unauthorized") redirect("/login");
    if (error.code === "not_found") notFound();
    forbidden();
  }
}

/**
 * Why the signed-in user cannot do `permission` on this page (shown on the disabled control), or undefined when
 * they can. Without a `name`, scoped permissions check the role only (the server checks the name on submit).
 */
export async function blockedReason(
  cluster: { id: string; readOnly: boolean },
  permission: Permission,
  readOnlyMessage: string,
  name?: string,
): Promise<string | undefined> {
  if (cluster.readOnly && PERMISSIONS[permission].write) return readOnlyMessage;
  const actor = await pageActor();
  if (!actor) return "Sign in to make changes.";
  const ok = name === undefined ? hasRole(actor, permission, cluster.id) : can(actor, permission, cluster.id, name);
  return ok ? undefined : refusal(actor, permission, cluster.id, name);
}
