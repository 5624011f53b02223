import "server-only";
import { getClusterConfigOrThrow } from "@/server/config";
import { ApiError } from "@/server/http/api-error";
import { withDeadline } from "@/server/kafka/deadline";
import { invalidateGroupSnapshot } from "@/server/kafka/group-snapshot";
import { deleteGroupTopicOffsets } from "@/server/kafka/groups";
import { fetchCommittedOffsets } from "@/server/kafka/group-reads";
import { audited, type AuditContext } from "@/server/services/audit/record-audit";

export type DeleteGroupOffsetsResult = { groupId: string; topic: string; partitions: number[] };

/** Removes one topic's committed offsets from a group (the group and its other topics stay). Audited. */
export async function deleteGroupOffsets(
  clusterId: string,
  groupId: string,
  topic: string,
  audit: AuditContext,
): Promise<DeleteGroupOffsetsResult> {
  const cluster = getClusterConfigOrThrow(clusterId);
  return withDeadline(15_000, `Cluster "${cluster.name}"`, () =>
    (async () => {
      const committed = (await fetchCommittedOffsets(clusterId, groupId)).filter((c) => c.topic === topic);
      if (committed.length === 0) {
        throw new ApiError("not_found", `Group "${groupId}" has no committed offsets on topic "${topic}".`);
      }
      const partitions = committed.map((c) => c.partition).sort((a, b) => a - b);
      return audited(
        { ...audit, clusterId },
        {
          action: "group.offsets_deleted",
          targetType: "consumer_group",
          target: groupId,
          before: { topic, offsets: Object.fromEntries(committed.map((c) => [c.partition, c.offset])) },
        },
        async () => {
          await deleteGroupTopicOffsets(clusterId, groupId, topic, partitions);
          invalidateGroupSnapshot(clusterId);
          return { groupId, topic, partitions };
        },
      );
    })(),
  );
}
