import "server-only";
import { perCluster } from "@/server/process-state";
import { AssignerProtocol, type GroupDescription } from "kafkajs";
import { describeGroupsBatched, fetchCommittedOffsetsMany } from "./group-reads";
import { fetchOffsetsByLeader, type PartitionOffsets } from "./offsets";
import { withAdmin } from "./registry";
import { getTopicSnapshot } from "./topic-snapshot";
import { recordGroupObservations } from "./group-history";
import { describeConsumerProtocolGroups, listGroupsWithType, type ConsumerProtocolGroup } from "./groups";
import { describeShareGroupOffsets, describeShareGroups, type ShareGroup } from "./share-groups";

type Assignment = { topic: string; partitions: number[] };
/** A member of either group type; the fields after `assignments` are null for classic groups (the protocol has no such notion). */
export type MemberInfo = {
  memberId: string;
  clientId: string;
  clientHost: string;
  assignments: Assignment[];
  instanceId: string | null;
  memberEpoch: number | null;
  subscribedTopics: string[] | null;
  subscribedTopicRegex: string | null;
  targetAssignments: Assignment[] | null;
};
/** A group as described by its protocol: classic (DescribeGroups), consumer (KIP-848, ConsumerGroupDescribe) or share (KIP-932, ShareGroupDescribe). */
export type GroupDescribed = {
  groupId: string;
  type: "classic" | "consumer" | "share";
  state: string;
  protocolType: string;
  protocol: string;
  members: MemberInfo[];
  /** consumer-protocol groups only */
  groupEpoch: number | null;
  assignmentEpoch: number | null;
  assignor: string | null;
};
export type GroupInfo = GroupDescribed & {
  committed: { topic: string; partition: number; offset: string }[];
  error: string | null;
  /** share groups: Σ the broker's per-partition lag (null where it cannot tell); their `committed` are start offsets */
  shareLag?: number | null;
};
export type GroupSnapshot = { at: number; groups: GroupInfo[]; ends: Map<string, Map<number, PartitionOffsets>> };

const FRESH_MS = Number(process.env.SLUICE_GROUP_REFRESH_MS ?? 10_000);
const states = perCluster<{ snapshot?: GroupSnapshot; refreshing?: Promise<GroupSnapshot> }>("GroupSnapshots");

export function decodeMembers(d: GroupDescription): MemberInfo[] {
  return d.members.map((m) => {
    let assignments: MemberInfo["assignments"] = [];
    try {
      const decoded =
        d.protocolType === "consumer" && m.memberAssignment?.length
          ? AssignerProtocol.MemberAssignment.decode(m.memberAssignment)
          : null;
      assignments = Object.entries(decoded?.assignment ?? {}).map(([topic, partitions]) => ({
        topic,
        partitions: [...partitions].sort((a, b) => a - b),
      }));
    } catch {
      assignments = [];
    }
    return {
      memberId: m.memberId,
      clientId: m.clientId,
      clientHost: m.clientHost,
      assignments,
      instanceId: null,
      memberEpoch: null,
      subscribedTopics: null,
      subscribedTopicRegex: null,
      targetAssignments: null,
    };
  });
}

function fromClassic(d: GroupDescription): GroupDescribed {
  return {
    groupId: d.groupId,
    type: "classic",
    state: d.state,
    protocolType: d.protocolType || "consumer",
    protocol: d.protocol,
    members: decodeMembers(d),
    groupEpoch: null,
    assignmentEpoch: null,
    assignor: null,
  };
}

function fromConsumerProtocol(d: ConsumerProtocolGroup): GroupDescribed {
  return {
    groupId: d.groupId,
    type: "consumer",
    state: d.state,
    protocolType: "consumer",
    protocol: d.assignor,
    members: d.members,
    groupEpoch: d.groupEpoch,
    assignmentEpoch: d.assignmentEpoch,
    assignor: d.assignor,
  };
}

/** A share group in the list: its members' assignments; its "committed" offsets are the share-partition start offsets. */
function fromShare(d: ShareGroup): GroupDescribed {
  const members = d.members.map((m) => ({
    ...m,
    instanceId: null,
    subscribedTopicRegex: null,
    targetAssignments: null,
  }));
  return {
    groupId: d.groupId,
    type: "share",
    state: d.state,
    protocolType: "share",
    protocol: d.assignor,
    members,
    groupEpoch: d.groupEpoch,
    assignmentEpoch: d.assignmentEpoch,
    assignor: d.assignor,
  };
}

/**
 * One group, whatever its type. Classic DescribeGroups answers Dead with no members for a consumer-protocol group,
 * so such an answer is checked with ConsumerGroupDescribe. Dead means the group does not exist (or has no state).
 */
export async function describeAnyGroup(clusterId: string, groupId: string): Promise<GroupDescribed> {
  const { groups } = await withAdmin(clusterId, (admin) => admin.describeGroups([groupId]));
  const classic = fromClassic(
    groups[0] ?? { groupId, state: "Dead", protocolType: "", protocol: "", members: [], errorCode: 0 },
  );
  if (classic.state !== "Dead" || classic.members.length) return classic;
  const modern = (await describeConsumerProtocolGroups(clusterId, [groupId])).get(groupId);
  return modern ? fromConsumerProtocol(modern) : classic;
}

/**
 * Every consumer group with members and committed offsets: one ListGroups (v5, with group types), DescribeGroups
 * batched per coordinator for classic groups, ConsumerGroupDescribe batched per coordinator for consumer-protocol
 * groups, OffsetFetch v8+ for many groups per request (per coordinator) and one batched ListOffsets round for the end offsets.
 * Group coordinators are looked up once and reused by later refreshes (FindCoordinator is one request per group).
 */
