import "server-only";
import { DEFAULT_POLICY } from "@/lib/requests/policy";
import type { Policy } from "@/lib/schemas/requests";
import { getClusterConfigOrThrow } from "@/server/config";
import { prisma } from "@/server/db/prisma";
import { audited, type AuditContext } from "@/server/services/audit/record-audit";

/** The cluster's topic-request policy (the defaults until an admin saves one). */
export async function getPolicy(
  clusterId: string,
): Promise<Policy & { updatedAt: string | null; updatedBy: string | null }> {
  getClusterConfigOrThrow(clusterId);
  const row = await prisma.topicPolicy.findUnique({ where: { clusterId } });
  if (!row) return { ...DEFAULT_POLICY, updatedAt: null, updatedBy: null };
  return {
    namePattern: row.namePattern,
    requireTeamPrefix: row.requireTeamPrefix,
    minPartitions: row.minPartitions,
    maxPartitions: row.maxPartitions,
    minReplication: row.minReplication,
    maxReplication: row.maxReplication,
    minRetentionMs: row.minRetentionMs,
    maxRetentionMs: row.maxRetentionMs,
    requiredConfigs: JSON.parse(row.requiredConfigs) as string[],
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedBy,
  };
}

export async function setPolicy(clusterId: string, policy: Policy, audit: AuditContext) {
  const before = await getPolicy(clusterId);
  const data = { ...policy, requiredConfigs: JSON.stringify(policy.requiredConfigs), updatedBy: audit.actor.email };
  await audited(
    { ...audit, clusterId },
    { action: "policy.updated", targetType: "policy", target: clusterId, before },
    () => prisma.topicPolicy.upsert({ where: { clusterId }, create: { clusterId, ...data }, update: data }),
    () => policy,
  );
  return getPolicy(clusterId);
}
