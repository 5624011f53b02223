import "server-only";
import type { RequestStatus, TopicRequestDto } from "@/lib/schemas/requests";
import { roleOn } from "@/server/auth/permissions";
import { getClusterConfigOrThrow } from "@/server/config";
import { prisma } from "@/server/db/prisma";
import type { AuditContext } from "@/server/services/audit/record-audit";
import { requestInclude, toRequestDto } from "./to-dto";

/**
 * The requests on a cluster the actor may see (admins: all; others: their teams'), newest first.
 * scope "mine": submitted by the actor; "queue": pending ones the actor may decide.
 */
export async function listRequests(
  clusterId: string,
  q: { status?: RequestStatus; scope: "all" | "mine" | "queue"; topic?: string; principal?: string },
  audit: AuditContext,
): Promise<TopicRequestDto[]> {
  getClusterConfigOrThrow(clusterId);
  const admin = roleOn(audit.actor, clusterId) === "admin";
  const rows = await prisma.topicRequest.findMany({
    where: {
      clusterId,
      // others: what their teams asked for, and what their teams decide (access to what they own)
      ...(admin
        ? {}
        : {
            OR: [
              { teamId: { in: audit.actor.teams.map((t) => t.id) } },
              { ownerTeamId: { in: audit.actor.teams.map((t) => t.id) } },
            ],
          }),
      ...(q.status ? { status: q.status } : q.scope === "queue" ? { status: "PENDING" } : {}),
      ...(q.scope === "mine" ? { requesterId: audit.actor.id } : {}),
      ...(q.topic ? { topicName: q.topic } : {}),
      ...(q.principal ? { principal: q.principal } : {}),
    },
    include: requestInclude,
    orderBy: { createdAt: "desc" },
    take: 500,
  });
  const dtos = rows.map((r) => toRequestDto(r, audit.actor));
  return q.scope === "queue" ? dtos.filter((d) => d.can.approve) : dtos;
}
