import "server-only";
import {
  accessViolations,
  bindingKey,
  describeGrant,
  grantBindings,
  ownerTeamOf,
  type GrantTeam,
} from "@/lib/requests/access-grants";
import type { AclBinding } from "@/lib/schemas/access";
import type {
  AccessSpec,
  CredentialSpec,
  QuotaSpec,
  SubmitRequestInput,
  TopicGrant,
  Violation,
} from "@/lib/schemas/requests";
import { prisma } from "@/server/db/prisma";
import { ApiError } from "@/server/http/api-error";
import { describeAcls, describeQuotas, describeScramUsers } from "@/server/kafka/access";
import { getTopicSnapshot } from "@/server/kafka/topic-snapshot";
import { assertNoLockout } from "@/server/services/access/lockout";

type AccessInput = Extract<SubmitRequestInput, { kind: "access" | "credential" | "quota" }>;

/** What a submission becomes: the checks' verdict and the row to store. */
export type Prepared = {
  violations: Violation[];
  plan: string[];
  warnings: string[];
  row: { topicName: string; principal: string | null; ownerTeamId: string | null; spec: unknown; openKey: string };
};

export async function allTeams(): Promise<GrantTeam[]> {
  const rows = await prisma.team.findMany({ select: { id: true, name: true, prefixes: true } });
  return rows.map((t) => ({ id: t.id, name: t.name, prefixes: JSON.parse(t.prefixes) as string[] }));
}

export async function teamPrincipals(clusterId: string, teamId: string): Promise<string[]> {
  return (await prisma.servicePrincipal.findMany({ where: { clusterId, teamId }, select: { principal: true } })).map(
    (p) => p.principal,
  );
}

const userName = (principal: string) => principal.slice("User:".length);
const decidedBy = (owner: GrantTeam | null, why: string) =>
  owner ? `Decided by the approvers of team "${owner.name}" (${why}).` : `Decided by the cluster's admins (${why}).`;

/** A broker refusal that is the user's problem (no authorizer, …) becomes a violation; anything else is thrown. */
async function brokerCheck<T>(violations: Violation[], path: string, read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof ApiError && error.code === "unprocessable_entity") {
      violations.push({ path, issue: error.message });
      return undefined;
    }
    throw error;
  }
}

/** The bindings of a principal that already exist on the broker (by identity). */
async function existingKeys(
  clusterId: string,
  principal: string,
  violations: Violation[],
): Promise<Set<string> | undefined> {
  const live = await brokerCheck(violations, "cluster", () =>
    describeAcls(clusterId, {
      principal,
      resourceType: "ANY",
      patternType: "ANY",
      operation: "ANY",
      permission: "ANY",
    }),
  );
  return live ? new Set(live.map(bindingKey)) : undefined;
}

function bindingLines(bindings: AclBinding[], existing: Set<string> | undefined): string[] {
  return bindings.map(
    (b) =>
      `Allow ${b.principal} ${b.operation} on ${b.resourceType.toLowerCase()} ${b.patternType === "PREFIXED" ? `prefix "${b.resourceName}"` : `"${b.resourceName}"`}${existing?.has(bindingKey(b)) ? " (exists already; kept)" : ""}.`,
  );
}

/**
 * The grants a topic-create request carries, on the new topic: the principals must be the team's, groups inside
 * its prefixes. Returns the bindings provisioning adds after creating the topic.
 */
export async function prepareTopicGrants(
  clusterId: string,
  team: GrantTeam,
  topic: string,
  grants: TopicGrant[],
): Promise<{ violations: Violation[]; plan: string[]; bindings: AclBinding[] }> {
  if (!grants.length) return { violations: [], plan: [], bindings: [] };
  const [teams, principals] = await Promise.all([allTeams(), teamPrincipals(clusterId, team.id)]);
  const violations: Violation[] = [];
  const bindings: AclBinding[] = [];
  grants.forEach((g, i) => {
    const grant = { ...g, resource: { name: topic, patternType: "LITERAL" as const } };
    violations.push(...accessViolations(grant, { team, teamPrincipals: principals, teams }, `access.${i}`));
    bindings.push(...grantBindings(grant));
  });
  return { violations, plan: bindingLines(bindings, undefined), bindings };
}

