import "server-only";
import { randomBytes } from "node:crypto";
import type { ScramMechanism, ScramUpsertResponse, ScramUser } from "@/lib/schemas/access";
import { getClusterConfigOrThrow } from "@/server/config";
import { ApiError } from "@/server/http/api-error";
import { deleteScramCredentials, describeScramUsers, upsertScramCredential } from "@/server/kafka/access";
import { withDeadline } from "@/server/kafka/deadline";
import { audited, type AuditContext } from "@/server/services/audit/record-audit";

type Audit = Omit<AuditContext, "clusterId">;
type Input = { mechanism: ScramMechanism; password?: string; iterations: number };

/** Users with SCRAM credentials: mechanisms and iterations only (the broker never returns secrets). */
export async function listScramUsers(clusterId: string): Promise<ScramUser[]> {
  const cluster = getClusterConfigOrThrow(clusterId);
  return withDeadline(8_000, `Cluster "${cluster.name}"`, () => describeScramUsers(clusterId));
}

/** A random password: 24 bytes, base64url (32 characters). */
const generatePassword = () => randomBytes(24).toString("base64url");

/**
 * Creates (`mode: "create"`, 409 if the user already has this mechanism) or rotates (`"rotate"`, 404 if not) a
 * credential. A generated password is returned in this answer only; no password is ever stored, logged or audited.
 */
export async function upsertScramUser(
  clusterId: string,
  name: string,
  input: Input,
  mode: "create" | "rotate",
  audit: Audit,
): Promise<ScramUpsertResponse> {
  const existing = (await describeScramUsers(clusterId, [name]))[0];
  const has = existing?.credentials.some((c) => c.mechanism === input.mechanism) ?? false;
  if (mode === "create" && has) {
    throw new ApiError("conflict", `User "${name}" already has a ${input.mechanism} credential; rotate it instead.`);
  }
  if (mode === "rotate" && !has) {
    throw new ApiError("not_found", `User "${name}" has no ${input.mechanism} credential to rotate.`);
  }
  const password = input.password ?? generatePassword();
  const summary = {
    user: name,
    mechanism: input.mechanism,
    iterations: input.iterations,
    passwordGenerated: input.password === undefined,
  };
  await audited(
    { ...audit, clusterId },
    { action: mode === "create" ? "scram.create" : "scram.rotate", targetType: "scram-user", target: name },
    async () => {
      await upsertScramCredential(clusterId, name, input.mechanism, password, input.iterations);
      return summary;
    },
  );
  return {
    user: name,
    mechanism: input.mechanism,
    iterations: input.iterations,
    ...(input.password === undefined ? { generatedPassword: password } : {}),
  };
}

/** Deletes every SCRAM credential of a user (404 if it has none). */
export async function deleteScramUser(
  clusterId: string,
  name: string,
  audit: Audit,
): Promise<{ user: string; deleted: ScramMechanism[] }> {
  const existing = (await describeScramUsers(clusterId, [name]))[0];
  const mechanisms = (existing?.credentials ?? [])
    .map((c) => c.mechanism)
    .filter((m): m is ScramMechanism => m !== "UNKNOWN");
  if (!mechanisms.length) throw new ApiError("not_found", `User "${name}" has no SCRAM credentials on this cluster.`);
  return audited(
    { ...audit, clusterId },
    { action: "scram.delete", targetType: "scram-user", target: name, before: existing },
    async () => {
      await deleteScramCredentials(clusterId, name, mechanisms);
      return { user: name, deleted: mechanisms };
    },
  );
}
