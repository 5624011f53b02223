import "server-only";
import { getClusterConfigOrThrow } from "@/server/config";
import { ApiError } from "@/server/http/api-error";
import { withDeadline } from "@/server/kafka/deadline";
import { alterReassignments, describePlacement, listReassignments } from "@/server/kafka/reassignment";
import { invalidateTopicSnapshot } from "@/server/kafka/topic-snapshot";
import { audited, type AuditContext } from "@/server/services/audit/record-audit";
import { finishThrottle } from "./reassignment-status";

/**
 * Cancels the topic's reassignments in progress: Kafka returns each partition to its replicas from before the
 * reassignment (added replicas are dropped). The throttle is removed with it.
 */
export async function cancelReassignment(
  clusterId: string,
  topic: string,
  audit: AuditContext,
): Promise<{ cancelled: number[]; throttleLeftOn: number[] }> {
  const cluster = getClusterConfigOrThrow(clusterId);
  return withDeadline(30_000, `Cluster "${cluster.name}"`, async () => {
    const placement = await describePlacement(clusterId, topic);
    const ongoing = await listReassignments(clusterId, [
      { topic, partitions: placement.partitions.map((p) => p.partition) },
    ]);
    if (!ongoing.length) throw new ApiError("conflict", `No reassignment of "${topic}" is in progress.`);
    return audited(
      { ...audit, clusterId },
      { action: "topic.reassignment_cancelled", targetType: "topic", target: topic, before: { partitions: ongoing } },
      async () => {
        await alterReassignments(
          clusterId,
          topic,
          ongoing.map((o) => ({ partition: o.partition, replicas: null })),
        );
        invalidateTopicSnapshot(clusterId);
        const left = await finishThrottle(
          clusterId,
          topic,
          placement.brokers.map((b) => b.id),
          true,
        );
        return { cancelled: ongoing.map((o) => o.partition), throttleLeftOn: left };
      },
    );
  });
}