/** Access, credential and quota submissions: their policy checks, what provisioning would do, and who decides. */
export async function prepareAccessRequest(clusterId: string, input: AccessInput, team: GrantTeam): Promise<Prepared> {
  const [teams, principals] = await Promise.all([allTeams(), teamPrincipals(clusterId, team.id)]);
  const violations: Violation[] = [];
  const plan: string[] = [];
  const warnings: string[] = [];
  const ownedBy = await prisma.servicePrincipal.findUnique({
    where: { clusterId_principal: { clusterId, principal: input.principal } },
    include: { team: { select: { name: true } } },
  });

  if (input.kind === "access") {
    const grant = {
      principal: input.principal,
      resource: input.resource,
      operations: input.operations,
      group: input.group,
    };
    violations.push(...accessViolations(grant, { team, teamPrincipals: principals, teams }));
    const bindings = grantBindings(grant);
    assertNoLockout(clusterId, "create", bindings);
    const owner = ownerTeamOf(teams, input.resource.name);
    const existing = await existingKeys(clusterId, input.principal, violations);
    if (existing && bindings.every((b) => existing.has(bindingKey(b)))) {
      violations.push({
        path: "operations",
        issue: `${input.principal} already holds every one of these bindings; there is nothing to grant`,
      });
    }
    if (
      input.resource.patternType === "LITERAL" &&
      !(await getTopicSnapshot(clusterId)).byName.has(input.resource.name)
    ) {
      warnings.push(`Topic "${input.resource.name}" does not exist (yet); the grant applies once it does.`);
    }
    plan.push(`${describeGrant(grant)}.`, ...bindingLines(bindings, existing));
    plan.push(
      decidedBy(
        owner,
        owner
          ? owner.id === team.id
            ? "your own team owns it"
            : `it owns "${input.resource.name}"`
          : `no team owns "${input.resource.name}"`,
      ),
    );
    const spec: AccessSpec = { ...grant, bindings };
    return {
      violations,
      plan,
      warnings,
      row: {
        topicName: input.resource.name,
        principal: input.principal,
        ownerTeamId: owner?.id ?? null,
        spec,
        openKey: `${clusterId}/access/${input.principal}/${input.resource.patternType}:${input.resource.name}`,
      },
    };
  }

  if (input.kind === "credential") {
    const name = userName(input.principal);
    if (!/^[A-Za-z0-9._@-]{1,255}$/.test(name)) {
      violations.push({
        path: "principal",
        issue: "a SCRAM user name has letters, digits, '.', '_', '@' and '-' only",
      });
    }
    if (ownedBy && ownedBy.teamId !== team.id) {
      violations.push({
        path: "principal",
        issue: `${input.principal} belongs to team "${ownedBy.team.name}"; only its own team requests its credentials`,
      });
    }
    const users = violations.length
      ? []
      : ((await brokerCheck(violations, "cluster", () => describeScramUsers(clusterId, [name]))) ?? []);
    const has = users[0]?.credentials.some((c) => c.mechanism === input.mechanism) ?? false;
    if (input.action === "create" && has) {
      violations.push({
        path: "action",
        issue: `${input.principal} already has a ${input.mechanism} credential; request a rotation instead`,
      });
    }
    if (input.action === "rotate" && !has && !violations.length) {
      violations.push({
        path: "action",
        issue: `${input.principal} has no ${input.mechanism} credential to rotate; request a new one`,
      });
    }
    const owner = ownedBy ? team : null;
    if (!ownedBy) plan.push(`Register ${input.principal} as a service principal of team "${team.name}".`);
    plan.push(
      input.action === "create"
        ? `Create a ${input.mechanism} credential for user "${name}".`
        : `Rotate the ${input.mechanism} credential of user "${name}" (the old password stops working).`,
      "After provisioning, you (the requester) reveal the password once on the request page; Sluice never stores it.",
      decidedBy(owner, owner ? "the principal is your team's" : "a new principal is claimed"),
    );
    const spec: CredentialSpec = { principal: input.principal, action: input.action, mechanism: input.mechanism };
    return {
      violations,
      plan,
      warnings,
      row: principalRow(clusterId, "credential", input.principal, owner?.id ?? null, spec),
    };
  }

  if (!principals.includes(input.principal)) {
    violations.push({
      path: "principal",
      issue: `${input.principal} is not a service principal of team "${team.name}" (its principals: ${principals.join(", ") || "none yet"})`,
    });
  }
  const name = userName(input.principal);
  const quotas = (await brokerCheck(violations, "cluster", () => describeQuotas(clusterId))) ?? [];
  const current = quotas.find((q) => q.entity.user === name && q.entity.clientId === undefined)?.values ?? {};
  for (const [k, v] of Object.entries(input.values)) {
    plan.push(`Set ${k} for user "${name}" to ${v} (now ${current[k as keyof typeof current] ?? "no quota"}).`);
  }
  plan.push(decidedBy(null, "quotas share the cluster's capacity"));
  const spec: QuotaSpec = { principal: input.principal, values: input.values };
  return {
    violations,
    plan,
    warnings,
    row: principalRow(clusterId, "quota", input.principal, null, spec),
  };
}

/** The row of a request about a principal itself (credential, quota): no topic; one open request per kind and principal. */
function principalRow(
  clusterId: string,
  kind: "credential" | "quota",
  principal: string,
  ownerTeamId: string | null,
  spec: CredentialSpec | QuotaSpec,
): Prepared["row"] {
  return { topicName: "", principal, ownerTeamId, spec, openKey: `${clusterId}/${kind}/${principal}` };
}
