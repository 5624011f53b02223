import "server-only";
import { randomBytes } from "node:crypto";
import type { AclBinding } from "@/lib/schemas/access";
import type { AccessSpec, CredentialSpec, QuotaSpec, RevokeSpec } from "@/lib/schemas/requests";
import type { Actor } from "@/server/auth/permissions";
import { prisma } from "@/server/db/prisma";
import { ApiError } from "@/server/http/api-error";
import { bindingFilter, deleteAcls, describeScramUsers, upsertScramCredential } from "@/server/kafka/access";
import { assertNoLockout } from "@/server/services/access/lockout";
import { createAclBinding } from "@/server/services/access/create-acl";
import { putQuota } from "@/server/services/access/quotas";
import { audited } from "@/server/services/audit/record-audit";
import type { RequestRow } from "./to-dto";

type Audit = { actor: Actor; requestId: string };

/** Creates each binding that is not there yet (an existing identical binding is never duplicated). */
export async function ensureBindings(clusterId: string, bindings: AclBinding[], audit: Audit): Promise<void> {
  for (const b of bindings) await createAclBinding(clusterId, b, { dryRun: false, audit });
}

/** Registers the principal as the team's; refuses when another team owns it. */
async function claimPrincipal(r: RequestRow, principal: string, audit: Audit): Promise<void> {
  const owned = await prisma.servicePrincipal.findUnique({
    where: { clusterId_principal: { clusterId: r.clusterId, principal } },
  });
  if (owned && owned.teamId !== r.teamId) {
    throw new ApiError(
      "conflict",
      `${principal} was registered to another team in the meantime; the credential cannot be provisioned for "${r.team.name}".`,
    );
  }
  if (!owned) {
    await audited(
      { ...audit, clusterId: r.clusterId },
      { action: "principal.create", targetType: "principal", target: principal },
      () =>
        prisma.servicePrincipal.create({
          data: {
            clusterId: r.clusterId,
            principal,
            teamId: r.teamId,
            description: `claimed by request ${r.id}`,
            createdBy: audit.actor.email,
          },
        }),
      () => ({ team: r.team.name, request: r.id }),
    );
  }
}

/**
 * Provisions an access, credential or quota request, idempotently: existing bindings are kept, an existing
 * credential counts as created (its password is set when the requester reveals it), a quota is set to the value.
 */
export async function applyAccess(r: RequestRow, audit: Audit): Promise<void> {
  if (r.kind === "access") return ensureBindings(r.clusterId, (JSON.parse(r.spec) as AccessSpec).bindings, audit);
  if (r.kind === "quota") {
    const s = JSON.parse(r.spec) as QuotaSpec;
    await putQuota(r.clusterId, { user: s.principal.slice("User:".length) }, s.values, audit);
    return;
  }
  if (r.kind === "credential") {
    const s = JSON.parse(r.spec) as CredentialSpec;
    const name = s.principal.slice("User:".length);
    await claimPrincipal(r, s.principal, audit);
    const has =
      (await describeScramUsers(r.clusterId, [name]))[0]?.credentials.some((c) => c.mechanism === s.mechanism) ?? false;
    if (s.action === "rotate" && !has) {
      throw new ApiError("not_found", `${s.principal} has no ${s.mechanism} credential to rotate any more.`);
    }
    // A new user gets a random password nobody sees: the requester's own password is set when they reveal it.
    if (!has) {
      await audited(
        { ...audit, clusterId: r.clusterId },
        { action: "scram.create", targetType: "scram-user", target: name },
        () => upsertScramCredential(r.clusterId, name, s.mechanism, randomBytes(24).toString("base64url"), 8192),
        () => ({ mechanism: s.mechanism, request: r.id }),
      );
    }
    return;
  }
  throw new ApiError("internal", `Unknown request kind ${r.kind}.`);
}

/** Provisions a revoke: deletes exactly its bindings (absent ones are no-ops) and marks the access revoked. */
export async function applyRevoke(r: RequestRow, audit: Audit): Promise<void> {
  const spec = JSON.parse(r.spec) as RevokeSpec;
  assertNoLockout(r.clusterId, "delete", spec.bindings);
  if (spec.bindings.length) {
    await audited(
      { ...audit, clusterId: r.clusterId },
      { action: "acl.delete", targetType: "acl", target: `revoke of request ${spec.revokes}`, before: spec.bindings },
      () =>
        deleteAcls(
          r.clusterId,
          spec.bindings.map((b) => bindingFilter(b)),
        ),
    );
  }
  await prisma.topicRequest.updateMany({
    where: { id: spec.revokes, revokedAt: null },
    data: { revokedAt: new Date() },
  });
}
