import "server-only";
import type { z } from "zod";
import type { GroupListItem, listGroupsQuerySchema } from "@/lib/schemas/groups";
import { getClusterConfigOrThrow } from "@/server/config";
import { withDeadline } from "@/server/kafka/deadline";
import { getGroupSnapshot, partitionLag, type GroupSnapshot } from "@/server/kafka/group-snapshot";

type Query = z.output<typeof listGroupsQuerySchema>;

export function toGroupListItem(g: GroupSnapshot["groups"][number], ends: GroupSnapshot["ends"]): GroupListItem {
  const topics = [...new Set([...g.committed.map((c) => c.topic), ...g.members.flatMap((m) => m.assignments.map((a) => a.topic))])].sort();
  let total: number | null = 0;
  for (const c of g.committed) {
    const lag = partitionLag(ends, c.topic, c.partition, c.offset);
    total = lag === null || total === null ? null : total + lag;
  }
  return { groupId: g.groupId, state: g.state, protocolType: g.protocolType, members: g.members.length, topics, totalLag: total, error: g.error };
}

/** Every consumer group with state, members, topics and total lag, from the per-cluster cache; filtered and sorted. */
export async function listGroups(clusterId: string, query: Query) {
  const cluster = getClusterConfigOrThrow(clusterId);
  const snapshot = await withDeadline(20_000, `Cluster "${cluster.name}"`, () => getGroupSnapshot(clusterId));
  const needle = query.q?.toLowerCase();
  const items = snapshot.groups.map((g) => toGroupListItem(g, snapshot.ends)).filter((g) => !needle || g.groupId.toLowerCase().includes(needle));
  const value = (g: GroupListItem) => (query.sort === "topics" ? g.topics.length : g[query.sort]);
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
  return { items: items.slice(0, query.limit), total: items.length, ageMs: Date.now() - snapshot.at };
}
