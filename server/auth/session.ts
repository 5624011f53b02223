import "server-only";
import type { Actor } from "./permissions";

/**
 * Resolves who is making the request. Until accounts land, every request acts as the single local operator
 * configured by SLUICE_LOCAL_ROLE (default "admin"); the permission checks in defineRoute already run.
 */
export async function getActor(_request: Request): Promise<Actor> {
  const role = process.env.SLUICE_LOCAL_ROLE;
  return { id: "local", name: "local", role: role === "viewer" || role === "operator" || role === "approver" ? role : "admin" };
}
