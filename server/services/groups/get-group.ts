import "server-only";
import type { GroupDetail } from "@/lib/schemas/groups";
import { getClusterConfigOrThrow } from "@/server/config";
import { ApiError } from "@/server/http/api-error";
import { withDeadline } from "@/server/kafka/deadline";
import { assessGroup, assignedPartitions, partitionKey, recordGroupObservations } from "@/server/kafka/group-history";
import { describeAnyGroup, getGroupSnapshot, partitionLag } from "@/server/kafka/group-snapshot";
import { fetchCommittedOffsets } from "@/server/kafka/group-reads";
import { fetchMetadata } from "@/server/kafka/metadata";
import { fetchOffsetsByLeader } from "@/server/kafka/offsets";

/** A group read fresh from the broker: members with assignments, and every committed or assigned partition with lag. */
export async function getGroup(clusterId: string, groupId: string): Promise<GroupDetail> {
  const cluster = getClusterConfigOrThrow(clusterId);
  return withDeadline(10_000, `Cluster "${cluster.name}"`, async () => {
    const d = await describeAnyGroup(clusterId, groupId);
    const members = d.members;
    const { committed, ends } = await (async () => {
      const committed = await fetchCommittedOffsets(clusterId, groupId);
      if (d.state === "Dead" && committed.length === 0) {
        throw new ApiError("not_found", `Consumer group "${groupId}" does not exist on cluster "${cluster.name}".`);
      }
      const topics = [
        ...new Set([...committed.map((x) => x.topic), ...members.flatMap((m) => m.assignments.map((a) => a.topic))]),
      ];
      const meta = topics.length ? await fetchMetadata(clusterId, topics) : { topicMetadata: [] };
      const parts = meta.topicMetadata.flatMap((t) =>
        t.partitionMetadata.map((p) => ({ topic: t.topic, partition: p.partitionId, leader: p.leader })),
      );
      return { committed, ends: await fetchOffsetsByLeader(clusterId, parts) };
    })();
    // This fresh read joins the group's history; the background refresh keeps the rest of it coming.
    recordGroupObservations(clusterId, Date.now(), [{ groupId, committed }], ends, false);
    void getGroupSnapshot(clusterId).catch(() => {});
    const health = assessGroup(clusterId, groupId, committed, assignedPartitions(members));
    const ownerOf = new Map<string, { memberId: string; clientId: string }>();
    const keys = new Map<string, { topic: string; partition: number; offset: string | null }>();
    for (const c of committed) keys.set(partitionKey(c.topic, c.partition), c);
    for (const m of members) {
      for (const a of m.assignments) {
        for (const partition of a.partitions) {
          const k = partitionKey(a.topic, partition);
          ownerOf.set(k, m);
          if (!keys.has(k)) keys.set(k, { topic: a.topic, partition, offset: null });
        }
      }
    }
    const partitions = [...keys.entries()]
      .map(([k, c]) => ({
        topic: c.topic,
        partition: c.partition,
        committedOffset: c.offset,
        endOffset: ends.get(c.topic)?.get(c.partition)?.end ?? null,
        lag: partitionLag(ends, c.topic, c.partition, c.offset),
        memberId: ownerOf.get(k)?.memberId ?? null,
        clientId: ownerOf.get(k)?.clientId ?? null,
        lagSeconds: health.partitions.get(k)?.lagSeconds ?? null,
        lagSecondsExtrapolated: health.partitions.get(k)?.lagSecondsExtrapolated ?? false,
        status: health.partitions.get(k)?.status ?? null,
        statusRule: health.partitions.get(k)?.rule ?? null,
      }))
      .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
    const lags = partitions.filter((p) => p.committedOffset !== null).map((p) => p.lag);
    return {
      groupId,
      type: d.type,
      state: d.state,
      protocolType: d.protocolType || "consumer",
      protocol: d.protocol,
      groupEpoch: d.groupEpoch,
      assignmentEpoch: d.assignmentEpoch,
      assignor: d.assignor,
      members,
      partitions,
      totalLag: lags.some((l) => l === null) ? null : lags.reduce<number>((n, l) => n + (l ?? 0), 0),
      maxLagSeconds: health.maxLagSeconds,
      status: health.status,
      statusRule: health.rule,
      catchUpSeconds: health.catchUpSeconds,
      catchUpReason: health.catchUpReason ?? null,
    };
  });
}
