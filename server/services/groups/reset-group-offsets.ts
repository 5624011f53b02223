import "server-only";
import type { z } from "zod";
import type { ResetPreview, resetOffsetsBodySchema } from "@/lib/schemas/groups";
import { getClusterConfigOrThrow } from "@/server/config";
import { ApiError } from "@/server/http/api-error";
import { withDeadline } from "@/server/kafka/deadline";
import { partitionKey } from "@/server/kafka/group-history";
import { commitGroupOffsets } from "@/server/kafka/groups";
import { describeAnyGroup, invalidateGroupSnapshot } from "@/server/kafka/group-snapshot";
import { fetchCommittedOffsets } from "@/server/kafka/group-reads";
import { fetchOffsetsByLeader, type PartitionOffsets } from "@/server/kafka/offsets";
import { withAdmin } from "@/server/kafka/registry";
import { audited, type AuditContext } from "@/server/services/audit/record-audit";
import { getTopicInfoOrThrow } from "@/server/services/topics/get-topic-or-throw";

type Input = z.output<typeof resetOffsetsBodySchema>;
type Target = Input["to"];

const clamp = (v: bigint, lo: bigint, hi: bigint) => (v < lo ? lo : v > hi ? hi : v);

/** The new offset of one partition for a target; pure, so it is unit-tested. `byTimestamp` is the broker's answer for that partition. */
export function nextOffset(to: Target, o: PartitionOffsets, current: string | null, byTimestamp?: string): string {
  const start = BigInt(o.start);
  const end = BigInt(o.end);
  switch (to.type) {
    case "earliest":
      return o.start;
    case "latest":
      return o.end;
    case "timestamp":
      return byTimestamp === undefined || BigInt(byTimestamp) < 0n
        ? o.end
        : String(clamp(BigInt(byTimestamp), start, end));
    case "offset": {
      const v = BigInt(to.offset);
      if (v >= start && v <= end) return to.offset;
      if (to.clamp) return String(clamp(v, start, end));
      throw new ApiError(
        "unprocessable_entity",
        `Offset ${to.offset} is outside the partition's range ${o.start}–${o.end}. Choose an offset inside it, or clamp to move to the nearest end.`,
        [{ path: "to.offset", issue: "out_of_range" }],
      );
    }
    case "shift": {
      const from = BigInt(current ?? o.start);
      const v = from + BigInt(to.by);
      if (v >= start && v <= end) return String(v);
      if (to.clamp) return String(clamp(v, start, end));
      throw new ApiError(
        "unprocessable_entity",
        `Shifting offset ${from} by ${to.by} gives ${v}, outside the partition's range ${o.start}–${o.end}. Shift less, or clamp to stop at the nearest end.`,
        [{ path: "to.by", issue: "out_of_range" }],
      );
    }
  }
}

/**
 * Moves a group's committed offsets (earliest, latest, timestamp, offset, shift ±N). Always computable as a
 * dry run; applied only while the group has no active members, as Kafka requires.
 */
export async function resetGroupOffsets(
  clusterId: string,
  groupId: string,
  input: Input,
  opts: { dryRun: boolean; audit: AuditContext },
): Promise<ResetPreview> {
  const cluster = getClusterConfigOrThrow(clusterId);
  return withDeadline(20_000, `Cluster "${cluster.name}"`, async () => {
    // Both group types: the broker refuses offset commits from outside while a group has members.
    const d = await describeAnyGroup(clusterId, groupId);
    if (!opts.dryRun && d.members.length > 0) {
      const who = d.members.map((m) => `${m.clientId}@${m.clientHost}`).join(", ");
      throw new ApiError(
        "conflict",
        `Group "${groupId}" has ${d.members.length} active member(s) (${who}); stop its consumers first, then reset.`,
        [{ path: "groupId", issue: "has_active_members" }],
      );
    }
    const { plan, current } = await (async () => {
      const infos = await Promise.all(input.topics.map((t) => getTopicInfoOrThrow(clusterId, cluster.name, t.topic)));
      const plan = input.topics.flatMap((t, i) => {
        const known = new Set(infos[i].partitions.map((p) => p.partition));
        const wanted = t.partitions ?? [...known];
        const missing = wanted.filter((p) => !known.has(p));
        if (missing.length) {
          throw new ApiError("unprocessable_entity", `Topic "${t.topic}" has no partition ${missing.join(", ")}.`, [
            { path: "topics", issue: "unknown_partition" },
          ]);
        }
        return wanted.map((p) => ({
          topic: t.topic,
          partition: p,
          leader: infos[i].partitions.find((x) => x.partition === p)!.leader,
        }));
      });
      const offsets = await fetchOffsetsByLeader(clusterId, plan);
      const committed = await fetchCommittedOffsets(clusterId, groupId);
      return {
        plan: plan.map((p) => ({ ...p, offsets: offsets.get(p.topic)!.get(p.partition)! })),
        current: new Map(committed.map((x) => [partitionKey(x.topic, x.partition), x.offset])),
      };
    })();
    const byTs = new Map<string, string>();
    if (input.to.type === "timestamp") {
      const ts = input.to.timestamp;
      await withAdmin(clusterId, async (admin) => {
        for (const topic of new Set(plan.map((p) => p.topic))) {
          for (const r of await admin.fetchTopicOffsetsByTimestamp(topic, ts)) {
            byTs.set(partitionKey(topic, r.partition), r.offset);
          }
        }
      });
    }
    const partitions = plan.map((p) => {
      const key = partitionKey(p.topic, p.partition);
      const cur = current.get(key) ?? null;
      const next = nextOffset(input.to, p.offsets, cur, byTs.get(key));
      const ts = byTs.get(key);
      const note =
        // kafkajs answers the log end (not -1) when no record is at or after the timestamp
        input.to.type === "timestamp" && (ts === undefined || BigInt(ts) < 0n || ts === p.offsets.end)
          ? "no record at or after that time: moves to the end (only records produced later will be read)"
          : (input.to.type === "offset" || input.to.type === "shift") &&
              input.to.clamp &&
              (next === p.offsets.start || next === p.offsets.end) &&
              next !==
                (input.to.type === "offset"
                  ? input.to.offset
                  : String(BigInt(cur ?? p.offsets.start) + BigInt(input.to.by)))
            ? `clamped to the partition's range ${p.offsets.start}–${p.offsets.end}`
            : undefined;
      return {
        topic: p.topic,
        partition: p.partition,
        current: cur,
        next,
        lagAfter: Number(BigInt(p.offsets.end) - BigInt(next)),
        ...(note ? { note } : {}),
      };
    });
    if (opts.dryRun) return { dryRun: true, partitions };
    return audited(
      { ...opts.audit, clusterId },
      {
        action: "group.offsets_reset",
        targetType: "consumer_group",
        target: groupId,
        before: Object.fromEntries(partitions.map((p) => [`${p.topic}:${p.partition}`, p.current])),
      },
      async () => {
        await commitGroupOffsets(
          clusterId,
          groupId,
          partitions.map((p) => ({ topic: p.topic, partition: p.partition, offset: p.next })),
        );
        invalidateGroupSnapshot(clusterId);
        return { dryRun: false, partitions };
      },
      (r) => Object.fromEntries(r.partitions.map((p) => [`${p.topic}:${p.partition}`, p.next])),
    );
  });
}
