import "server-only";
import { prefixesOwn } from "@/lib/auth/ownership";
import { ROLES, type Role } from "@/lib/auth/roles";

export type { Role };

/**
 * Every permission a route can ask for. `write`: refused on read-only clusters whatever the role.
 * `scoped`: an operator or approver may do it only to names their teams own (topic, group or subject prefixes);
 * admins may do it to anything.
 */
export const PERMISSIONS = {
  "clusters:read": { write: false, scoped: false, min: "viewer" },
  "topics:read": { write: false, scoped: false, min: "viewer" },
  "topics:create": { write: true, scoped: true, min: "operator" },
  "topics:alter": { write: true, scoped: true, min: "operator" },
  "topics:delete": { write: true, scoped: true, min: "operator" },
  /** Replica placement (reassignment, throttles, leader election): moves load between brokers, so admins only. */
  "replicas:manage": { write: true, scoped: false, min: "admin" },
  "messages:read": { write: false, scoped: false, min: "viewer" },
  "messages:produce": { write: true, scoped: true, min: "operator" },
  "groups:read": { write: false, scoped: false, min: "viewer" },
  "groups:alter": { write: true, scoped: true, min: "operator" },
  "schemas:read": { write: false, scoped: false, min: "viewer" },
  "schemas:write": { write: true, scoped: true, min: "operator" },
  "requests:read": { write: false, scoped: false, min: "viewer" },
  /** Submitting or cancelling a request: any role, as a member of the owning team (checked by the service). */
  "requests:create": { write: true, scoped: false, min: "viewer" },
  "requests:decide": { write: true, scoped: false, min: "approver" },
  "policies:manage": { write: false, scoped: false, min: "admin" },
  /** Broker dynamic configs, per broker and the cluster-wide default: admins only, refused on read-only clusters. */
  "brokers:configure": { write: true, scoped: false, min: "admin" },
  "audit:read": { write: false, scoped: false, min: "approver" },
  /** ACLs, SCRAM users and client quotas: admins, or approvers where the cluster delegates them (authorize.ts). */
  "access:read": { write: false, scoped: false, min: "admin" },
  "access:manage": { write: true, scoped: false, min: "admin" },
  /** Kafka Connect: reading connectors, plugins and offsets. */
  "connect:read": { write: false, scoped: false, min: "viewer" },
  /** Kafka Connect mutations, like topic mutations: scoped to the connector's name (and the topics it names). */
  "connect:manage": { write: true, scoped: true, min: "operator" },
  /** Alerts: everyone with a role sees rules, states and history; admins manage rules and silences, approvers those of
   * their teams (within the teams' prefixes; checked by server/services/alerts/team-scope.ts). Rules are Sluice's
   * own data (they change nothing in Kafka), so they may be managed on read-only clusters too (write: false). */
  "alerts:read": { write: false, scoped: false, min: "viewer" },
  "alerts:manage": { write: false, scoped: false, min: "approver" },
} as const satisfies Record<string, { write: boolean; scoped: boolean; min: Role }>;

export type Permission = keyof typeof PERMISSIONS;

export type ActorTeam = { id: string; name: string; prefixes: string[] };

/** Who is making a request: loaded from the database on every request, so role changes apply at once. */
export type Actor = {
  id: string;
  name: string;
  email: string;
  roles: Record<string, Role>;
  teams: ActorTeam[];
  /** Set when the request authenticated with an API token (server/auth/api-tokens.ts): its id, for the audit log. */
  tokenId?: string;
};

const rank = (r: Role) => ROLES.indexOf(r);

/** The actor's role on a cluster: its own binding wins over the "*" (every cluster) binding; null = no access. */
export function roleOn(actor: Actor, clusterId: string | undefined): Role | null {
  return (clusterId ? actor.roles[clusterId] : undefined) ?? actor.roles["*"] ?? null;
}

/** Admin on every cluster: manages users, teams and roles, and reads the whole audit log. */
export const isGlobalAdmin = (actor: Actor) => actor.roles["*"] === "admin";

/** Whether one of the actor's teams owns the name (the one ownership rule: `lib/auth/ownership.ts`). */
export function ownsName(actor: Actor, name: string): boolean {
  return actor.teams.some((t) => prefixesOwn(t.prefixes, name));
}

/** Whether the actor's role on the cluster reaches the permission's minimum (prefixes not considered). */
export function hasRole(actor: Actor, permission: Permission, clusterId?: string): boolean {
  const role = roleOn(actor, clusterId);
  return !!role && rank(role) >= rank(PERMISSIONS[permission].min);
}

/**
 * Whether the actor may do `permission` on a cluster (or, without one, anywhere they hold a role). For scoped
 * permissions below admin, `name` is the topic/group/subject acted on and must carry one of their teams' prefixes.
 */
export function can(actor: Actor, permission: Permission, clusterId?: string, name?: string): boolean {
  if (!hasRole(actor, permission, clusterId)) return false;
  if (PERMISSIONS[permission].scoped && roleOn(actor, clusterId) !== "admin") {
    return name !== undefined && ownsName(actor, name);
  }
  return true;
}

/** The sentence a 403 carries: what was refused and why. */
export function refusal(actor: Actor, permission: Permission, clusterId?: string, name?: string): string {
  const role = roleOn(actor, clusterId);
  const where = clusterId ? ` on cluster "${clusterId}"` : "";
  if (!role) return `You have no role${where}. Ask an admin for access.`;
  const spec = PERMISSIONS[permission];
  if (rank(role) < rank(spec.min)) {
    return `Your role${where} (${role}) does not allow ${permission}; it needs ${spec.min} or above.`;
  }
  if (name === undefined) {
    return `Your role${where} (${role}) allows ${permission} only on names your teams own; this action is for admins.`;
  }
  return `"${name}" is not owned by your teams (${actor.teams.flatMap((t) => t.prefixes).join(", ") || "you are in no team"}); ${permission} as ${role} is limited to your teams' prefixes.`;
}
