import "server-only";
import type { UserDto } from "@/lib/schemas/accounts";
import { isGlobalAdmin, type Actor, type Role } from "@/server/auth/permissions";
import { createLocalUser, hashPassword } from "@/server/auth/users";
import { prisma } from "@/server/db/prisma";
import { ApiError } from "@/server/http/api-error";
import { audited, type AuditContext } from "@/server/services/audit/record-audit";
import { getConfig } from "@/server/config";

export function requireGlobalAdmin(actor: Actor): void {
  if (!isGlobalAdmin(actor)) {
    throw new ApiError("forbidden", "Only admins on every cluster (*) manage users, teams and roles.");
  }
}

export function checkClusters(roles: Record<string, Role>) {
  const unknown = Object.keys(roles).filter((c) => c !== "*" && !getConfig().clusters.some((k) => k.id === c));
  if (unknown.length) {
    throw new ApiError(
      "unprocessable_entity",
      `Unknown cluster${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}. Use a configured cluster id or "*".`,
    );
  }
}

const userInclude = {
  roles: true,
  teams: { include: { team: true } },
  accounts: { select: { providerId: true } },
} as const;
type UserRow = Awaited<ReturnType<typeof prisma.user.findFirstOrThrow<{ include: typeof userInclude }>>>;

function toDto(u: UserRow): UserDto {
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    active: u.active,
    createdAt: u.createdAt.toISOString(),
    roles: Object.fromEntries(u.roles.map((r) => [r.clusterId, r.role as Role])),
    teams: u.teams.map((m) => ({ id: m.team.id, name: m.team.name })),
    signInMethods: [...new Set(u.accounts.map((a) => (a.providerId === "credential" ? "password" : a.providerId)))],
  };
}

export async function listUsers(actor: Actor): Promise<UserDto[]> {
  requireGlobalAdmin(actor);
  const rows = await prisma.user.findMany({ include: userInclude, orderBy: { email: "asc" } });
  return rows.map(toDto);
}

export async function createUser(
  input: { email: string; name: string; password: string; roles: Record<string, Role>; teamIds: string[] },
  audit: AuditContext,
): Promise<UserDto> {
  requireGlobalAdmin(audit.actor);
  checkClusters(input.roles);
  const user = await audited(audit, { action: "user.created", targetType: "user", target: input.email }, async () => {
    const u = await createLocalUser(input);
    return toDto(await prisma.user.findUniqueOrThrow({ where: { id: u.id }, include: userInclude }));
  });
  return user;
}

/**
 * Changes a user's name, password, active flag, roles (replacing all bindings) or teams (replacing all
 * memberships) in one transaction. Deactivating ends their sessions. An admin cannot remove their own admin role
 * or deactivate themselves, so Sluice always keeps one admin who can undo mistakes.
 */
export async function updateUser(
  userId: string,
  input: { name?: string; password?: string; active?: boolean; roles?: Record<string, Role>; teamIds?: string[] },
  audit: AuditContext,
): Promise<UserDto> {
  requireGlobalAdmin(audit.actor);
  if (input.roles) checkClusters(input.roles);
  const before = await prisma.user.findUnique({ where: { id: userId }, include: userInclude });
  if (!before) throw new ApiError("not_found", "No such user.");
  if (userId === audit.actor.id && (input.active === false || (input.roles && input.roles["*"] !== "admin"))) {
    throw new ApiError(
      "unprocessable_entity",
      "You cannot deactivate yourself or drop your own admin role; ask another admin.",
    );
  }
  const hash = input.password ? await hashPassword(input.password) : undefined;
  const { password: _omit, ...shown } = input;
  return audited(
    audit,
    { action: "user.updated", targetType: "user", target: before.email, before: toDto(before) },
    async () => {
      await prisma.$transaction(async (tx) => {
        if (input.name !== undefined || input.active !== undefined) {
          await tx.user.update({ where: { id: userId }, data: { name: input.name, active: input.active } });
        }
        if (input.active === false) await tx.session.deleteMany({ where: { userId } });
        if (hash) {
          const updated = await tx.account.updateMany({
            where: { userId, providerId: "credential" },
            data: { password: hash },
          });
          if (updated.count === 0) {
            await tx.account.create({
              data: { id: crypto.randomUUID(), accountId: userId, providerId: "credential", userId, password: hash },
            });
          }
          await tx.session.deleteMany({ where: { userId } });
        }
        if (input.roles) {
          await tx.roleBinding.deleteMany({ where: { userId } });
          for (const [clusterId, role] of Object.entries(input.roles)) {
            await tx.roleBinding.create({ data: { userId, clusterId, role } });
          }
        }
        if (input.teamIds) {
          await tx.teamMember.deleteMany({ where: { userId } });
          for (const teamId of new Set(input.teamIds)) await tx.teamMember.create({ data: { userId, teamId } });
        }
      });
      return toDto(await prisma.user.findUniqueOrThrow({ where: { id: userId }, include: userInclude }));
    },
    (after) => ({ ...after, changed: { ...shown, ...(hash ? { password: "(changed)" } : {}) } }),
  ).catch((error) => {
    if ((error as { code?: string }).code === "P2003") {
      throw new ApiError("unprocessable_entity", "One of the chosen teams does not exist (any more).");
    }
    throw error;
  });
}
