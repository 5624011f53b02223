import "server-only";
import { bindingKey } from "@/lib/requests/access-grants";
import type { AccessSpec, CreateSpec, RevokeSpec, TopicRequestDto } from "@/lib/schemas/requests";
import { prisma } from "@/server/db/prisma";
import { ApiError } from "@/server/http/api-error";
import { recordAudit, type AuditContext } from "@/server/services/audit/record-audit";
import { findVisibleRequest } from "./decide-request";
import { provisionRequest } from "./provision-request";
import { whyCannotRevoke } from "./request-access";
import { requestInclude, toRequestDto, type RequestRow } from "./to-dto";

/** The bindings every other live grant of the cluster holds (a revoke never removes what another grant needs). */
async function heldElsewhere(clusterId: string, exceptId: string): Promise<Set<string>> {
  const rows = await prisma.topicRequest.findMany({
    where: {
      clusterId,
      kind: { in: ["access", "create"] },
      status: "PROVISIONED",
      revokedAt: null,
      id: { not: exceptId },
    },
    select: { spec: true },
  });
  return new Set(rows.flatMap((r) => ((JSON.parse(r.spec) as AccessSpec | CreateSpec).bindings ?? []).map(bindingKey)));
}

/**
 * Revokes a provisioned access: records a request of kind revoke (decided by the revoking approver or admin) and
 * provisions it at once, removing exactly the bindings the access created, except those another live grant also
 * holds. Returns the revoke request.
 */
export async function revokeAccess(
  clusterId: string,
  id: string,
  input: { comment: string },
  audit: AuditContext,
): Promise<TopicRequestDto> {
  const row = await findVisibleRequest(clusterId, id, audit);
  const why = whyCannotRevoke(audit.actor, row, row.ownerTeam?.name);
  if (why) {
    await recordAudit(
      { ...audit, clusterId },
      { action: "request.revoked", targetType: "topic-request", target: id },
      { result: "denied", error: why },
    );
    throw new ApiError(
      row.status === "PROVISIONED" && !row.revokedAt && row.kind === "access" ? "forbidden" : "conflict",
      why,
    );
  }
  const held = await heldElsewhere(clusterId, id);
  const bindings = (JSON.parse(row.spec) as AccessSpec).bindings.filter((b) => !held.has(bindingKey(b)));
  const spec: RevokeSpec = { revokes: id, bindings };
  let created: RequestRow;
  try {
    created = await prisma.$transaction(async (tx) => {
      const r = await tx.topicRequest.create({
        data: {
          clusterId,
          kind: "revoke",
          topicName: row.topicName,
          teamId: row.teamId,
          ownerTeamId: row.ownerTeamId,
          principal: row.principal,
          revokesId: id,
          spec: JSON.stringify(spec),
          justification: input.comment,
          status: "APPROVED",
          requesterId: audit.actor.id,
          requesterName: audit.actor.name,
          deciderId: audit.actor.id,
          deciderName: audit.actor.name,
          decisionComment: input.comment,
          decidedAt: new Date(),
          openKey: `${clusterId}/revoke/${id}`,
        },
        include: requestInclude,
      });
      await tx.auditEvent.create({
        data: {
          actor: audit.actor.email,
          actorId: audit.actor.id,
          clusterId,
          action: "request.revoke_approved",
          targetType: "topic-request",
          target: r.id,
          result: "success",
          after: JSON.stringify({
            revokes: id,
            principal: row.principal,
            bindings: bindings.length,
            comment: input.comment,
          }),
          requestId: audit.requestId,
        },
      });
      return r;
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") {
      throw new ApiError("conflict", "This access is being revoked already; see its revoke request.");
    }
    throw error;
  }
  return toRequestDto(await provisionRequest(created, audit), audit.actor);
}
