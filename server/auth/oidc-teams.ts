import "server-only";
import { decodeJwt } from "jose";
import { prisma } from "@/server/db/prisma";
import { teamMembershipChanges } from "@/lib/auth/team-mapping";

/**
 * After an OIDC sign-in, makes the user's memberships of IdP-mapped teams (Team.oidcGroup) follow the groups
 * claim of the ID token: joins the mapped teams they are in, leaves the mapped ones they are no longer in.
 * Teams without an IdP group are managed in Sluice only and never touched here.
 */
export async function syncOidcTeams(userId: string): Promise<void> {
  const account = await prisma.account.findFirst({
    where: { userId, providerId: "oidc" },
    orderBy: { updatedAt: "desc" },
  });
  if (!account?.idToken) return;
  const claim = process.env.SLUICE_OIDC_GROUPS_CLAIM ?? "groups";
  const raw = decodeJwt(account.idToken)[claim];
  const groups = Array.isArray(raw) ? raw.map(String) : typeof raw === "string" ? [raw] : [];
  const teams = await prisma.team.findMany({
    where: { oidcGroup: { not: null } },
    select: { id: true, oidcGroup: true },
  });
  const current = await prisma.teamMember.findMany({ where: { userId }, select: { teamId: true } });
  const { join, leave } = teamMembershipChanges(
    groups,
    teams as { id: string; oidcGroup: string }[],
    current.map((m) => m.teamId),
  );
  if (!join.length && !leave.length) return;
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { email: true } });
  const audit = (teamId: string, action: string) =>
    prisma.auditEvent.create({
      data: {
        actor: "oidc",
        action,
        targetType: "team",
        target: teamId,
        result: "success",
        after: JSON.stringify({ userId, email: user?.email, groups, claim }),
      },
    });
  await prisma.$transaction([
    ...join.map((teamId) => prisma.teamMember.create({ data: { teamId, userId } })),
    ...(leave.length ? [prisma.teamMember.deleteMany({ where: { userId, teamId: { in: leave } } })] : []),
    ...join.map((teamId) => audit(teamId, "team.member-joined")),
    ...leave.map((teamId) => audit(teamId, "team.member-left")),
  ]);
}

/**
 * A user created by single sign-on: audited, and granted SLUICE_DEFAULT_ROLE (viewer unless set; "none" for no
 * access) on every cluster, the grant audited too. Local users are created by Sluice and never pass through here.
 */
export async function onOidcUserCreated(user: { id: string; email: string; name?: string | null }): Promise<void> {
  const role = process.env.SLUICE_DEFAULT_ROLE ?? "viewer";
  const grant = role !== "none" && ["viewer", "operator", "approver", "admin"].includes(role);
  await prisma.$transaction([
    prisma.auditEvent.create({
      data: {
        actor: "oidc",
        actorId: user.id,
        action: "user.created",
        targetType: "user",
        target: user.email,
        result: "success",
        after: JSON.stringify({ id: user.id, email: user.email, name: user.name ?? null, via: "oidc" }),
      },
    }),
    ...(grant
      ? [
          prisma.roleBinding.upsert({
            where: { userId_clusterId: { userId: user.id, clusterId: "*" } },
            create: { userId: user.id, clusterId: "*", role },
            update: {},
          }),
          prisma.auditEvent.create({
            data: {
              actor: "oidc",
              actorId: user.id,
              action: "user.role-granted",
              targetType: "user",
              target: user.email,
              result: "success",
              after: JSON.stringify({ roles: { "*": role }, source: "SLUICE_DEFAULT_ROLE" }),
            },
          }),
        ]
      : []),
  ]);
}
