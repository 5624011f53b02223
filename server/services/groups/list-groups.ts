import "server-only";
import type { z } from "zod";
import { severity } from "@/lib/groups/health";
import type { GroupListItem, listGroupsQuerySchema } from "@/lib/schemas/groups";
import { getClusterConfigOrThrow } from "@/server/config";
import { withDeadline } from "@/server/kafka/deadline";
import { assessGroup, assignedPartitions } from "@/server/kafka/group-history";
import { getGroupSnapshot, partitionLag, type GroupSnapshot } from "@/server/kafka/group-snapshot";

type Query = z.output<typeof listGroupsQuerySchema>;

export function toGroupListItem(
  clusterId: string,
  g: GroupSnapshot["groups"][number],
  ends: GroupSnapshot["ends"],
): GroupListItem {
  const topics = [
    ...new Set([...g.committed.map((c) => c.topic), ...g.members.flatMap((m) => m.assignments.map((a) => a.topic))]),
  ].sort();
  // share groups: the broker's lag (a share-partition's start offset is not a committed position); no health rules
  const share = g.type === "share";
  let total: number | null = share ? (g.shareLag ?? null) : 0;
  for (const c of share ? [] : g.committed) {
    const lag = partitionLag(ends, c.topic, c.partition, c.offset);
    total = lag === null || total === null ? null : total + lag;
  }
  const health = assessGroup(clusterId, g.groupId, share ? [] : g.committed, assignedPartitions(g.members));
  return {
    groupId: g.groupId,
    type: g.type,
    state: g.state,
    protocolType: g.protocolType,
    members: g.members.length,
    topics,
    totalLag: total,
    maxLagSeconds: health.maxLagSeconds === null ? null : Math.round(health.maxLagSeconds),
    status: health.status,
    statusRule: health.rule,
    error: g.error,
  };
}

/** Every consumer group with state, members, topics and total lag, from the per-cluster cache; filtered and sorted. */
export async function listGroups(clusterId: string, query: Query) {
  const cluster = getClusterConfigOrThrow(clusterId);
  const snapshot = await withDeadline(20_000, `Cluster "${cluster.name}"`, () => getGroupSnapshot(clusterId));
  const needle = query.q?.toLowerCase();
  const items = snapshot.groups
    .map((g) => toGroupListItem(clusterId, g, snapshot.ends))
    .filter((g) => !needle || g.groupId.toLowerCase().includes(needle));
  const value = (g: GroupListItem) =>
    query.sort === "topics" ? g.topics.length : query.sort === "status" ? severity(g.status) : g[query.sort];
  items.sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va !== vb) {
      if (va === null) return 1;
      if (vb === null) return -1;
      const c = typeof va === "number" && typeof vb === "number" ? va - vb : String(va).localeCompare(String(vb));
      if (c) return query.dir === "asc" ? c : -c;
    }
    return a.groupId.localeCompare(b.groupId);
  });
  const end = query.offset + query.limit;
  return {
    items: items.slice(query.offset, end),
    total: items.length,
    nextOffset: end < items.length ? end : null,
    ageMs: Date.now() - snapshot.at,
  };
}
