import "server-only";
import type { z } from "zod";
import type { purgeTopicBodySchema } from "@/lib/schemas/topics";
import { getClusterConfigOrThrow } from "@/server/config";
import { ApiError } from "@/server/http/api-error";
import { withDeadline } from "@/server/kafka/deadline";
import { fetchOffsetsByLeader } from "@/server/kafka/offsets";
import { withAdmin } from "@/server/kafka/registry";
import { invalidateTopicSnapshot } from "@/server/kafka/topic-snapshot";
import { audited, type AuditContext } from "@/server/services/audit/record-audit";
import { getTopicInfoOrThrow } from "./get-topic-or-throw";

type Input = z.output<typeof purgeTopicBodySchema>;
type Result = { partitions: { partition: number; before: string; after: string; deleted: number }[] };

/** Deletes records up to an offset per partition (or everything), after checking each offset against the log. */
export async function purgeTopic(clusterId: string, topic: string, input: Input, audit: AuditContext): Promise<Result> {
  const cluster = getClusterConfigOrThrow(clusterId);
  return withDeadline(30_000, `Cluster "${cluster.name}"`, async () => {
    const info = await getTopicInfoOrThrow(clusterId, cluster.name, topic);
    const offsets =
      (
        await fetchOffsetsByLeader(
          clusterId,
          info.partitions.map((p) => ({ topic, partition: p.partition, leader: p.leader })),
        )
      ).get(topic) ?? new Map();
    const targets =
      "all" in input
        ? info.partitions.map((p) => ({ partition: p.partition, offset: offsets.get(p.partition)?.end ?? "0" }))
        : input.partitions.map(({ partition, offset }) => {
            const o = offsets.get(partition);
            if (!o) {
              throw new ApiError(
                "unprocessable_entity",
                `Topic "${topic}" has no partition ${partition} (it has ${info.partitions.length}).`,
                [{ path: "partitions", issue: "unknown_partition" }],
              );
            }
            if (BigInt(offset) > BigInt(o.end)) {
              throw new ApiError(
                "unprocessable_entity",
                `Partition ${partition}: offset ${offset} is past the end offset ${o.end}; purge up to ${o.end} at most.`,
                [{ path: "partitions", issue: "past_end" }],
              );
            }
            return { partition, offset };
          });
    const plan = targets.map((t) => {
      const before = offsets.get(t.partition)?.start ?? "0";
      const after = BigInt(t.offset) > BigInt(before) ? t.offset : before;
      return { partition: t.partition, before, after, deleted: Number(BigInt(after) - BigInt(before)) };
    });
    return audited(
      { ...audit, clusterId },
      {
        action: "topic.purged",
        targetType: "topic",
        target: topic,
        before: { startOffsets: Object.fromEntries(plan.map((p) => [p.partition, p.before])) },
      },
      async () => {
        const todo = plan.filter((p) => p.deleted > 0);
        if (todo.length) {
          await withAdmin(clusterId, (admin) =>
            admin.deleteTopicRecords({
              topic,
              partitions: todo.map((p) => ({ partition: p.partition, offset: p.after })),
            }),
          );
        }
        invalidateTopicSnapshot(clusterId);
        return { partitions: plan };
      },
    );
  });
}
