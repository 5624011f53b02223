import "server-only";
import { getClusterConfigOrThrow } from "@/server/config";
import { ApiError } from "@/server/http/api-error";
import { withDeadline } from "@/server/kafka/deadline";
import { withAdmin } from "@/server/kafka/registry";
import { invalidateTopicSnapshot } from "@/server/kafka/topic-snapshot";
import { audited, type AuditContext } from "@/server/services/audit/record-audit";
import { getTopicInfoOrThrow } from "./get-topic-or-throw";

/** Raises a topic's partition count; Kafka cannot lower it. */
export async function addPartitions(
  clusterId: string,
  topic: string,
  count: number,
  audit: AuditContext,
): Promise<{ partitions: number }> {
  const cluster = getClusterConfigOrThrow(clusterId);
  return withDeadline(20_000, `Cluster "${cluster.name}"`, async () => {
    const info = await getTopicInfoOrThrow(clusterId, cluster.name, topic);
    const current = info.partitions.length;
    if (count <= current) {
      throw new ApiError(
        "unprocessable_entity",
        `Topic "${topic}" has ${current} partitions; the new count must be more than ${current} (Kafka cannot remove partitions).`,
        [{ path: "count", issue: "not_increasing" }],
      );
    }
    return audited(
      { ...audit, clusterId },
      { action: "topic.partitions_added", targetType: "topic", target: topic, before: { partitions: current } },
      async () => {
        await withAdmin(clusterId, (admin) =>
          admin.createPartitions({ topicPartitions: [{ topic, count }], timeout: 10_000 }),
        );
        invalidateTopicSnapshot(clusterId);
        return { partitions: count };
      },
    );
  });
}
