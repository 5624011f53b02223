import "server-only";
import { pbkdf2Sync, randomBytes } from "node:crypto";
import {
  AclOperations,
  AclPermissionTypes,
  alterUserScramCredentialsV0,
  describeUserScramCredentialsV0,
  ResourcePatternTypes,
  ResourceTypes,
  type Acl,
  type AclFilter as KafkaAclFilter,
  type Admin,
  type Connection,
} from "@platformatic/kafka";
import type {
  AclBinding,
  AclFilter,
  QuotaEntity,
  QuotaEntry,
  QuotaKey,
  ScramMechanism,
  ScramUser,
} from "@/lib/schemas/access";
import { ApiError } from "@/server/http/api-error";
import { kafkaErrorType } from "./errors";
import { withModernAdmin } from "./registry";

/**
 * ACLs (DescribeAcls/CreateAcls/DeleteAcls), SCRAM credentials (Describe/AlterUserScramCredentials) and client
 * quotas (Describe/AlterClientQuotas) through `@platformatic/kafka`. Kafka's numeric enums become the names the
 * broker documents; a broker without an authorizer answers SECURITY_DISABLED, turned into one clear refusal.
 */

const byValue = <T extends Record<string, number>>(o: T) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [v, k])) as Record<number, keyof T>;
const RESOURCE_NAME = byValue(ResourceTypes);
const PATTERN_NAME = byValue(ResourcePatternTypes);
const OPERATION_NAME = byValue(AclOperations);
const PERMISSION_NAME = byValue(AclPermissionTypes);

export const NO_AUTHORIZER_MESSAGE =
  "This cluster has no authorizer (SECURITY_DISABLED): the broker does not enforce ACLs, so there are none to show or change.";

/** Runs an ACL call; SECURITY_DISABLED (no authorizer) becomes a 422 whose details name it, never a 500. */
async function aclCall<T>(clusterId: string, fn: Parameters<typeof withModernAdmin<T>>[1]): Promise<T> {
  try {
    return await withModernAdmin(clusterId, fn);
  } catch (error) {
    if (
      kafkaErrorType(error) === "SECURITY_DISABLED" ||
      (error instanceof ApiError && /no authorizer/.test(error.message))
    ) {
      throw new ApiError("unprocessable_entity", NO_AUTHORIZER_MESSAGE, [
        { path: "cluster", issue: "SECURITY_DISABLED" },
      ]);
    }
    throw error;
  }
}

function toKafkaFilter(f: AclFilter): KafkaAclFilter {
  return {
    resourceType: ResourceTypes[f.resourceType],
    resourceName: f.resourceName ?? null,
    resourcePatternType: ResourcePatternTypes[f.patternType],
    principal: f.principal ?? null,
    host: f.host ?? null,
    operation: AclOperations[f.operation],
    permissionType: AclPermissionTypes[f.permission],
  };
}

export const bindingFilter = (b: AclBinding): AclFilter => ({ ...b });

function toKafkaAcl(b: AclBinding): Acl {
  return {
    resourceType: ResourceTypes[b.resourceType],
    resourceName: b.resourceName,
    resourcePatternType: ResourcePatternTypes[b.patternType],
    principal: b.principal,
    host: b.host,
    operation: AclOperations[b.operation],
    permissionType: AclPermissionTypes[b.permission],
  };
}

function fromKafka(a: Acl): AclBinding {
  return {
    principal: a.principal,
    host: a.host,
    resourceType: RESOURCE_NAME[a.resourceType] as AclBinding["resourceType"],
    resourceName: a.resourceName,
    patternType: PATTERN_NAME[a.resourcePatternType] as AclBinding["patternType"],
    operation: OPERATION_NAME[a.operation] as AclBinding["operation"],
    permission: PERMISSION_NAME[a.permissionType] as AclBinding["permission"],
  };
}

const order = (a: AclBinding, b: AclBinding) =>
  a.resourceType.localeCompare(b.resourceType) ||
  a.resourceName.localeCompare(b.resourceName) ||
  a.principal.localeCompare(b.principal) ||
  a.operation.localeCompare(b.operation) ||
  a.permission.localeCompare(b.permission);

