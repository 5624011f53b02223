import type { AclBinding, AclOperation, AclResourceType } from "@/lib/schemas/access";

/**
 * Resolves what a principal may do on one resource the way Kafka's StandardAuthorizer does:
 * - a binding applies when its principal is the principal or User:*, its host is * or the host, its resource type
 *   matches and its pattern matches the name (LITERAL equal, LITERAL "*" = every name, PREFIXED = starts with);
 * - any applying DENY for the operation (or ALL) wins;
 * - otherwise an ALLOW for the operation, ALL, or an operation that implies it (READ, WRITE, DELETE, ALTER imply
 *   DESCRIBE; ALTER_CONFIGS implies DESCRIBE_CONFIGS) allows;
 * - otherwise it is denied (no binding; super users are not known here).
 */
export type Decision = { allowed: boolean; reason: "deny" | "allow" | "no-acl"; bindings: AclBinding[] };

const IMPLIED_BY: Partial<Record<AclOperation, AclOperation[]>> = {
  DESCRIBE: ["READ", "WRITE", "DELETE", "ALTER"],
  DESCRIBE_CONFIGS: ["ALTER_CONFIGS"],
};

export function patternMatches(
  b: Pick<AclBinding, "resourceType" | "resourceName" | "patternType">,
  type: AclResourceType,
  name: string,
): boolean {
  if (b.resourceType !== type) return false;
  if (b.patternType === "PREFIXED") return name.startsWith(b.resourceName);
  return b.resourceName === "*" || b.resourceName === name;
}

export function appliesTo(b: AclBinding, principal: string, host = "*"): boolean {
  return (b.principal === principal || b.principal === "User:*") && (b.host === "*" || host === "*" || b.host === host);
}

export function decide(
  bindings: AclBinding[],
  principal: string,
  type: AclResourceType,
  name: string,
  operation: AclOperation,
  host = "*",
): Decision {
  const applying = bindings.filter((b) => appliesTo(b, principal, host) && patternMatches(b, type, name));
  const denies = applying.filter(
    (b) => b.permission === "DENY" && (b.operation === "ALL" || b.operation === operation),
  );
  if (denies.length) return { allowed: false, reason: "deny", bindings: denies };
  const ok = new Set<AclOperation>(["ALL", operation, ...(IMPLIED_BY[operation] ?? [])]);
  const allows = applying.filter((b) => b.permission === "ALLOW" && ok.has(b.operation));
  if (allows.length) return { allowed: true, reason: "allow", bindings: allows };
  return { allowed: false, reason: "no-acl", bindings: [] };
}

/** The operations that mean something for each resource type (the principal page's columns). */
export const OPERATIONS_BY_TYPE: Record<AclResourceType, AclOperation[]> = {
  TOPIC: ["READ", "WRITE", "CREATE", "DELETE", "ALTER", "DESCRIBE", "DESCRIBE_CONFIGS", "ALTER_CONFIGS"],
  GROUP: ["READ", "DELETE", "DESCRIBE"],
  CLUSTER: ["CREATE", "ALTER", "DESCRIBE", "CLUSTER_ACTION", "DESCRIBE_CONFIGS", "ALTER_CONFIGS", "IDEMPOTENT_WRITE"],
  TRANSACTIONAL_ID: ["WRITE", "DESCRIBE"],
  DELEGATION_TOKEN: ["DESCRIBE"],
  USER: ["CREATE_TOKENS", "DESCRIBE_TOKENS"],
};

export type EffectiveRow = {
  resourceType: AclResourceType;
  /** The resource as written in the bindings: a literal name, "*", or a prefix ending in "…". */
  resource: string;
  patternType: "LITERAL" | "PREFIXED";
  ops: { operation: AclOperation; decision: Decision }[];
};

/**
 * "What can this principal do, and on what": one row per resource pattern named by a binding that applies to the
 * principal (its own or User:*). For a prefixed pattern the decision is the one for a name inside the prefix that
 * no longer literal binding names; literal rows also take prefixed and wildcard bindings into account.
 */
export function effectivePermissions(bindings: AclBinding[], principal: string): EffectiveRow[] {
  const applying = bindings.filter((b) => appliesTo(b, principal));
  const seen = new Map<string, EffectiveRow>();
  for (const b of applying) {
    const key = `${b.resourceType}\u0000${b.patternType}\u0000${b.resourceName}`;
    if (seen.has(key)) continue;
    // A representative name: the literal itself, or a name inside the prefix (the prefix plus a character).
    const probe = b.patternType === "PREFIXED" ? `${b.resourceName}\u0001` : b.resourceName;
    seen.set(key, {
      resourceType: b.resourceType,
      resource: b.resourceName,
      patternType: b.patternType,
      ops: OPERATIONS_BY_TYPE[b.resourceType].map((operation) => ({
        operation,
        decision: decide(applying, principal, b.resourceType, probe, operation),
      })),
    });
  }
  return [...seen.values()].sort(
    (a, b) => a.resourceType.localeCompare(b.resourceType) || a.resource.localeCompare(b.resource),
  );
}