async function build(clusterId: string): Promise<GroupSnapshot> {
  const listed = await listGroupsWithType(clusterId);
  const ids = listed
    .filter((x) => x.type === "classic" && (x.protocolType === "consumer" || x.protocolType === ""))
    .map((x) => x.groupId);
  const modernIds = listed.filter((x) => x.type === "consumer").map((x) => x.groupId);
  const shareIds = listed.filter((x) => x.type === "share").map((x) => x.groupId);
  const [classic, modern, share, shareOffsets] = await Promise.all([
    describeGroupsBatched(clusterId, ids),
    describeConsumerProtocolGroups(clusterId, modernIds),
    describeShareGroups(clusterId, shareIds),
    describeShareGroupOffsets(clusterId, shareIds),
  ]);
  const descriptions = [...classic.map(fromClassic), ...[...modern.values()].map(fromConsumerProtocol)];
  const committed = await fetchCommittedOffsetsMany(
    clusterId,
    descriptions.map((d) => d.groupId),
  ).catch(
    (e: unknown) =>
      new Map(descriptions.map((d) => [d.groupId, { error: e instanceof Error ? e.message : String(e) }])),
  );
  const groups = descriptions.map((base): GroupInfo => {
    const r = committed.get(base.groupId) ?? { committed: [] };
    return "error" in r ? { ...base, committed: [], error: r.error } : { ...base, committed: r.committed, error: null };
  });
  // Share groups have no committed offsets: their start offsets stand in, and their lag is the broker's own figure.
  for (const base of [...share.values()].map(fromShare)) {
    const offsets = shareOffsets.get(base.groupId) ?? [];
    const starts = offsets.flatMap((o) =>
      o.startOffset === null ? [] : [{ topic: o.topic, partition: o.partition, offset: o.startOffset }],
    );
    const shareLag = offsets.some((o) => o.lag === null) ? null : offsets.reduce((n, o) => n + (o.lag ?? 0), 0);
    groups.push({ ...base, committed: starts, error: null, shareLag });
  }
  const topics = await getTopicSnapshot(clusterId);
  const wanted = new Set(
    groups.flatMap((x) => [
      ...x.committed.map((c) => c.topic),
      ...x.members.flatMap((m) => m.assignments.map((a) => a.topic)),
    ]),
  );
  const parts = [...wanted].flatMap(
    (t) => topics.byName.get(t)?.partitions.map((p) => ({ topic: t, partition: p.partition, leader: p.leader })) ?? [],
  );
  const ends = await fetchOffsetsByLeader(clusterId, parts).catch(
    () => new Map<string, Map<number, PartitionOffsets>>(),
  );
  const at = Date.now();
  recordGroupObservations(clusterId, at, groups, ends);
  return { at, groups: groups.sort((a, b) => a.groupId.localeCompare(b.groupId)), ends };
}

/** How long the background refresh keeps going after the last request for the cluster's groups. */
const KEEP_WARM_MS = 5 * 60_000;
const refreshers = perCluster<{ timer: NodeJS.Timeout; lastUse: number }>("GroupRefreshers");

/**
 * Keeps the cluster's snapshot fresh in the background (every 10 s) while someone looks at groups, so lists answer
 * from memory and the health window and lag-in-seconds history fill at a steady pace; stops 5 min after the
 * last use. A failed refresh keeps the last good snapshot (its age is reported).
 */
function keepWarm(clusterId: string) {
  const r = refreshers.get(clusterId);
  if (r) {
    r.lastUse = Date.now();
    return;
  }
  const timer = setInterval(() => {
    const me = refreshers.get(clusterId);
    if (!me || Date.now() - me.lastUse > KEEP_WARM_MS) {
      clearInterval(timer);
      refreshers.delete(clusterId);
      return;
    }
    void refresh(clusterId).catch(() => {});
  }, FRESH_MS);
  timer.unref();
  refreshers.set(clusterId, { timer, lastUse: Date.now() });
}

function refresh(clusterId: string): Promise<GroupSnapshot> {
  let state = states.get(clusterId);
  if (!state) states.set(clusterId, (state = {}));
  if (!state.refreshing) {
    const st = state;
    const p: Promise<GroupSnapshot> = build(clusterId)
      .then((s) => {
        if (st.refreshing === p) st.snapshot = s;
        return s;
      })
      .finally(() => {
        if (st.refreshing === p) st.refreshing = undefined;
      });
    st.refreshing = p;
    return p;
  }
  return state.refreshing;
}

/**
 * The cluster's groups with lag inputs: at most 10 s old while the background refresh runs; a stale snapshot
 * (refresh failing) is still answered, its age telling the UI; one refresh at a time per cluster.
 */
export async function getGroupSnapshot(clusterId: string): Promise<GroupSnapshot> {
  keepWarm(clusterId);
  const last = states.get(clusterId)?.snapshot;
  if (last && Date.now() - last.at < FRESH_MS) return last;
  try {
    return await refresh(clusterId);
  } catch (error) {
    if (last) return last;
    throw error;
  }
}

export function invalidateGroupSnapshot(clusterId: string): void {
  const state = states.get(clusterId);
  if (!state) return;
  state.snapshot = undefined;
  state.refreshing = undefined;
}

/** Lag of one committed partition: end − committed, never negative; null when the end is unknown. */
export function partitionLag(
  ends: GroupSnapshot["ends"],
  topic: string,
  partition: number,
  committed: string | null,
): number | null {
  const end = ends.get(topic)?.get(partition)?.end;
  if (end === undefined || committed === null) return null;
  const lag = BigInt(end) - BigInt(committed);
  return lag > 0n ? Number(lag) : 0;
}
