import "server-only";
import { diffPlan, generatePlan } from "@/lib/replicas/plan";
import type { ReassignmentPlanInput, ReassignmentPreview } from "@/lib/schemas/replicas";
import { getClusterConfigOrThrow } from "@/server/config";
import { ApiError } from "@/server/http/api-error";
import { withDeadline } from "@/server/kafka/deadline";
import {
  checkAssignment,
  checkReplicationFactor,
  describePlacement,
  type BrokerReason,
  type TopicPlacement,
} from "@/server/kafka/reassignment";

/** A plan the cluster refuses: 422 with the broker's own error name and message. */
function refused(reason: BrokerReason, path: string): ApiError {
  return new ApiError("unprocessable_entity", `The cluster refuses this plan (${reason.error}): ${reason.message}`, [
    { path, issue: reason.error },
  ]);
}

/**
 * What a plan would move, checked by the broker first (CreateTopics validateOnly with the same placement), so
 * an unknown broker or a replication factor above the broker count is refused here with the broker's reason.
 */
export async function planReassignment(
  clusterId: string,
  topic: string,
  plan: ReassignmentPlanInput,
): Promise<{ preview: ReassignmentPreview; placement: TopicPlacement }> {
  const placement = await describePlacement(clusterId, topic);
  const current = placement.partitions.map((p) => ({ partition: p.partition, replicas: p.replicas }));
  let target: { partition: number; replicas: number[] }[];
  if (plan.mode === "generate") {
    const brokers = plan.brokers ?? placement.brokers.map((b) => b.id);
    const unknown = brokers.find((b) => !placement.brokers.some((x) => x.id === b));
    if (plan.replicationFactor > brokers.length || unknown !== undefined) {
      // Ask the broker, so the refusal is in its own words: the factor against its registered brokers, or the
      // unknown broker in a manual placement.
      const reason =
        unknown !== undefined
          ? await checkAssignment(clusterId, [{ partition: 0, replicas: [unknown] }])
          : await checkReplicationFactor(clusterId, current.length, plan.replicationFactor);
      if (reason) throw refused(reason, unknown !== undefined ? "plan.brokers" : "plan.replicationFactor");
      throw new ApiError(
        "unprocessable_entity",
        `A replication factor of ${plan.replicationFactor} needs at least ${plan.replicationFactor} brokers; ${brokers.length} are chosen.`,
        [{ path: "plan.replicationFactor", issue: "too_few_brokers" }],
      );
    }
    target = generatePlan(current, brokers, plan.replicationFactor);
  } else {
    const missing = plan.partitions.find((p) => p.partition >= current.length);
    if (missing) {
      throw new ApiError(
        "unprocessable_entity",
        `Topic "${topic}" has no partition ${missing.partition} (it has ${current.length}).`,
        [{ path: "plan.partitions", issue: "unknown_partition" }],
      );
    }
    target = plan.partitions.map((p) => ({ partition: p.partition, replicas: p.replicas }));
  }
  const { moves, unchanged } = diffPlan(current, target);
  if (moves.length) {
    const reason = await checkAssignment(
      clusterId,
      moves.map((m, i) => ({ partition: i, replicas: m.target })),
    );
    if (reason) throw refused(reason, "plan");
  }
  const rfNow = Math.max(0, ...current.map((p) => p.replicas.length));
  const rfAfter = Math.max(
    0,
    ...current.map((p) => (moves.find((m) => m.partition === p.partition)?.target ?? p.replicas).length),
  );
  return {
    placement,
    preview: { topic, brokers: placement.brokers, replicationFactor: { from: rfNow, to: rfAfter }, moves, unchanged },
  };
}

/** The preview route: nothing changes on the cluster. */
export async function previewReassignment(
  clusterId: string,
  topic: string,
  plan: ReassignmentPlanInput,
): Promise<ReassignmentPreview> {
  const cluster = getClusterConfigOrThrow(clusterId);
  return withDeadline(
    20_000,
    `Cluster "${cluster.name}"`,
    async () => (await planReassignment(clusterId, topic, plan)).preview,
  );
}
