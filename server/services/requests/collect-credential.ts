import "server-only";
import { randomBytes } from "node:crypto";
import type { CollectedSecret, CredentialSpec } from "@/lib/schemas/requests";
import { prisma } from "@/server/db/prisma";
import { ApiError } from "@/server/http/api-error";
import { upsertScramCredential } from "@/server/kafka/access";
import { audited, type AuditContext } from "@/server/services/audit/record-audit";
import { findVisibleRequest } from "./decide-request";

/**
 * Shows a provisioned credential request's password, once, to its requester: the one-time slot is claimed first
 * (a conditional update, so two clicks or two tabs yield one password), then the credential is set to a fresh
 * random password, which is returned in this answer only. Sluice never stores, logs or audits it.
 */
export async function collectCredential(clusterId: string, id: string, audit: AuditContext): Promise<CollectedSecret> {
  const row = await findVisibleRequest(clusterId, id, audit);
  if (row.kind !== "credential") {
    throw new ApiError("unprocessable_entity", "Only credential requests have a password to reveal.");
  }
  if (row.status !== "PROVISIONED") {
    throw new ApiError(
      "conflict",
      `The request is ${row.status.toLowerCase()}; the password is available once it is provisioned.`,
    );
  }
  if (row.requesterId !== audit.actor.id) {
    throw new ApiError("forbidden", `Only ${row.requesterName}, who requested it, can reveal this password.`);
  }
  const claimed = await prisma.topicRequest.updateMany({
    where: { id, secretIssuedAt: null },
    data: { secretIssuedAt: new Date() },
  });
  if (claimed.count === 0) {
    throw new ApiError("conflict", "The password was shown already, once. Request a rotation for a new one.");
  }
  const spec = JSON.parse(row.spec) as CredentialSpec;
  const user = spec.principal.slice("User:".length);
  const password = randomBytes(24).toString("base64url");
  try {
    await audited(
      { ...audit, clusterId },
      { action: "credential.issued", targetType: "scram-user", target: user },
      async () => {
        await upsertScramCredential(clusterId, user, spec.mechanism, password, 8192);
        return { request: id, mechanism: spec.mechanism };
      },
    );
  } catch (error) {
    await prisma.topicRequest.update({ where: { id }, data: { secretIssuedAt: null } });
    throw error;
  }
  return { user, mechanism: spec.mechanism, password };
}
