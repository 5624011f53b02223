import "server-only";
import { grantsRead } from "@/lib/requests/access-grants";
import type { AccessSpec, CreateSpec } from "@/lib/schemas/requests";
import { ownsName, roleOn, type Actor } from "@/server/auth/permissions";
import { getClusterConfigOrThrow } from "@/server/config";
import { prisma } from "@/server/db/prisma";

/**
 * With `messages.readScope: owned`, Sluice's own record reads follow the grants teams hold on the broker: below
 * admin, a user reads, searches, tails and exports records only of topics their teams own or hold a live
 * (provisioned, not revoked) access grant with READ for. Other topics keep their metadata pages. Returns why
 * not, or null when the read is allowed.
 */
export async function whyCannotReadRecords(actor: Actor, clusterId: string, topic: string): Promise<string | null> {
  if (getClusterConfigOrThrow(clusterId).messages.readScope !== "owned") return null;
  if (roleOn(actor, clusterId) === "admin" || ownsName(actor, topic)) return null;
  const teamIds = actor.teams.map((t) => t.id);
  if (teamIds.length) {
    const grants = await prisma.topicRequest.findMany({
      where: {
        clusterId,
        kind: { in: ["access", "create"] },
        status: "PROVISIONED",
        revokedAt: null,
        teamId: { in: teamIds },
      },
      select: { spec: true },
      take: 5000,
    });
    if (grants.some((g) => grantsRead((JSON.parse(g.spec) as AccessSpec | CreateSpec).bindings ?? [], topic))) {
      return null;
    }
  }
  return `Records of "${topic}" are readable only by the teams that own it or hold an approved access grant for it (this cluster reads records by grant: messages.readScope is "owned"). Request read access for one of your team's principals.`;
}
