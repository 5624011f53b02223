import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { API_TOKEN_PREFIX } from "@/lib/schemas/tokens";
import { prisma } from "@/server/db/prisma";
import { ApiError } from "@/server/http/api-error";
import { actorTeams } from "./actor-row";
import type { Actor, Role } from "./permissions";

/** The SHA-256 of a token, hex: tokens carry 256 random bits, so a fast hash is enough (no brute force possible). */
export const hashToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

/** A new secret: the recognisable prefix and 32 random bytes, base64url. */
export function newToken(): string {
  return API_TOKEN_PREFIX + randomBytes(32).toString("base64url");
}

/** The bearer token of a request, or null without an Authorization: Bearer header. */
export function bearerToken(headers: Headers): string | null {
  const header = headers.get("authorization");
  if (!header) return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m ? m[1] : null;
}

/** Whether the request authenticates with a bearer token (then cookies are ignored and the same-origin check does not apply). */
export const hasBearer = (request: Request) => bearerToken(request.headers) !== null;

/** lastUsedAt is written at most once a minute per token, so busy scripts do not turn reads into writes. */
const LAST_USED_EVERY_MS = 60_000;

/**
 * The actor a bearer token stands for. A user's token acts as that user (id, teams) with the token's roles only; a
 * service identity's token has no user and no teams. Unknown, expired and revoked tokens, and tokens of
 * deactivated users, are refused with 401 and a sentence saying which.
 */
export async function actorFromToken(token: string): Promise<Actor> {
  if (!token.startsWith(API_TOKEN_PREFIX) || token.length > 200) {
    throw new ApiError(
      "unauthorized",
      `The bearer token is not a Sluice API token (they start with "${API_TOKEN_PREFIX}").`,
    );
  }
  const row = await prisma.apiToken.findUnique({ where: { hash: hashToken(token) } });
  if (!row) {
    throw new ApiError("unauthorized", "The API token is not valid: no such token. Ask an admin for a new one.");
  }
  if (row.revokedAt) {
    throw new ApiError(
      "unauthorized",
      `The API token "${row.name}" was revoked on ${row.revokedAt.toISOString()}. Ask an admin for a new one.`,
    );
  }
  const now = new Date();
  if (row.expiresAt <= now) {
    throw new ApiError(
      "unauthorized",
      `The API token "${row.name}" expired on ${row.expiresAt.toISOString()}. Ask an admin for a new one.`,
    );
  }
  const roles = JSON.parse(row.roles) as Record<string, Role>;
  let actor: Actor;
  if (row.userId) {
    const user = await prisma.user.findUnique({
      where: { id: row.userId },
      include: { teams: { include: { team: true } } },
    });
    if (!user || !user.active) {
      throw new ApiError(
        "unauthorized",
        `The API token "${row.name}" belongs to a user who was removed or deactivated.`,
      );
    }
    const teams = actorTeams(user.teams);
    actor = { id: user.id, name: user.name, email: `token:${row.name}`, roles, teams, tokenId: row.id };
  } else {
    actor = { id: `token:${row.id}`, name: row.name, email: `token:${row.name}`, roles, teams: [], tokenId: row.id };
  }
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_EVERY_MS) {
    await prisma.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } }).catch(() => {});
  }
  return actor;
}
