import "server-only";
import { consumerGroupDescribeV0, type ConsumerGroupDescribeResponse } from "./protocol/consumer-group-describe";
import type { DescribedGroup, DescribedTopicPartitions } from "./protocol/describe-groups-common";
import { ApiError } from "@/server/http/api-error";
import { apiSupport } from "./api-versions";
import { kafkaErrorType } from "./errors";
import { withModernAdmin } from "./registry";

/**
 * Consumer groups of every type, through `@platformatic/kafka`: ListGroups v5 names each group's type, and groups
 * of the consumer protocol (KIP-848, `group.protocol=consumer`) are described with ConsumerGroupDescribe —
 * classic DescribeGroups reports them as Dead with no members.
 */

export type GroupType = "classic" | "consumer" | "share" | "streams" | string;
export type ListedGroup = { groupId: string; type: GroupType; state: string; protocolType: string };

export type ModernMemberInfo = {
  memberId: string;
  instanceId: string | null;
  clientId: string;
  clientHost: string;
  memberEpoch: number;
  subscribedTopics: string[];
  subscribedTopicRegex: string | null;
  assignments: { topic: string; partitions: number[] }[];
  targetAssignments: { topic: string; partitions: number[] }[];
};
export type ConsumerProtocolGroup = {
  groupId: string;
  state: string;
  groupEpoch: number;
  assignmentEpoch: number;
  assignor: string;
  members: ModernMemberInfo[];
};

/** "STABLE" / "PREPARING_REBALANCE" (ListGroups v5) and "Stable" / "Assigning" → the names the UI has always used. */
export function groupStateName(state: string): string {
  if (!state) return "Unknown";
  if (!/^[A-Z_]+$/.test(state)) return state;
  return state
    .toLowerCase()
    .split("_")
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join("");
}

/** Every group with its type and state; on a broker without ListGroups v5 every group is reported as classic. */
export async function listGroupsWithType(clusterId: string): Promise<ListedGroup[]> {
  const support = await apiSupport(clusterId);
  const typed = support.supports(16, 5);
  return withModernAdmin(clusterId, async (admin) => {
    // share groups (KIP-932) only where the brokers can describe them
    const types = support.supports(77, 1) ? ["classic", "consumer", "share"] : ["classic", "consumer"];
    const groups = await admin.listGroups(typed ? { types } : {});
    return [...groups.values()].map((g) => ({
      groupId: g.id,
      type: typed ? (g.groupType || "classic").toLowerCase() : "classic",
      state: groupStateName(g.state),
      protocolType: g.protocolType,
    }));
  });
}

/** A described member's assignment as Sluice shows it: topics by name, partitions in order (both group types). */
export const sortAssignment = (a: { topicName: string; partitions: number[] }[]) =>
  a
    .map((t) => ({ topic: t.topicName, partitions: [...t.partitions].sort((x, y) => x - y) }))
    .sort((x, y) => x.topic.localeCompare(y.topic));

/** What both describe APIs' groups show alike: the group's epochs and assignor, each member's identity and assignment. */
export function toDescribedGroup<M extends DescribedMember, T>(g: DescribedGroup<M>, member: (m: M) => T) {
  return {
    groupId: g.groupId,
    state: groupStateName(g.groupState),
    groupEpoch: g.groupEpoch,
    assignmentEpoch: g.assignmentEpoch,
    assignor: g.assignorName,
    members: g.members.map((m) => ({
      memberId: m.memberId,
      clientId: m.clientId,
      clientHost: m.clientHost,
      memberEpoch: m.memberEpoch,
      subscribedTopics: [...m.subscribedTopicNames].sort(),
      assignments: sortAssignment(m.assignment),
      ...member(m),
    })),
  };
}
type DescribedMember = {
  memberId: string;
  clientId: string;
  clientHost: string;
  memberEpoch: number;
  subscribedTopicNames: string[];
  assignment: DescribedTopicPartitions[];
};