/** Every binding matching the filter (one DescribeAcls). */
export async function describeAcls(clusterId: string, filter: AclFilter): Promise<AclBinding[]> {
  const resources = await aclCall(clusterId, (admin) => admin.describeAcls({ filter: toKafkaFilter(filter) }));
  return resources.flatMap((r) => r.acls.map((p) => fromKafka({ ...r, ...p }))).sort(order);
}

/** Whether exactly this binding exists. */
export async function aclExists(clusterId: string, binding: AclBinding): Promise<boolean> {
  return (await describeAcls(clusterId, bindingFilter(binding))).length > 0;
}

export async function createAcl(clusterId: string, binding: AclBinding): Promise<void> {
  await aclCall(clusterId, (admin) => admin.createAcls({ creations: [toKafkaAcl(binding)] }));
}

/** Deletes every binding matching one of the filters; returns what the broker deleted. */
export async function deleteAcls(clusterId: string, filters: AclFilter[]): Promise<AclBinding[]> {
  if (!filters.length) return [];
  const deleted = await aclCall(clusterId, (admin) => admin.deleteAcls({ filters: filters.map(toKafkaFilter) }));
  return deleted.map(fromKafka).sort(order);
}

// ---- SCRAM ----------------------------------------------------------------------------------------------------
const MECHANISM_CODE: Record<ScramMechanism, number> = { "SCRAM-SHA-256": 1, "SCRAM-SHA-512": 2 };
const MECHANISM_NAME: Record<number, ScramMechanism> = { 1: "SCRAM-SHA-256", 2: "SCRAM-SHA-512" };

/**
 * SCRAM APIs are sent to one broker (it forwards them to the controller). Per-user errors come back as the
 * parsed response (`failed`) instead of an exception, so callers can read which user failed and why.
 */
async function anyBroker<T>(clusterId: string, fn: (c: Connection) => Promise<T>): Promise<{ ok: T } | { failed: T }> {
  return withModernAdmin(clusterId, async (admin) => {
    const connections = await admin.connectToBrokers(null);
    const first = [...connections.values()][0];
    if (!first) throw new ApiError("kafka_unavailable", "No broker of the cluster is reachable.");
    try {
      return { ok: await fn(first) };
    } catch (error) {
      const response = (error as { response?: T }).response;
      if (response && typeof response === "object" && "results" in response) return { failed: response };
      throw error;
    }
  });
}

/** Every SCRAM user with its mechanisms and iterations (the broker never returns secrets). */
export async function describeScramUsers(clusterId: string, names: string[] = []): Promise<ScramUser[]> {
  // Naming a user without credentials answers RESOURCE_NOT_FOUND for that user: it is left out of the list.
  const r = await anyBroker(clusterId, (c) =>
    describeUserScramCredentialsV0.api.async(
      c,
      names.map((name) => ({ name })),
    ),
  );
  return toScramUsers(("ok" in r ? r.ok : r.failed).results);
}

