import "server-only";
import type { RequestStatus } from "@/lib/schemas/requests";
import type { Actor } from "@/server/auth/permissions";
import { prisma } from "@/server/db/prisma";
import { ApiError } from "@/server/http/api-error";
import { requestInclude, type RequestRow } from "./to-dto";

type Change = Partial<
  Pick<
    RequestRow,
    "status" | "deciderId" | "deciderName" | "decisionComment" | "decidedAt" | "failureReason" | "provisionedAt"
  >
> & {
  openKey?: string | null;
  attempts?: { increment: number };
};

/**
 * Moves a request from one of `from` to the change's status as one conditional write (UPDATE … WHERE status IN
 * from) in the same transaction as its audit row. When another actor moved it first, nothing is written and the
 * caller gets a 409 naming the state it is in now: two approvers racing yield one approval and one 409.
 */
export async function transition(
  id: string,
  from: RequestStatus[],
  change: Change,
  audit: {
    actor: Actor | null;
    requestId: string;
    action: string;
    detail?: unknown;
    result?: "success" | "failure";
    error?: string;
  },
): Promise<RequestRow> {
  return prisma.$transaction(async (tx) => {
    const moved = await tx.topicRequest.updateMany({ where: { id, status: { in: from } }, data: change });
    const row = await tx.topicRequest.findUnique({ where: { id }, include: requestInclude });
    if (!row) throw new ApiError("not_found", "No such request.");
    if (moved.count === 0) {
      throw new ApiError(
        "conflict",
        `The request is ${row.status} now (it was ${row.status === "PENDING" ? "changed" : "decided"} by someone else a moment ago); reload to see its state.`,
      );
    }
    await tx.auditEvent.create({
      data: {
        actor: audit.actor?.email ?? "sluice",
        actorId: audit.actor?.id,
        clusterId: row.clusterId,
        action: audit.action,
        targetType: "topic-request",
        target: id,
        result: audit.result ?? "success",
        error: audit.error,
        before: JSON.stringify({ status: from.length === 1 ? from[0] : from }),
        after: JSON.stringify({
          status: row.status,
          topic: row.topicName || undefined,
          principal: row.principal ?? undefined,
          kind: row.kind,
          ...(audit.detail ? { detail: audit.detail } : {}),
        }),
        requestId: audit.requestId,
      },
    });
    return row;
  });
}
