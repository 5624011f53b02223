import "server-only";
import type { Actor, ActorTeam, Role } from "./permissions";

/** What a user row needs loaded to become an Actor: its role bindings and its teams. */
export const ACTOR_INCLUDE = { roles: true, teams: { include: { team: true } } } as const;

type TeamRow = { team: { id: string; name: string; prefixes: string } };
type ActorRow = {
  id: string;
  name: string;
  email: string;
  roles: { clusterId: string; role: string }[];
  teams: TeamRow[];
};

/** A user's team memberships as the permission helpers read them (prefixes parsed). */
export const actorTeams = (teams: TeamRow[]): ActorTeam[] =>
  teams.map(({ team }) => ({ id: team.id, name: team.name, prefixes: JSON.parse(team.prefixes) as string[] }));

/** A user row loaded with ACTOR_INCLUDE, as an Actor. */
export const toActor = (user: ActorRow): Actor => ({
  id: user.id,
  name: user.name,
  email: user.email,
  roles: Object.fromEntries(user.roles.map((r) => [r.clusterId, r.role as Role])),
  teams: actorTeams(user.teams),
});
