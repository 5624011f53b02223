import "server-only";
import { prefixesOwn } from "@/lib/auth/ownership";
import { checkPolicy } from "@/lib/requests/policy";
import { accessViolations, ownerTeamOf } from "@/lib/requests/access-grants";
import { isTopicKind, type AccessSpec, type TopicRequestInput } from "@/lib/schemas/requests";
import { prisma } from "@/server/db/prisma";
import { ApiError } from "@/server/http/api-error";
import { recordAudit, type AuditContext } from "@/server/services/audit/record-audit";
import { getPolicy } from "./policies";
import type { RequestRow } from "./to-dto";

/** The submission a stored request stands for, so the policy can be checked again exactly as at submit time. */
export function inputOf(row: RequestRow): TopicRequestInput {
  const spec = JSON.parse(row.spec) as Record<string, unknown>;
  return {
    ...spec,
    kind: row.kind,
    topicName: row.topicName,
    teamId: row.teamId,
    justification: row.justification,
  } as TopicRequestInput;
}

/**
 * Access kinds, at decision time: the principal is still the team's (credentials: not another team's), and the
 * team deciding still owns the topic or prefix (else ownership moved and someone else must decide).
 */
async function whyNotAccessApprovable(
  row: RequestRow,
  team: { id: string; name: string; prefixes: string[] },
): Promise<ApiError | null> {
  if (row.kind === "connector") {
    return prefixesOwn(team.prefixes, row.topicName)
      ? null
      : new ApiError(
          "conflict",
          `Team "${team.name}" no longer owns the connector name "${row.topicName}"; the request cannot be approved.`,
          [{ path: "name", issue: "not owned by the team" }],
        );
  }
  const owned = row.principal
    ? await prisma.servicePrincipal.findUnique({
        where: { clusterId_principal: { clusterId: row.clusterId, principal: row.principal } },
      })
    : null;
  if (row.kind === "credential") {
    return owned && owned.teamId !== row.teamId
      ? new ApiError("conflict", `${row.principal} now belongs to another team; the request cannot be approved.`, [
          { path: "principal", issue: "owned by another team" },
        ])
      : null;
  }
  if (!owned || owned.teamId !== row.teamId) {
    return new ApiError(
      "conflict",
      `${row.principal} is no longer a service principal of team "${team.name}"; the request cannot be approved.`,
      [{ path: "principal", issue: "not the team's" }],
    );
  }
  if (row.kind !== "access") return null;
  const rows = await prisma.team.findMany({ select: { id: true, name: true, prefixes: true } });
  const teams = rows.map((t) => ({ ...t, prefixes: JSON.parse(t.prefixes) as string[] }));
  const spec = JSON.parse(row.spec) as AccessSpec;
  const violations = accessViolations(spec, { team, teamPrincipals: [row.principal!], teams });
  if (violations.length) {
    return new ApiError(
      "unprocessable_entity",
      `The request now breaks ${violations.length} rule${violations.length > 1 ? "s" : ""}: ${violations.map((v) => v.issue).join("; ")}.`,
      violations,
    );
  }
  const owner = ownerTeamOf(teams, row.topicName);
  if ((owner?.id ?? null) !== row.ownerTeamId) {
    return new ApiError(
      "conflict",
      `"${row.topicName}" is now owned by ${owner ? `team "${owner.name}"` : "no team"}; the request cannot be approved by the previous owner. Ask the requester to submit it again.`,
      [{ path: "resource.name", issue: "owner changed" }],
    );
  }
  return null;
}

/**
 * What changed since a request was submitted that makes approving it wrong now, or null: the requester left the
 * owning team (or was deactivated), the team no longer owns the topic's name, or the cluster's policy no longer
 * allows it. (The approver's own role is checked on the actor, which is loaded from the database on every request.)
 */
export async function whyNotApprovableNow(row: RequestRow): Promise<ApiError | null> {
  const [team, requester] = await Promise.all([
    prisma.team.findUnique({
      where: { id: row.teamId },
      select: { name: true, prefixes: true, members: { where: { userId: row.requesterId }, select: { userId: true } } },
    }),
    prisma.user.findUnique({ where: { id: row.requesterId }, select: { active: true } }),
  ]);
  if (!team) {
    return new ApiError(
      "conflict",
      "The owning team was deleted after the request was submitted; it cannot be approved.",
      [{ path: "teamId", issue: "team deleted" }],
    );
  }
  if (!requester?.active || team.members.length === 0) {
    return new ApiError(
      "conflict",
      `${row.requesterName} is no longer ${requester?.active ? `a member of team "${team.name}"` : "an active user"}; the request cannot be approved.`,
      [{ path: "requester", issue: "no longer a team member" }],
    );
  }
  const prefixes = JSON.parse(team.prefixes) as string[];
  if (!isTopicKind(row.kind)) return whyNotAccessApprovable(row, { id: row.teamId, name: team.name, prefixes });
  const policy = await getPolicy(row.clusterId);
  if ((policy.requireTeamPrefix || row.kind !== "create") && !prefixesOwn(prefixes, row.topicName)) {
    return new ApiError(
      "conflict",
      `Team "${team.name}" no longer owns "${row.topicName}" (its prefixes are now ${prefixes.join(", ") || "none"}); the request cannot be approved.`,
      [{ path: "topicName", issue: "not owned by the team" }],
    );
  }
  const violations = checkPolicy(policy, prefixes, inputOf(row));
  if (violations.length) {
    return new ApiError(
      "unprocessable_entity",
      `The cluster's policy changed since the request was submitted; it now breaks ${violations.length} rule${violations.length > 1 ? "s" : ""}: ${violations.map((v) => v.issue).join("; ")}.`,
      violations,
    );
  }
  return null;
}

/** Refuses (and audits the refusal of) an approval that is no longer allowed. */
export async function assertApprovableNow(row: RequestRow, audit: AuditContext): Promise<void> {
  const refusal = await whyNotApprovableNow(row);
  if (!refusal) return;
  await recordAudit(
    { ...audit, clusterId: row.clusterId },
    { action: "request.approved", targetType: "topic-request", target: row.id },
    {
      result: "denied",
      error: refusal.message,
      after: { topic: row.topicName, kind: row.kind, details: refusal.details },
    },
  );
  throw refusal;
}