function toScramUsers(
  results: { user: string; errorCode: number; credentialInfos: { mechanism: number; iterations: number }[] }[],
): ScramUser[] {
  return results
    .filter((r) => r.errorCode === 0)
    .map((r) => ({
      name: r.user,
      credentials: r.credentialInfos.map((c) => ({
        mechanism: MECHANISM_NAME[c.mechanism] ?? "UNKNOWN",
        iterations: c.iterations,
      })),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** RFC 5802 SaltedPassword = Hi(password, salt, i) = PBKDF2 with the mechanism's HMAC. */
export function saltedPassword(mechanism: ScramMechanism, password: string, salt: Buffer, iterations: number): Buffer {
  const [digest, length] = mechanism === "SCRAM-SHA-512" ? (["sha512", 64] as const) : (["sha256", 32] as const);
  return pbkdf2Sync(Buffer.from(password, "utf8"), salt, iterations, length, digest);
}

/** Creates or replaces a user's credential for one mechanism. The password never leaves this function. */
export async function upsertScramCredential(
  clusterId: string,
  name: string,
  mechanism: ScramMechanism,
  password: string,
  iterations: number,
): Promise<void> {
  const salt = randomBytes(32);
  const salted = saltedPassword(mechanism, password, salt, iterations);
  await scramAlter(
    clusterId,
    [],
    [{ name, mechanism: MECHANISM_CODE[mechanism], iterations, salt, saltedPassword: salted }],
  );
}

/** Deletes a user's credentials for the given mechanisms. */
export async function deleteScramCredentials(
  clusterId: string,
  name: string,
  mechanisms: ScramMechanism[],
): Promise<void> {
  await scramAlter(
    clusterId,
    mechanisms.map((m) => ({ name, mechanism: MECHANISM_CODE[m] })),
    [],
  );
}

async function scramAlter(
  clusterId: string,
  deletions: { name: string; mechanism: number }[],
  upsertions: { name: string; mechanism: number; iterations: number; salt: Buffer; saltedPassword: Buffer }[],
) {
  const r = await anyBroker(clusterId, (c) => alterUserScramCredentialsV0.api.async(c, deletions, upsertions));
  const result = "failed" in r ? r.failed.results.find((x) => x.errorCode !== 0) : undefined;
  if (!result) return;
  // 91 RESOURCE_NOT_FOUND, 92 DUPLICATE_RESOURCE, 93 UNACCEPTABLE_CREDENTIAL, 96 UNSUPPORTED_SASL_MECHANISM
  if (result.errorCode === 91) {
    throw new ApiError("not_found", result.errorMessage ?? "The user has no such credential.");
  }
  if (result.errorCode === 93 || result.errorCode === 96) {
    throw new ApiError(
      "unprocessable_entity",
      `The broker refused the credential: ${result.errorMessage ?? "unacceptable"}.`,
    );
  }
  throw new ApiError(
    "unprocessable_entity",
    `The broker refused the change: ${result.errorMessage ?? `error ${result.errorCode}`}.`,
  );
}

// ---- Client quotas --------------------------------------------------------------------------------------------
type DescribeClientQuotasRequestComponent = Parameters<Admin["describeClientQuotas"]>[0]["components"][number];
type AlterClientQuotasRequestEntity = Parameters<Admin["alterClientQuotas"]>[0]["entries"][number]["entities"][number];

function quotaEntity(parts: { entityType: string; entityName?: string | null }[]): QuotaEntity {
  const e: QuotaEntity = {};
  for (const p of parts) {
    if (p.entityType === "user") e.user = p.entityName ?? null;
    if (p.entityType === "client-id") e.clientId = p.entityName ?? null;
  }
  return e;
}

/** Every quota entry (users, client ids, their combinations and defaults). */
export async function describeQuotas(clusterId: string): Promise<QuotaEntry[]> {
  // ANY on one type matches entries with that type; the two queries cover every combination between them.
  const queries: DescribeClientQuotasRequestComponent[][] = [
    [{ entityType: "user", matchType: 2 }],
    [{ entityType: "client-id", matchType: 2 }],
  ];
  const seen = new Map<string, QuotaEntry>();
  for (const components of queries) {
    const entries = await withModernAdmin(clusterId, (admin) => admin.describeClientQuotas({ components }));
    for (const entry of entries) {
      const entity = quotaEntity(entry.entity);
      const values = Object.fromEntries(entry.values.map((v) => [v.key, v.value])) as Partial<Record<QuotaKey, number>>;
      seen.set(
        `${entity.user === undefined ? "-" : `=${entity.user}`}\u0000${entity.clientId === undefined ? "-" : `=${entity.clientId}`}`,
        { entity, values },
      );
    }
  }
  return [...seen.values()];
}

/** Sets (number) or removes (null) quota values of one entity. */
export async function alterQuota(
  clusterId: string,
  entity: QuotaEntity,
  values: Partial<Record<QuotaKey, number | null>>,
): Promise<void> {
  const entities: AlterClientQuotasRequestEntity[] = [];
  if (entity.user !== undefined) entities.push({ entityType: "user", entityName: entity.user });
  if (entity.clientId !== undefined) entities.push({ entityType: "client-id", entityName: entity.clientId });
  const ops = Object.entries(values).map(([key, value]) =>
    value === null || value === undefined
      ? { key: key as never, remove: true as const }
      : { key: key as never, value, remove: false as const },
  );
  const result = await withModernAdmin(clusterId, (admin) => admin.alterClientQuotas({ entries: [{ entities, ops }] }));
  const failed = result.find((r) => r.errorCode !== 0);
  if (failed) {
    throw new ApiError(
      "unprocessable_entity",
      `The broker refused the quota: ${failed.errorMessage ?? `error ${failed.errorCode}`}.`,
    );
  }
}
