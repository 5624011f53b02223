import "server-only";
import type { TopicRequestDto } from "@/lib/schemas/requests";
import { prisma } from "@/server/db/prisma";
import { ApiError } from "@/server/http/api-error";
import type { AuditContext } from "@/server/services/audit/record-audit";
import { provisionRequest } from "./provision-request";
import { assertApprovableNow } from "./recheck-request";
import { canCancel, canSeeRequest, whyCannotDecide } from "./request-access";
import { emitEvent } from "@/server/services/alerts/events";
import { openKeyOf } from "./open-key";
import { decidingTeam, requestInclude, toRequestDto, type RequestRow } from "./to-dto";
import { transition } from "./transitions";

/** A request the actor may see, or 404 (a request of another team is indistinguishable from a missing one). */
export async function findVisibleRequest(clusterId: string, id: string, audit: AuditContext): Promise<RequestRow> {
  const row = await prisma.topicRequest.findUnique({ where: { id }, include: requestInclude });
  if (!row || row.clusterId !== clusterId || !canSeeRequest(audit.actor, row)) {
    throw new ApiError("not_found", `No request ${id} on cluster "${clusterId}" that you can see.`);
  }
  return row;
}

/**
 * Approve (then provision at once) or reject a pending request. An approval re-checks, at decision time, that the
 * requester is still in the owning team, the team still owns the name and the cluster's policy still allows it.
 */
export async function decideRequest(
  clusterId: string,
  id: string,
  input: { decision: "approve" | "reject"; comment: string },
  audit: AuditContext,
): Promise<TopicRequestDto> {
  const row = await findVisibleRequest(clusterId, id, audit);
  const why = whyCannotDecide(audit.actor, row, decidingTeam(row)?.name);
  if (why) throw new ApiError("forbidden", why);
  const decided = {
    deciderId: audit.actor.id,
    deciderName: audit.actor.name,
    decisionComment: input.comment || null,
    decidedAt: new Date(),
  };
  if (input.decision === "reject") {
    const rejected = await transition(
      id,
      ["PENDING"],
      { ...decided, status: "REJECTED", openKey: null },
      { ...audit, action: "request.rejected", detail: { comment: input.comment } },
    );
    void emitEvent({
      kind: "request.decided",
      clusterId,
      subject: id,
      data: {
        decision: "reject",
        decider: audit.actor.name,
        requester: row.requesterName,
        topic: row.topicName || undefined,
        comment: input.comment,
      },
    });
    return toRequestDto(rejected, audit.actor);
  }
  if (row.status === "PENDING") await assertApprovableNow(row, audit);
  const approved = await transition(
    id,
    ["PENDING"],
    { ...decided, status: "APPROVED" },
    { ...audit, action: "request.approved", detail: input.comment ? { comment: input.comment } : undefined },
  );
  void emitEvent({
    kind: "request.decided",
    clusterId,
    subject: id,
    data: {
      decision: "approve",
      decider: audit.actor.name,
      requester: row.requesterName,
      topic: row.topicName || undefined,
    },
  });
  return toRequestDto(await provisionRequest(approved, audit), audit.actor);
}

/** Cancels a pending request (its requester or team). */
export async function cancelRequest(clusterId: string, id: string, audit: AuditContext): Promise<TopicRequestDto> {
  const row = await findVisibleRequest(clusterId, id, audit);
  if (!canCancel(audit.actor, row)) {
    throw new ApiError("forbidden", "Only the requester or their team cancel a request.");
  }
  return toRequestDto(
    await transition(
      id,
      ["PENDING"],
      { status: "CANCELLED", openKey: null },
      { ...audit, action: "request.cancelled" },
    ),
    audit.actor,
  );
}

/** Retries a FAILED request: back to APPROVED (reclaiming the topic's open slot), then provisioning again. */
export async function retryRequest(clusterId: string, id: string, audit: AuditContext): Promise<TopicRequestDto> {
  const row = await findVisibleRequest(clusterId, id, audit);
  const why = whyCannotDecide(audit.actor, { ...row, requesterId: "" }, decidingTeam(row)?.name);
  if (why) throw new ApiError("forbidden", why);
  let approved: RequestRow;
  try {
    approved = await transition(
      id,
      ["FAILED"],
      { status: "APPROVED", failureReason: null, openKey: openKeyOf(row) },
      { ...audit, action: "request.retried" },
    );
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") {
      throw new ApiError(
        "conflict",
        `Another request for ${row.topicName ? `"${row.topicName}"` : row.principal} is open now; decide or cancel it first.`,
      );
    }
    throw error;
  }
  return toRequestDto(await provisionRequest(approved, audit), audit.actor);
}
