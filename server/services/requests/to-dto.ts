import "server-only";
import type { DriftItem, RequestKind, RequestSpec, RequestStatus, TopicRequestDto } from "@/lib/schemas/requests";
import type { Actor } from "@/server/auth/permissions";
import { canCancel, whyCannotDecide } from "./request-access";

export type RequestRow = {
  id: string;
  clusterId: string;
  kind: string;
  topicName: string;
  teamId: string;
  team: { id: string; name: string };
  spec: string;
  justification: string;
  status: string;
  requesterId: string;
  requesterName: string;
  deciderId: string | null;
  deciderName: string | null;
  decisionComment: string | null;
  decidedAt: Date | null;
  failureReason: string | null;
  attempts: number;
  provisionedAt: Date | null;
  drift: string | null;
  driftCheckedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

export const requestInclude = { team: { select: { id: true, name: true } } } as const;

export function toRequestDto(r: RequestRow, actor: Actor): TopicRequestDto {
  const why = whyCannotDecide(actor, r);
  const pending = r.status === "PENDING";
  return {
    id: r.id,
    clusterId: r.clusterId,
    kind: r.kind as RequestKind,
    topicName: r.topicName,
    team: r.team,
    spec: JSON.parse(r.spec) as RequestSpec,
    justification: r.justification,
    status: r.status as RequestStatus,
    requester: { id: r.requesterId, name: r.requesterName },
    decider: r.deciderId ? { id: r.deciderId, name: r.deciderName ?? "" } : null,
    decisionComment: r.decisionComment,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    failureReason: r.failureReason,
    attempts: r.attempts,
    provisionedAt: r.provisionedAt?.toISOString() ?? null,
    drift: r.drift ? (JSON.parse(r.drift) as DriftItem[]) : null,
    driftCheckedAt: r.driftCheckedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    can: {
      approve: pending && !why,
      reject: pending && !why,
      cancel: pending && canCancel(actor, r),
      // retrying is a decider's act too, but the requester rule does not apply (the decision was already made)
      retry: r.status === "FAILED" && whyCannotDecide(actor, { ...r, requesterId: "" }) === null,
      ...(why && pending ? { whyNot: why } : {}),
    },
  };
}
