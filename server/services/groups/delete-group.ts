import "server-only";
import { getClusterConfigOrThrow } from "@/server/config";
import { ApiError } from "@/server/http/api-error";
import { withDeadline } from "@/server/kafka/deadline";
import { describeAnyGroup, invalidateGroupSnapshot } from "@/server/kafka/group-snapshot";
import { withAdmin } from "@/server/kafka/registry";
import { audited, type AuditContext } from "@/server/services/audit/record-audit";

/** Deletes a group and its committed offsets; Kafka refuses while it has members (409). */
export async function deleteGroup(
  clusterId: string,
  groupId: string,
  audit: AuditContext,
): Promise<{ deleted: string }> {
  const cluster = getClusterConfigOrThrow(clusterId);
  return withDeadline(15_000, `Cluster "${cluster.name}"`, async () => {
    const d = await describeAnyGroup(clusterId, groupId);
    return withAdmin(clusterId, async (admin) => {
      if (d.state === "Dead") {
        throw new ApiError("not_found", `Consumer group "${groupId}" does not exist on cluster "${cluster.name}".`);
      }
      if (d.members.length) {
        throw new ApiError(
          "conflict",
          `Group "${groupId}" has ${d.members.length} active member(s) (${d.members.map((m) => `${m.clientId}@${m.clientHost}`).join(", ")}); stop them first.`,
        );
      }
      return audited(
        { ...audit, clusterId },
        { action: "group.deleted", targetType: "consumer_group", target: groupId, before: { state: d.state } },
        async () => {
          await admin.deleteGroups([groupId]);
          invalidateGroupSnapshot(clusterId);
          return { deleted: groupId };
        },
      );
    });
  });
}
