import { isInternalName, prefixesOwn } from "../auth/ownership";
import type { AclBinding } from "../schemas/access";
import type { GrantOperation, Violation } from "../schemas/requests";

type Pattern = "LITERAL" | "PREFIXED";
export type GrantTeam = { id: string; name: string; prefixes: string[] };
export type Grant = {
  principal: string;
  resource: { name: string; patternType: Pattern };
  operations: GrantOperation[];
  group?: { name: string; patternType: Pattern };
};

/**
 * Exactly the ACL bindings a grant stands for: one ALLOW per operation on the topic (or prefix), and READ on the
 * consumer group when one is named (committing offsets and joining need it). Host is always "*".
 */
export function grantBindings(g: Grant): AclBinding[] {
  const common = { principal: g.principal, host: "*", permission: "ALLOW" as const };
  const out: AclBinding[] = g.operations.map((operation) => ({
    ...common,
    resourceType: "TOPIC",
    resourceName: g.resource.name,
    patternType: g.resource.patternType,
    operation,
  }));
  if (g.group) {
    out.push({
      ...common,
      resourceType: "GROUP",
      resourceName: g.group.name,
      patternType: g.group.patternType,
      operation: "READ",
    });
  }
  return out;
}

/** The longest prefix of `prefixes` that owns `name` (its length), or -1. */
function ownershipStrength(prefixes: string[], name: string): number {
  return Math.max(-1, ...prefixes.filter((p) => prefixesOwn([p], name)).map((p) => p.length));
}

/**
 * The team that owns a topic or prefix (its approvers decide who else may use it): the team whose prefix owns the
 * name, the most specific prefix winning when teams overlap; null when no team owns it (cluster admins decide).
 */
export function ownerTeamOf<T extends GrantTeam>(teams: T[], name: string): T | null {
  let best: T | null = null;
  let strength = -1;
  for (const t of teams) {
    const s = ownershipStrength(t.prefixes, name);
    if (s > strength) [best, strength] = [t, s];
  }
  return best;
}

/**
 * Every rule an access grant breaks (empty = allowed): the principal must be one of the requesting team's, the
 * resource a real topic name or a prefix inside some team's prefixes (no wildcard, no internal topic), the
 * consumer group inside the requesting team's own prefixes.
 */
export function accessViolations(
  g: Grant,
  ctx: { team: GrantTeam; teamPrincipals: string[]; teams: GrantTeam[] },
  path = "",
): Violation[] {
  const out: Violation[] = [];
  const at = (p: string) => (path ? `${path}.${p}` : p);
  if (!ctx.teamPrincipals.includes(g.principal)) {
    out.push({
      path: at("principal"),
      issue: `${g.principal} is not a service principal of team "${ctx.team.name}" (its principals: ${ctx.teamPrincipals.join(", ") || "none yet"}); an admin declares principals, or request a credential for a new one`,
    });
  }
  const name = g.resource.name;
  if (name === "*" || name.includes("*")) {
    out.push({ path: at("resource.name"), issue: "a grant names one topic or one prefix, never a wildcard" });
  } else if (isInternalName(name)) {
    out.push({
      path: at("resource.name"),
      issue: `"${name}" is one of Kafka's internal topics; no team can be granted access to it`,
    });
  } else if (g.resource.patternType === "PREFIXED" && !ctx.teams.some((t) => prefixesOwn(t.prefixes, name))) {
    out.push({
      path: at("resource.name"),
      issue: `a prefixed grant must lie inside a team's prefixes; "${name}" is not owned by any team (ask for a literal topic, or a longer prefix)`,
    });
  }
  if (g.group && !prefixesOwn(ctx.team.prefixes, g.group.name)) {
    out.push({
      path: at("group.name"),
      issue: `consumer group "${g.group.name}" must carry one of team "${ctx.team.name}"'s prefixes (${ctx.team.prefixes.join(", ") || "none"})`,
    });
  }
  return out;
}

/** "READ, WRITE on topic shop.orders" for plans and the audit. */
export function describeGrant(g: Grant): string {
  const what =
    g.resource.patternType === "PREFIXED"
      ? `every topic starting with "${g.resource.name}"`
      : `topic "${g.resource.name}"`;
  const group = g.group
    ? `, consuming as group ${g.group.patternType === "PREFIXED" ? `prefix "${g.group.name}"` : `"${g.group.name}"`}`
    : "";
  return `${g.principal} may ${g.operations.map((o) => o.toLowerCase()).join(", ")} ${what}${group}`;
}

/** A binding's identity (for comparisons and drift). */
export const bindingKey = (b: AclBinding) =>
  [b.principal, b.host, b.resourceType, b.patternType, b.resourceName, b.operation, b.permission].join("\u0000");

/** Whether a binding held by a grant gives READ on `topic` (literal name, or a prefix of it). */
export function grantsRead(bindings: AclBinding[], topic: string): boolean {
  return bindings.some(
    (b) =>
      b.permission === "ALLOW" &&
      b.resourceType === "TOPIC" &&
      (b.operation === "READ" || b.operation === "ALL") &&
      (b.patternType === "LITERAL" ? b.resourceName === topic : topic.startsWith(b.resourceName)),
  );
}
