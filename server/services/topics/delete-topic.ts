import "server-only";
import { getClusterConfigOrThrow } from "@/server/config";
import { withDeadline } from "@/server/kafka/deadline";
import { withAdmin } from "@/server/kafka/registry";
import { invalidateTopicSnapshot } from "@/server/kafka/topic-snapshot";
import { audited, type AuditContext } from "@/server/services/audit/record-audit";
import { getTopicInfoOrThrow } from "./get-topic-or-throw";

export async function deleteTopic(clusterId: string, topic: string, audit: AuditContext): Promise<{ deleted: string }> {
  const cluster = getClusterConfigOrThrow(clusterId);
  return withDeadline(20_000, `Cluster "${cluster.name}"`, async () => {
    const info = await getTopicInfoOrThrow(clusterId, cluster.name, topic);
    return audited(
      { ...audit, clusterId },
      {
        action: "topic.deleted",
        targetType: "topic",
        target: topic,
        before: { partitions: info.partitions.length, replicationFactor: info.replicationFactor },
      },
      async () => {
        await withAdmin(clusterId, (admin) => admin.deleteTopics({ topics: [topic], timeout: 10_000 }));
        invalidateTopicSnapshot(clusterId);
        return { deleted: topic };
      },
    );
  });
}
