import "server-only";
import type {
  ConnectorSpec,
  DriftItem,
  RequestKind,
  RequestSpec,
  RequestStatus,
  TopicRequestDto,
} from "@/lib/schemas/requests";
import { maskConfig } from "@/server/services/connect/mask-config";
import type { Actor } from "@/server/auth/permissions";
import { canCancel, decidingTeamId, whyCannotDecide, whyCannotRevoke } from "./request-access";

export type RequestRow = {
  id: string;
  clusterId: string;
  kind: string;
  topicName: string;
  teamId: string;
  team: { id: string; name: string };
  ownerTeamId: string | null;
  ownerTeam: { id: string; name: string } | null;
  principal: string | null;
  revokesId: string | null;
  revokedAt: Date | null;
  secretIssuedAt: Date | null;
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

export const requestInclude = {
  team: { select: { id: true, name: true } },
  ownerTeam: { select: { id: true, name: true } },
} as const;

/** The team whose approvers decide (null: the cluster's admins). */
export const decidingTeam = (r: RequestRow) =>
  decidingTeamId(r) === null ? null : decidingTeamId(r) === r.teamId ? r.team : r.ownerTeam;

/** A pending connector request still holds its secrets (the worker needs them at provisioning): never shown. */
function specForDto(r: RequestRow): RequestSpec {
  const spec = JSON.parse(r.spec) as RequestSpec;
  if (r.kind !== "connector") return spec;
  const s = spec as ConnectorSpec;
  return { ...s, config: maskConfig(s.config, new Map()).config };
}

export function toRequestDto(r: RequestRow, actor: Actor): TopicRequestDto {
  const deciding = decidingTeam(r);
  const why = whyCannotDecide(actor, r, deciding?.name);
  const pending = r.status === "PENDING";
  return {
    id: r.id,
    clusterId: r.clusterId,
    kind: r.kind as RequestKind,
    topicName: r.topicName,
    team: r.team,
    principal: r.principal,
    decidingTeam: deciding,
    revokesId: r.revokesId,
    revokedAt: r.revokedAt?.toISOString() ?? null,
    secretIssuedAt: r.secretIssuedAt?.toISOString() ?? null,
    spec: specForDto(r),
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
      retry: r.status === "FAILED" && whyCannotDecide(actor, { ...r, requesterId: "" }, deciding?.name) === null,
      revoke: r.kind === "access" && whyCannotRevoke(actor, r, r.ownerTeam?.name) === null,
      // the password of a provisioned credential request is shown once, to its requester
      collectSecret:
        r.kind === "credential" &&
        r.status === "PROVISIONED" &&
        r.secretIssuedAt === null &&
        r.requesterId === actor.id,
      ...(why && pending ? { whyNot: why } : {}),
    },
  };
}
