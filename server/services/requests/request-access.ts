import "server-only";
import { hasRole, roleOn, type Actor } from "@/server/auth/permissions";

type Req = { clusterId: string; teamId: string; requesterId: string; status: string };

const isTeamMember = (actor: Actor, teamId: string) => actor.teams.some((t) => t.id === teamId);

/** Cluster admins see every request on the cluster; everyone else only their teams'. */
export const canSeeRequest = (actor: Actor, r: Req) => roleOn(actor, r.clusterId) === "admin" || isTeamMember(actor, r.teamId);

/**
 * Approvers decide their own teams' requests (admins any team's); nobody decides a request they submitted.
 * Returns why not, or null when allowed.
 */
export function whyCannotDecide(actor: Actor, r: Req): string | null {
  if (!hasRole(actor, "requests:decide", r.clusterId)) return `Deciding requests needs the approver role on cluster "${r.clusterId}".`;
  if (roleOn(actor, r.clusterId) !== "admin" && !isTeamMember(actor, r.teamId)) return "Approvers decide only their own teams' requests.";
  if (actor.id === r.requesterId) return "You submitted this request; another approver must decide it.";
  return null;
}

/** Cancelling: the requester, or any member of the owning team, while it is pending. */
export const canCancel = (actor: Actor, r: Req) => actor.id === r.requesterId || isTeamMember(actor, r.teamId) || roleOn(actor, r.clusterId) === "admin";

export { isTeamMember };
