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
  const account = await prisma.account.findFirst({ where: { userId, providerId: "oidc" }, orderBy: { updatedAt: "desc" } });
  if (!account?.idToken) return;
  const claim = process.env.SLUICE_OIDC_GROUPS_CLAIM ?? "groups";
  const raw = decodeJwt(account.idToken)[claim];
  const groups = Array.isArray(raw) ? raw.map(String) : typeof raw === "string" ? [raw] : [];
  const teams = await prisma.team.findMany({ where: { oidcGroup: { not: null } }, select: { id: true, oidcGroup: true } });
  const current = await prisma.teamMember.findMany({ where: { userId }, select: { teamId: true } });
  const { join, leave } = teamMembershipChanges(groups, teams as { id: string; oidcGroup: string }[], current.map((m) => m.teamId));
  await prisma.$transaction([
    ...join.map((teamId) => prisma.teamMember.create({ data: { teamId, userId } })),
    ...(leave.length ? [prisma.teamMember.deleteMany({ where: { userId, teamId: { in: leave } } })] : []),
  ]);
}
