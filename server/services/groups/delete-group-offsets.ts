import "server-only";
import { getClusterConfigOrThrow } from "@/server/config";
import { ApiError } from "@/server/http/api-error";
import { withDeadline } from "@/server/kafka/deadline";
import { kafkaErrorType } from "@/server/kafka/errors";
import { invalidateGroupSnapshot } from "@/server/kafka/group-snapshot";
import { offsetDelete } from "@/server/kafka/offset-delete";
import { fetchCommittedOffsets } from "@/server/kafka/raw-cluster";
import { withRawCluster } from "@/server/kafka/registry";
import { audited, type AuditContext } from "@/server/services/audit/record-audit";

export type DeleteGroupOffsetsResult = { groupId: string; topic: string; partitions: number[] };

/** Removes one topic's committed offsets from a group (the group and its other topics stay). Audited. */
export async function deleteGroupOffsets(clusterId: string, groupId: string, topic: string, audit: AuditContext): Promise<DeleteGroupOffsetsResult> {
  const cluster = getClusterConfigOrThrow(clusterId);
  return withDeadline(15_000, `Cluster "${cluster.name}"`, () =>
    withRawCluster(clusterId, async (raw) => {
      const committed = (await fetchCommittedOffsets(raw, groupId)).filter((c) => c.topic === topic);
      if (committed.length === 0) throw new ApiError("not_found", `Group "${groupId}" has no committed offsets on topic "${topic}".`);
      const partitions = committed.map((c) => c.partition).sort((a, b) => a - b);
      return audited(
        { ...audit, clusterId },
        { action: "group.offsets_deleted", targetType: "consumer_group", target: groupId, before: { topic, offsets: Object.fromEntries(committed.map((c) => [c.partition, c.offset])) } },
        async () => {
          let result;
          try {
            result = await offsetDelete(raw, groupId, [{ topic, partitions }]);
          } catch (error) {
            if (kafkaErrorType(error) === "GROUP_SUBSCRIBED_TO_TOPIC" || (error as { type?: string }).type === "GROUP_SUBSCRIBED_TO_TOPIC") {
              throw new ApiError("conflict", `Group "${groupId}" has active members subscribed to "${topic}"; Kafka keeps their offsets. Stop those consumers first.`);
            }
            throw error;
          }
          const failed = result.flatMap((t) => t.partitions.filter((p) => p.error));
          if (failed.some((p) => p.error === "GROUP_SUBSCRIBED_TO_TOPIC")) {
            throw new ApiError("conflict", `Group "${groupId}" has active members subscribed to "${topic}"; Kafka keeps their offsets. Stop those consumers first.`);
          }
          if (failed.length) throw new ApiError("internal", `Kafka refused to delete offsets of partitions ${failed.map((p) => `${p.partition} (${p.error})`).join(", ")}.`);
          invalidateGroupSnapshot(clusterId);
          return { groupId, topic, partitions };
        },
      );
    }),
  );
}
