import "server-only";
import type { ServicePrincipalDto } from "@/lib/schemas/requests";
import { getClusterConfigOrThrow } from "@/server/config";
import { prisma } from "@/server/db/prisma";
import { ApiError } from "@/server/http/api-error";
import { audited, type AuditContext } from "@/server/services/audit/record-audit";
import { sluicePrincipal } from "./sluice-principal";

type Row = {
  id: string;
  clusterId: string;
  principal: string;
  team: { id: string; name: string };
  description: string;
  createdBy: string;
  createdAt: Date;
};
const toDto = (r: Row): ServicePrincipalDto => ({ ...r, createdAt: r.createdAt.toISOString() });
const include = { team: { select: { id: true, name: true } } } as const;

export async function listPrincipals(clusterId: string): Promise<ServicePrincipalDto[]> {
  getClusterConfigOrThrow(clusterId);
  return (
    await prisma.servicePrincipal.findMany({ where: { clusterId }, include, orderBy: { principal: "asc" }, take: 5000 })
  ).map(toDto);
}

/** The team owning a principal on a cluster, or null. */
export async function principalOwner(clusterId: string, principal: string): Promise<ServicePrincipalDto | null> {
  const row = await prisma.servicePrincipal.findUnique({
    where: { clusterId_principal: { clusterId, principal } },
    include,
  });
  return row ? toDto(row) : null;
}

/** Declares a principal as a team's: 409 when a team owns it already; Sluice's own principal is never a team's. */
export async function declarePrincipal(
  clusterId: string,
  input: { principal: string; teamId: string; description: string },
  audit: AuditContext,
): Promise<ServicePrincipalDto> {
  getClusterConfigOrThrow(clusterId);
  if (input.principal === sluicePrincipal(clusterId)) {
    throw new ApiError(
      "unprocessable_entity",
      `${input.principal} is the principal Sluice itself connects as; it cannot belong to a team.`,
      [{ path: "principal", issue: "sluice_principal" }],
    );
  }
  const team = await prisma.team.findUnique({ where: { id: input.teamId }, select: { name: true } });
  if (!team) {
    throw new ApiError("unprocessable_entity", "The chosen team does not exist.", [
      { path: "teamId", issue: "not_found" },
    ]);
  }
  const existing = await principalOwner(clusterId, input.principal);
  if (existing) {
    throw new ApiError(
      "conflict",
      `${input.principal} already belongs to team "${existing.team.name}" on this cluster.`,
      [{ path: "principal", issue: "conflict" }],
    );
  }
  return audited(
    { ...audit, clusterId },
    { action: "principal.create", targetType: "principal", target: input.principal },
    async () => {
      try {
        return toDto(
          await prisma.servicePrincipal.create({
            data: { clusterId, ...input, createdBy: audit.actor.email },
            include,
          }),
        );
      } catch (error) {
        if ((error as { code?: string }).code === "P2002") {
          throw new ApiError("conflict", `${input.principal} was declared a moment ago by someone else.`);
        }
        throw error;
      }
    },
    (r) => ({ team: r.team.name }),
  );
}

export async function removePrincipal(
  clusterId: string,
  id: string,
  audit: AuditContext,
): Promise<ServicePrincipalDto> {
  const row = await prisma.servicePrincipal.findUnique({ where: { id }, include });
  if (!row || row.clusterId !== clusterId) {
    throw new ApiError("not_found", `No service principal ${id} on cluster "${clusterId}".`);
  }
  return audited(
    { ...audit, clusterId },
    { action: "principal.delete", targetType: "principal", target: row.principal, before: { team: row.team.name } },
    async () => {
      await prisma.servicePrincipal.delete({ where: { id } });
      return toDto(row);
    },
  );
}