function toGroup(g: ConsumerGroupDescribeResponse["groups"][number]): ConsumerProtocolGroup {
  return toDescribedGroup(g, (m) => ({
    instanceId: m.instanceId ?? null,
    subscribedTopicRegex: m.subscribedTopicRegex || null,
    targetAssignments: sortAssignment(m.targetAssignment),
  }));
}

/** Runs `call` once per group coordinator with that coordinator's groups (one FindCoordinator for all). */
export async function perCoordinator(
  clusterId: string,
  groupIds: string[],
  call: (connection: Parameters<typeof consumerGroupDescribeV0.async>[0], ids: string[]) => Promise<void>,
): Promise<void> {
  await withModernAdmin(clusterId, async (admin) => {
    const coordinators = await admin.findCoordinator({ keyType: 0, keys: groupIds });
    const byNode = new Map<number, string[]>();
    for (const c of coordinators) byNode.set(c.nodeId, [...(byNode.get(c.nodeId) ?? []), c.key]);
    const connections = await admin.connectToBrokers([...byNode.keys()]);
    await Promise.all(
      [...byNode].map(async ([nodeId, ids]) => {
        const connection = connections.get(nodeId);
        if (connection) await call(connection, ids);
      }),
    );
  });
}

/**
 * Describes consumer-protocol groups, batched per coordinator (one FindCoordinator for all of them, one
 * ConsumerGroupDescribe per coordinator). Groups the broker does not know as consumer-protocol groups are left out.
 */
export async function describeConsumerProtocolGroups(
  clusterId: string,
  groupIds: string[],
): Promise<Map<string, ConsumerProtocolGroup>> {
  const out = new Map<string, ConsumerProtocolGroup>();
  if (!groupIds.length) return out;
  const support = await apiSupport(clusterId);
  if (!support.supports(consumerGroupDescribeV0.key, 0)) return out;
  await perCoordinator(clusterId, groupIds, async (connection, ids) => {
    // Per-group errors (GROUP_ID_NOT_FOUND for a classic group) are in the answer; such groups are left out.
    const response: ConsumerGroupDescribeResponse = await consumerGroupDescribeV0.async(connection, ids, false);
    for (const g of response.groups) if (g.errorCode === 0) out.set(g.groupId, toGroup(g));
  });
  return out;
}

/**
 * Commits offsets for a group from outside it (OffsetCommit with generation −1, member id ""), in one request
 * for all topics. kafkajs's `setOffsets` joins the group with the classic protocol to commit, which turns an
 * empty consumer-protocol group into a classic one; this does not. Kafka refuses it while the group has members.
 */
export async function commitGroupOffsets(
  clusterId: string,
  groupId: string,
  offsets: { topic: string; partition: number; offset: string }[],
): Promise<void> {
  const byTopic = new Map<string, { partition: number; offset: bigint }[]>();
  for (const o of offsets) {
    byTopic.set(o.topic, [...(byTopic.get(o.topic) ?? []), { partition: o.partition, offset: BigInt(o.offset) }]);
  }
  await withModernAdmin(clusterId, (admin) =>
    admin.alterConsumerGroupOffsets({
      groupId,
      topics: [...byTopic].map(([name, partitionOffsets]) => ({ name, partitionOffsets })),
    }),
  );
}

/**
 * Removes a group's committed offsets for some partitions of one topic (OffsetDelete, KIP-496); the group and its
 * other offsets stay. Kafka refuses while an active member is subscribed to the topic (409 here).
 */
export async function deleteGroupTopicOffsets(
  clusterId: string,
  groupId: string,
  topic: string,
  partitions: number[],
): Promise<void> {
  await withModernAdmin(clusterId, async (admin) => {
    try {
      await admin.deleteConsumerGroupOffsets({ groupId, topics: [{ name: topic, partitionIndexes: partitions }] });
    } catch (error) {
      if (kafkaErrorType(error) === "GROUP_SUBSCRIBED_TO_TOPIC") {
        throw new ApiError(
          "conflict",
          `Group "${groupId}" has active members subscribed to "${topic}"; Kafka keeps their offsets. Stop those consumers first.`,
        );
      }
      throw error;
    }
  });
}
