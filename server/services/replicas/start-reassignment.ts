import "server-only";
import type { ReassignmentPlanInput, ReassignmentStarted } from "@/lib/schemas/replicas";
import { getClusterConfigOrThrow } from "@/server/config";
import { ApiError } from "@/server/http/api-error";
import { withDeadline } from "@/server/kafka/deadline";
import {
  alterReassignments,
  clearReassignmentThrottle,
  listReassignments,
  setReassignmentThrottle,
} from "@/server/kafka/reassignment";
import { invalidateTopicSnapshot } from "@/server/kafka/topic-snapshot";
import { audited, type AuditContext } from "@/server/services/audit/record-audit";
import { planReassignment } from "./preview-reassignment";

/**
 * Starts a reassignment of one topic's partitions: the plan is checked as in the preview, refused while another
 * reassignment of the topic runs, then the throttle (if asked) is set before the controller is told to move.
 */
export async function startReassignment(
  clusterId: string,
  topic: string,
  input: { plan: ReassignmentPlanInput; throttleBytesPerSecond?: number },
  audit: AuditContext,
): Promise<ReassignmentStarted> {
  const cluster = getClusterConfigOrThrow(clusterId);
  return withDeadline(30_000, `Cluster "${cluster.name}"`, async () => {
    const { preview, placement } = await planReassignment(clusterId, topic, input.plan);
    if (!preview.moves.length) {
      throw new ApiError(
        "unprocessable_entity",
        `The plan changes nothing: every partition of "${topic}" already has these replicas.`,
        [{ path: "plan", issue: "no_change" }],
      );
    }
    const ongoing = await listReassignments(clusterId, [
      { topic, partitions: placement.partitions.map((p) => p.partition) },
    ]);
    if (ongoing.length) {
      throw new ApiError(
        "conflict",
        `A reassignment of "${topic}" is already in progress (${ongoing.length} partition${ongoing.length === 1 ? "" : "s"}); wait for it or cancel it first.`,
      );
    }
    const throttle = input.throttleBytesPerSecond ?? null;
    return audited(
      { ...audit, clusterId },
      {
        action: "topic.reassignment_started",
        targetType: "topic",
        target: topic,
        before: { partitions: preview.moves.map((m) => ({ partition: m.partition, replicas: m.current })) },
      },
      async () => {
        if (throttle) await setReassignmentThrottle(clusterId, topic, throttle, preview.moves);
        try {
          await alterReassignments(
            clusterId,
            topic,
            preview.moves.map((m) => ({ partition: m.partition, replicas: m.target })),
          );
        } catch (error) {
          if (throttle) {
            await clearReassignmentThrottle(clusterId, topic, [
              ...new Set(preview.moves.flatMap((m) => [...m.current, ...m.target])),
            ]).catch(() => {});
          }
          throw error;
        }
        invalidateTopicSnapshot(clusterId);
        return { ...preview, throttleBytesPerSecond: throttle };
      },
      (r) => ({
        partitions: r.moves.map((m) => ({ partition: m.partition, replicas: m.target })),
        throttleBytesPerSecond: r.throttleBytesPerSecond,
      }),
    );
  });
}
