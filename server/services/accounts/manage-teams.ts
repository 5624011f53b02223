import "server-only";
import type { TeamDto } from "@/lib/schemas/accounts";
import { isGlobalAdmin, type Actor } from "@/server/auth/permissions";
import { prisma } from "@/server/db/prisma";
import { ApiError } from "@/server/http/api-error";
import { audited, type AuditContext } from "@/server/services/audit/record-audit";
import { requireGlobalAdmin } from "./manage-users";

const include = { members: { include: { user: { select: { id: true, name: true, email: true } } } } } as const;
type TeamRow = Awaited<ReturnType<typeof prisma.team.findFirstOrThrow<{ include: typeof include }>>>;

const toDto = (t: TeamRow): TeamDto => ({
  id: t.id,
  name: t.name,
  prefixes: JSON.parse(t.prefixes) as string[],
  oidcGroup: t.oidcGroup,
  members: t.members.map((m) => m.user).sort((a, b) => a.email.localeCompare(b.email)),
});

const conflict = (error: unknown, name: string) => {
  if ((error as { code?: string }).code === "P2002") {
    throw new ApiError("conflict", `A team named "${name}" already exists.`);
  }
  throw error;
};

/** Teams with their prefixes; members are listed for admins only. */
export async function listTeams(actor: Actor): Promise<TeamDto[]> {
  const rows = await prisma.team.findMany({ include, orderBy: { name: "asc" } });
  const admin = isGlobalAdmin(actor);
  return rows.map(toDto).map((t) => (admin ? t : { ...t, members: t.members.filter((m) => m.id === actor.id) }));
}

export async function createTeam(
  input: { name: string; prefixes: string[]; oidcGroup: string | null },
  audit: AuditContext,
): Promise<TeamDto> {
  requireGlobalAdmin(audit.actor);
  return audited(audit, { action: "team.created", targetType: "team", target: input.name }, () =>
    prisma.team
      .create({
        data: { name: input.name, prefixes: JSON.stringify(input.prefixes), oidcGroup: input.oidcGroup },
        include,
      })
      .then(toDto, (e) => conflict(e, input.name)),
  );
}

export async function updateTeam(
  teamId: string,
  input: { name: string; prefixes: string[]; oidcGroup: string | null },
  audit: AuditContext,
): Promise<TeamDto> {
  requireGlobalAdmin(audit.actor);
  const before = await prisma.team.findUnique({ where: { id: teamId }, include });
  if (!before) throw new ApiError("not_found", "No such team.");
  return audited(audit, { action: "team.updated", targetType: "team", target: input.name, before: toDto(before) }, () =>
    prisma.team
      .update({
        where: { id: teamId },
        data: { name: input.name, prefixes: JSON.stringify(input.prefixes), oidcGroup: input.oidcGroup },
        include,
      })
      .then(toDto, (e) => conflict(e, input.name)),
  );
}

export async function deleteTeam(teamId: string, audit: AuditContext): Promise<void> {
  requireGlobalAdmin(audit.actor);
  const before = await prisma.team.findUnique({ where: { id: teamId }, include });
  if (!before) throw new ApiError("not_found", "No such team.");
  const requests = await prisma.topicRequest.count({ where: { teamId } });
  if (requests > 0) {
    throw new ApiError(
      "conflict",
      `Team "${before.name}" has ${requests} topic request(s) on record; its history must stay attributable. Rename it or remove its members instead.`,
    );
  }
  await audited(
    audit,
    { action: "team.deleted", targetType: "team", target: before.name, before: toDto(before) },
    () => prisma.team.delete({ where: { id: teamId } }),
    () => null,
  );
}
