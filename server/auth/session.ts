import "server-only";
import { prisma } from "@/server/db/prisma";
import { actorFromToken, bearerToken } from "./api-tokens";
import { getAuth } from "./auth";
import { ensureBootstrapAdmin } from "./bootstrap";
import { ACTOR_INCLUDE, toActor } from "./actor-row";
import type { Actor } from "./permissions";

/** Loads a user's roles and teams; null when the user is missing or deactivated. */
export async function loadActor(userId: string): Promise<Actor | null> {
  const user = await prisma.user.findUnique({ where: { id: userId }, include: ACTOR_INCLUDE });
  return user?.active ? toActor(user) : null;
}

/**
 * Who is making the request: from an `Authorization: Bearer` API token when there is one (cookies are then ignored;
 * an invalid, expired or revoked token throws a 401 ApiError), otherwise from the session cookie; null when signed
 * out, the session expired or the user was deactivated. Roles and teams are read on every request, so changes made
 * by an admin apply immediately.
 */
export async function getActorFromHeaders(headers: Headers): Promise<Actor | null> {
  await ensureBootstrapAdmin();
  const token = bearerToken(headers);
  if (token !== null) return actorFromToken(token);
  const session = await getAuth().api.getSession({ headers });
  if (!session) return null;
  return loadActor(session.user.id);
}

export const getActor = (request: Request) => getActorFromHeaders(request.headers);
