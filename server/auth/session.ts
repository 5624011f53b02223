import "server-only";
import { prisma } from "@/server/db/prisma";
import { actorFromToken, bearerToken } from "./api-tokens";
import { getAuth } from "./auth";
import { ensureBootstrapAdmin } from "./bootstrap";
import type { Actor, Role } from "./permissions";

/** Loads a user's roles and teams; null when the user is missing or deactivated. */
export async function loadActor(userId: string): Promise<Actor | null> {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    include: { roles: true, teams: { include: { team: true } } },
  });
  if (!user || !user.active) return null;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    roles: Object.fromEntries(user.roles.map((r) => [r.clusterId, r.role as Role])),
    teams: user.teams.map(({ team }) => ({
      id: team.id,
      name: team.name,
      prefixes: JSON.parse(team.prefixes) as string[],
    })),
  };
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
