import "server-only";
import { AssignerProtocol, type GroupDescription } from "kafkajs";
import { fetchCommittedOffsets, fetchOffsetsByLeader, type PartitionOffsets } from "./raw-cluster";
import { withAdmin, withRawCluster } from "./registry";
import { getTopicSnapshot } from "./topic-snapshot";
import { mapLimit } from "./map-limit";

export type MemberInfo = { memberId: string; clientId: string; clientHost: string; assignments: { topic: string; partitions: number[] }[] };
export type GroupInfo = {
  groupId: string;
  state: string;
  protocolType: string;
  protocol: string;
  members: MemberInfo[];
  committed: { topic: string; partition: number; offset: string }[];
  error: string | null;
};
export type GroupSnapshot = { at: number; groups: GroupInfo[]; ends: Map<string, Map<number, PartitionOffsets>> };

const FRESH_MS = 10_000;
const CONCURRENCY = 8;
const g = globalThis as unknown as { __sluiceGroupSnapshots?: Map<string, { snapshot?: GroupSnapshot; refreshing?: Promise<GroupSnapshot> }> };
const states = (g.__sluiceGroupSnapshots ??= new Map());

export function decodeMembers(d: GroupDescription): MemberInfo[] {
  return d.members.map((m) => {
    let assignments: MemberInfo["assignments"] = [];
    try {
      const decoded = d.protocolType === "consumer" && m.memberAssignment?.length ? AssignerProtocol.MemberAssignment.decode(m.memberAssignment) : null;
      assignments = Object.entries(decoded?.assignment ?? {}).map(([topic, partitions]) => ({ topic, partitions: [...partitions].sort((a, b) => a - b) }));
    } catch {
      assignments = [];
    }
    return { memberId: m.memberId, clientId: m.clientId, clientHost: m.clientHost, assignments };
  });
}

/**
 * Every consumer group with members and committed offsets: one ListGroups, DescribeGroups batched per
 * coordinator, one OffsetFetch per group (8 in flight) and one batched ListOffsets round for the end offsets.
 */
async function build(clusterId: string): Promise<GroupSnapshot> {
  const { descriptions } = await withAdmin(clusterId, async (admin) => {
    const { groups } = await admin.listGroups();
    const ids = groups.filter((x) => x.protocolType === "consumer" || x.protocolType === "").map((x) => x.groupId);
    const descriptions = ids.length ? (await admin.describeGroups(ids)).groups : [];
    return { descriptions };
  });
  const groups = await withRawCluster(clusterId, (cluster) =>
    mapLimit(descriptions, CONCURRENCY, async (d): Promise<GroupInfo> => {
      const base = { groupId: d.groupId, state: d.state, protocolType: d.protocolType || "consumer", protocol: d.protocol, members: decodeMembers(d) };
      try {
        return { ...base, committed: await fetchCommittedOffsets(cluster, d.groupId), error: null };
      } catch (e) {
        return { ...base, committed: [], error: e instanceof Error ? e.message : String(e) };
      }
    }),
  );
  const topics = await getTopicSnapshot(clusterId);
  const wanted = new Set(groups.flatMap((x) => [...x.committed.map((c) => c.topic), ...x.members.flatMap((m) => m.assignments.map((a) => a.topic))]));
  const parts = [...wanted].flatMap((t) => topics.byName.get(t)?.partitions.map((p) => ({ topic: t, partition: p.partition, leader: p.leader })) ?? []);
  const ends = await withRawCluster(clusterId, (c) => fetchOffsetsByLeader(c, parts)).catch(() => new Map<string, Map<number, PartitionOffsets>>());
  return { at: Date.now(), groups: groups.sort((a, b) => a.groupId.localeCompare(b.groupId)), ends };
}

/** The cluster's groups with lag inputs, cached for 10 s; one refresh at a time per cluster. */
export async function getGroupSnapshot(clusterId: string): Promise<GroupSnapshot> {
  let state = states.get(clusterId);
  if (!state) states.set(clusterId, (state = {}));
  if (state.snapshot && Date.now() - state.snapshot.at < FRESH_MS) return state.snapshot;
  if (!state.refreshing) {
    const p: Promise<GroupSnapshot> = build(clusterId)
      .then((s) => {
        if (state.refreshing === p) state.snapshot = s;
        return s;
      })
      .finally(() => {
        if (state.refreshing === p) state.refreshing = undefined;
      });
    state.refreshing = p;
  }
  return state.refreshing;
}

export function invalidateGroupSnapshot(clusterId: string): void {
  const state = states.get(clusterId);
  if (!state) return;
  state.snapshot = undefined;
  state.refreshing = undefined;
}

/** Lag of one committed partition: end − committed, never negative; null when the end is unknown. */
export function partitionLag(ends: GroupSnapshot["ends"], topic: string, partition: number, committed: string | null): number | null {
  const end = ends.get(topic)?.get(partition)?.end;
  if (end === undefined || committed === null) return null;
  const lag = BigInt(end) - BigInt(committed);
  return lag > 0n ? Number(lag) : 0;
}
