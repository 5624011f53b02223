import "server-only";
import type { ApiTokenDto, CreateTokenBody } from "@/lib/schemas/tokens";
import { hashToken, newToken } from "@/server/auth/api-tokens";
import type { Actor, Role } from "@/server/auth/permissions";
import { prisma } from "@/server/db/prisma";
import { ApiError } from "@/server/http/api-error";
import { audited, type AuditContext } from "@/server/services/audit/record-audit";
import { checkClusters, requireGlobalAdmin } from "./manage-users";

/** Tokens are managed by global admins from a signed-in session: a token cannot mint or revoke tokens. */
function requireTokenManager(actor: Actor): void {
  requireGlobalAdmin(actor);
  if (actor.tokenId) {
    throw new ApiError("forbidden", "API tokens are managed from a signed-in session, not with an API token.");
  }
}

type TokenRow = NonNullable<Awaited<ReturnType<typeof prisma.apiToken.findUnique>>>;

function toDto(t: TokenRow, users: Map<string, string>): ApiTokenDto {
  const now = Date.now();
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    user: t.userId ? { id: t.userId, email: users.get(t.userId) ?? "(removed user)" } : null,
    roles: JSON.parse(t.roles) as Record<string, Role>,
    expiresAt: t.expiresAt.toISOString(),
    createdAt: t.createdAt.toISOString(),
    createdBy: t.createdBy,
    revokedAt: t.revokedAt?.toISOString() ?? null,
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    status: t.revokedAt ? "revoked" : t.expiresAt.getTime() <= now ? "expired" : "active",
  };
}

async function userEmails(ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (!wanted.length) return new Map();
  const rows = await prisma.user.findMany({ where: { id: { in: wanted } }, select: { id: true, email: true } });
  return new Map(rows.map((u) => [u.id, u.email]));
}

/** Every token, newest first (revoked and expired ones too, for the record); never the secret. */
export async function listTokens(actor: Actor): Promise<ApiTokenDto[]> {
  requireTokenManager(actor);
  const rows = await prisma.apiToken.findMany({ orderBy: { createdAt: "desc" }, take: 1000 });
  const users = await userEmails(rows.map((r) => r.userId));
  return rows.map((r) => toDto(r, users));
}

/** Creates a token; the secret is in the answer once and never again (only its SHA-256 is stored). */
export async function createToken(
  input: CreateTokenBody,
  audit: AuditContext,
): Promise<{ id: string; token: string; info: ApiTokenDto }> {
  requireTokenManager(audit.actor);
  checkClusters(input.roles);
  if (input.userId) {
    const user = await prisma.user.findUnique({ where: { id: input.userId } });
    if (!user) throw new ApiError("unprocessable_entity", "No such user.", [{ path: "userId", issue: "no such user" }]);
    if (!user.active) {
      throw new ApiError("unprocessable_entity", "This user is deactivated.", [
        { path: "userId", issue: "deactivated user" },
      ]);
    }
  }
  const clash = await prisma.apiToken.findFirst({
    where: { name: input.name, revokedAt: null, expiresAt: { gt: new Date() } },
  });
  if (clash) {
    throw new ApiError(
      "conflict",
      `An active token is already named "${input.name}"; revoke it first or pick another name.`,
      [{ path: "name", issue: "already in use" }],
    );
  }
  const token = newToken();
  const shown = {
    name: input.name,
    userId: input.userId ?? null,
    roles: input.roles,
    expiresAt: input.expiresAt.toISOString(),
  };
  const row = await audited(
    audit,
    { action: "token.created", targetType: "api-token", target: input.name },
    () =>
      prisma.apiToken.create({
        data: {
          name: input.name,
          hash: hashToken(token),
          prefix: token.slice(0, 12),
          userId: input.userId ?? null,
          roles: JSON.stringify(input.roles),
          expiresAt: input.expiresAt,
          createdBy: audit.actor.email,
        },
      }),
    (r) => ({ id: r.id, prefix: r.prefix, ...shown }),
  );
  return { id: row.id, token, info: toDto(row, await userEmails([row.userId])) };
}

/** Revokes a token at once: its next request answers 401. Revoking twice is a no-op that answers the token. */
export async function revokeToken(tokenId: string, audit: AuditContext): Promise<ApiTokenDto> {
  requireTokenManager(audit.actor);
  const before = await prisma.apiToken.findUnique({ where: { id: tokenId } });
  if (!before) throw new ApiError("not_found", "No such API token.");
  if (before.revokedAt) return toDto(before, await userEmails([before.userId]));
  const row = await audited(
    audit,
    {
      action: "token.revoked",
      targetType: "api-token",
      target: before.name,
      before: { id: before.id, prefix: before.prefix },
    },
    () =>
      prisma.apiToken.update({ where: { id: tokenId }, data: { revokedAt: new Date(), revokedBy: audit.actor.email } }),
    (r) => ({ id: r.id, revokedAt: r.revokedAt?.toISOString() }),
  );
  return toDto(row, await userEmails([row.userId]));
}
