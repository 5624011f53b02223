import "server-only";
import { isTopicKind } from "@/lib/schemas/requests";
import { hasRole, roleOn, type Actor } from "@/server/auth/permissions";

type Req = {
  clusterId: string;
  kind: string;
  teamId: string;
  ownerTeamId: string | null;
  requesterId: string;
  status: string;
};

const isTeamMember = (actor: Actor, teamId: string) => actor.teams.some((t) => t.id === teamId);

/**
 * The team whose approvers decide: for topic requests the owning (requesting) team; for access requests the team
 * owning the topic or prefix (cross-team access is decided by the owner, not the requester); for credential
 * requests the principal's team; null = the cluster's admins (an unowned resource, a new principal, a quota).
 */
export const decidingTeamId = (r: Pick<Req, "kind" | "teamId" | "ownerTeamId">): string | null =>
  isTopicKind(r.kind) ? r.teamId : r.ownerTeamId;

/** Cluster admins see every request on the cluster; everyone else their teams' and those their teams decide. */
export const canSeeRequest = (actor: Actor, r: Req) =>
  roleOn(actor, r.clusterId) === "admin" ||
  isTeamMember(actor, r.teamId) ||
  (r.ownerTeamId !== null && isTeamMember(actor, r.ownerTeamId));

/**
 * Approvers decide the requests their team decides (admins any); nobody decides a request they submitted.
 * Returns why not, or null when allowed.
 */
export function whyCannotDecide(actor: Actor, r: Req, teamName?: string | null): string | null {
  if (!hasRole(actor, "requests:decide", r.clusterId)) {
    return `Deciding requests needs the approver role on cluster "${r.clusterId}".`;
  }
  const admin = roleOn(actor, r.clusterId) === "admin";
  const deciding = decidingTeamId(r);
  if (!admin && deciding === null) return "Cluster admins decide this request.";
  if (!admin && deciding !== null && !isTeamMember(actor, deciding)) {
    return isTopicKind(r.kind)
      ? "Approvers decide only their own teams' requests."
      : `Approvers of team "${teamName ?? "the owner"}" decide this request.`;
  }
  if (actor.id === r.requesterId) return "You submitted this request; another approver must decide it.";
  return null;
}

/** Cancelling: the requester, or any member of the requesting team, while it is pending. */
export const canCancel = (actor: Actor, r: Req) =>
  actor.id === r.requesterId || isTeamMember(actor, r.teamId) || roleOn(actor, r.clusterId) === "admin";

/**
 * Revoking a provisioned access: an approver of the team that owns the resource, or a cluster admin. (The
 * requester's own team asks through its owner; a grant it no longer needs is revoked the same way.)
 */
export function whyCannotRevoke(
  actor: Actor,
  r: Req & { revokedAt: Date | null },
  teamName?: string | null,
): string | null {
  if (r.kind !== "access") return "Only access requests are revoked (a topic's own grants go with the topic).";
  if (r.status !== "PROVISIONED") {
    return `The access is ${r.status.toLowerCase()}, not provisioned; there is nothing to revoke.`;
  }
  if (r.revokedAt) return "This access was revoked already.";
  if (!hasRole(actor, "requests:decide", r.clusterId)) {
    return `Revoking access needs the approver role on cluster "${r.clusterId}".`;
  }
  if (roleOn(actor, r.clusterId) === "admin") return null;
  const owner = r.ownerTeamId;
  if (owner === null || !isTeamMember(actor, owner)) {
    return `Approvers of team "${teamName ?? "the owner"}" or a cluster admin revoke this access.`;
  }
  return null;
}

export { isTeamMember };
