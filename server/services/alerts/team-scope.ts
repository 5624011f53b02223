import "server-only";
import { TEAM_ALERT_KINDS, teamRuleTarget, type AlertParams } from "@/lib/alerts/rules";
import { targetWithinPrefixes } from "@/lib/alerts/team-scope";
import { roleOn, type Actor } from "@/server/auth/permissions";
import { prisma } from "@/server/db/prisma";
import { ApiError } from "@/server/http/api-error";

/**
 * Who manages which alert rules: admins every rule of the cluster; approvers the rules of the teams they belong to,
 * whose subjects (group, topic, connector names) lie within the team's prefixes; cluster-wide kinds stay admins'.
 */
export type TeamRef = { id: string; name: string; prefixes: string[] };

export const isClusterAdmin = (actor: Actor, clusterId: string) => roleOn(actor, clusterId) === "admin";

const forbidden = (path: string, issue: string) => new ApiError("forbidden", `${path}: ${issue}`, [{ path, issue }]);

/** The team a rule names, from the database (a team the actor is in is read from the actor). */
export async function loadTeam(teamId: string): Promise<TeamRef | null> {
  const t = await prisma.team.findUnique({ where: { id: teamId } });
  return t ? { id: t.id, name: t.name, prefixes: JSON.parse(t.prefixes) as string[] } : null;
}

/** The actor's own team with this id when they may manage its rules on the cluster (an approver in the team), else null. */
function approverTeam(actor: Actor, clusterId: string, teamId: string | null): TeamRef | null {
  if (!teamId || roleOn(actor, clusterId) !== "approver") return null;
  return actor.teams.find((t) => t.id === teamId) ?? null;
}

/**
 * Refuses (403, naming the field) a rule the actor may not own as written: for non-admins the rule must name one of
 * their teams (`teamId`), be of a team kind (`params.kind`) and target names within the team's prefixes
 * (`params.group` / `params.topic` / `params.connector`). An admin may give a rule to any existing team (422 when
 * the team does not exist). Returns the team, or null for an admins' rule.
 */
export async function assertMayOwn(
  actor: Actor,
  clusterId: string,
  teamId: string | null,
  params: AlertParams,
): Promise<TeamRef | null> {
  let team: TeamRef | null;
  if (isClusterAdmin(actor, clusterId)) {
    if (!teamId) return null;
    team = await loadTeam(teamId);
    if (!team) {
      throw new ApiError("unprocessable_entity", `teamId: team "${teamId}" does not exist.`, [
        { path: "teamId", issue: "no such team" },
      ]);
    }
  } else {
    if (!teamId) {
      throw forbidden(
        "teamId",
        `as ${roleOn(actor, clusterId) ?? "a user without a role"} you manage only your teams' rules; set teamId to one of your teams (${actor.teams.map((t) => t.id).join(", ") || "you are in no team"})`,
      );
    }
    team = approverTeam(actor, clusterId, teamId);
    if (!team) throw forbidden("teamId", `you are not an approver of team "${teamId}" on cluster "${clusterId}"`);
  }
  const target = teamRuleTarget(params);
  if (!target || !(TEAM_ALERT_KINDS as readonly string[]).includes(params.kind)) {
    throw forbidden(
      "params.kind",
      `"${params.kind}" is cluster-wide and only admins manage it; team rules are of kind ${TEAM_ALERT_KINDS.join(", ")}`,
    );
  }
  if (!targetWithinPrefixes(team.prefixes, target.value)) {
    throw forbidden(
      `params.${target.field}`,
      `${target.value ? `"${target.value}"` : "every name"} is not within team "${team.name}"'s prefixes (${team.prefixes.join(", ") || "none"})`,
    );
  }
  return team;
}

/** Refuses (403) changing or deleting an existing rule that is not one of the actor's teams' (admins: any). */
export function assertMayManage(actor: Actor, clusterId: string, rule: { teamId: string | null; name: string }): void {
  if (isClusterAdmin(actor, clusterId)) return;
  if (!approverTeam(actor, clusterId, rule.teamId)) {
    throw new ApiError(
      "forbidden",
      rule.teamId
        ? `Alert rule "${rule.name}" belongs to a team you are not an approver of.`
        : `Alert rule "${rule.name}" is an admins' rule; only admins change it.`,
    );
  }
}

/** What the alerts page offers the actor: admins every rule and any team; approvers their own teams; others nothing. */
export async function alertManagement(
  actor: Actor,
  clusterId: string,
): Promise<{ admin: boolean; teams: { id: string; name: string }[] }> {
  const role = roleOn(actor, clusterId);
  if (role === "admin") {
    return {
      admin: true,
      teams: await prisma.team.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true }, take: 1_000 }),
    };
  }
  return { admin: false, teams: role === "approver" ? actor.teams.map((t) => ({ id: t.id, name: t.name })) : [] };
}
