import "server-only";
import type { ElectLeadersResult } from "@/lib/schemas/replicas";
import { getClusterConfigOrThrow } from "@/server/config";
import { withDeadline } from "@/server/kafka/deadline";
import { describePlacement, electPreferredLeaders } from "@/server/kafka/reassignment";
import { invalidateTopicSnapshot } from "@/server/kafka/topic-snapshot";
import { audited, type AuditContext } from "@/server/services/audit/record-audit";

/**
 * Moves leadership back to each partition's preferred replica (the first of its replica list), for one topic or
 * for every partition of the cluster. Partitions already led by it are counted as such, not as failures.
 */
export async function electLeaders(
  clusterId: string,
  topic: string | undefined,
  audit: AuditContext,
): Promise<ElectLeadersResult> {
  const cluster = getClusterConfigOrThrow(clusterId);
  return withDeadline(30_000, `Cluster "${cluster.name}"`, async () => {
    const partitions = topic
      ? [{ topic, partitions: (await describePlacement(clusterId, topic)).partitions.map((p) => p.partition) }]
      : null;
    return audited(
      { ...audit, clusterId },
      topic
        ? { action: "topic.leaders_elected", targetType: "topic", target: topic }
        : { action: "cluster.leaders_elected", targetType: "cluster", target: clusterId },
      async () => {
        const result = await electPreferredLeaders(clusterId, partitions);
        invalidateTopicSnapshot(clusterId);
        return result;
      },
    );
  });
}
