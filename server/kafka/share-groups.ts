import "server-only";
import { apiSupport, type ApiSupport } from "./api-versions";
import {
  describeShareGroupOffsetsV0,
  describeShareGroupOffsetsV1,
  type DescribeShareGroupOffsetsResponse,
} from "./protocol/describe-share-group-offsets";
import { shareGroupDescribeV1, type ShareGroupDescribeResponse } from "./protocol/share-group-describe";
import { perCoordinator, toDescribedGroup } from "./groups";
import { withModernAdmin } from "./registry";

/**
 * Share groups (KIP-932, Kafka 4.1+ with the `share.version` feature ≥ 1; on by default for clusters formatted
 * with 4.2+): described with ShareGroupDescribe, their per-partition start offsets read with
 * DescribeShareGroupOffsets — both defined in ./protocol with `@platformatic/kafka`'s public framework.
 */

export type ShareMember = {
  memberId: string;
  rackId: string | null;
  clientId: string;
  clientHost: string;
  memberEpoch: number;
  subscribedTopics: string[];
  assignments: { topic: string; partitions: number[] }[];
};
export type ShareGroup = {
  groupId: string;
  state: string;
  groupEpoch: number;
  assignmentEpoch: number;
  assignor: string;
  members: ShareMember[];
};
/**
 * startOffset: the share-partition start offset (the earliest in-flight record; later ones may already be fully
 * delivered), null when the partition has no state yet or with an error; lag: records not yet delivered and
 * acknowledged, from the broker (DescribeShareGroupOffsets v1, Kafka 4.2+), null where it cannot tell.
 */
export type ShareOffset = {
  topic: string;
  partition: number;
  startOffset: string | null;
  lag: number | null;
  error: string | null;
};

/**
 * Whether brokers with these ApiVersions answer the share-group APIs (ShareGroupDescribe v1: Kafka 4.1+; the 4.0
 * early-access v0 is not read), and which DescribeShareGroupOffsets version to send (v1 has the lag, Kafka 4.2+).
 * `reason` is a sentence for the UI when they do not.
 */
export function shareGroupSupportFrom(support: ApiSupport): {
  supported: boolean;
  reason: string | null;
  offsetsVersion: 0 | 1;
} {
  const supported =
    support.supports(shareGroupDescribeV1.key, 1) && support.supports(describeShareGroupOffsetsV0.key, 0);
  return {
    supported,
    reason: supported
      ? null
      : "The cluster's brokers do not support share groups (ShareGroupDescribe v1 and DescribeShareGroupOffsets: Kafka 4.1+ with the share.version feature enabled), so share groups cannot be shown.",
    offsetsVersion: support.supports(describeShareGroupOffsetsV1.key, 1) ? 1 : 0,
  };
}

/** The cluster's share-group support, from its (cached) ApiVersions answer. */
export async function shareGroupSupport(
  clusterId: string,
): Promise<{ supported: boolean; reason: string | null; offsetsVersion: 0 | 1 }> {
  return shareGroupSupportFrom(await apiSupport(clusterId));
}

function toShareGroup(g: ShareGroupDescribeResponse["groups"][number]): ShareGroup {
  return toDescribedGroup(g, (m) => ({ rackId: m.rackId ?? null }));
}

/** UNSUPPORTED_VERSION per group: the brokers have the share-group APIs but the share.version feature is off. */
const UNSUPPORTED_VERSION = 35;
export const SHARE_GROUPS_DISABLED =
  "Share groups are disabled on this cluster: its brokers know the share-group APIs but the share.version feature is not enabled (kafka-features.sh upgrade --feature share.version=1).";

/**
 * Describes share groups; groups the broker does not know as share groups (GROUP_ID_NOT_FOUND) are left out.
 * `disabled`: the brokers answered that share groups are switched off (share.version 0).
 */
export async function describeShareGroupsOrWhyNot(
  clusterId: string,
  groupIds: string[],
): Promise<{ groups: Map<string, ShareGroup>; disabled: boolean }> {
  const groups = new Map<string, ShareGroup>();
  let disabled = false;
  if (!groupIds.length || !(await shareGroupSupport(clusterId)).supported) return { groups, disabled };
  await perCoordinator(clusterId, groupIds, async (connection, ids) => {
    const response: ShareGroupDescribeResponse = await shareGroupDescribeV1.async(connection, ids, false);
    for (const g of response.groups) {
      if (g.errorCode === 0) groups.set(g.groupId, toShareGroup(g));
      else if (g.errorCode === UNSUPPORTED_VERSION) disabled = true;
    }
  });
  return { groups, disabled };
}

export async function describeShareGroups(clusterId: string, groupIds: string[]): Promise<Map<string, ShareGroup>> {
  return (await describeShareGroupsOrWhyNot(clusterId, groupIds)).groups;
}

/** Every share-partition's start offset and lag of each group (all topics the group has state for), sorted. */
export async function describeShareGroupOffsets(
  clusterId: string,
  groupIds: string[],
): Promise<Map<string, ShareOffset[]>> {
  const out = new Map<string, ShareOffset[]>();
  const support = await shareGroupSupport(clusterId);
  if (!groupIds.length || !support.supported) return out;
  const api = support.offsetsVersion === 1 ? describeShareGroupOffsetsV1 : describeShareGroupOffsetsV0;
  await perCoordinator(clusterId, groupIds, async (connection, ids) => {
    const response: DescribeShareGroupOffsetsResponse = await api.async(
      connection,
      ids.map((groupId) => ({ groupId, topics: null })),
    );
    for (const g of response.groups) {
      if (g.errorCode !== 0) continue;
      const rows = g.topics.flatMap((t) =>
        t.partitions.map((p) => ({
          topic: t.topicName,
          partition: p.partitionIndex,
          // -1: the share-partition has no state yet (nothing delivered)
          startOffset: p.errorCode === 0 && p.startOffset >= 0n ? String(p.startOffset) : null,
          lag: p.errorCode === 0 && p.lag !== null && p.lag >= 0n ? Number(p.lag) : null,
          error: p.errorCode === 0 ? null : (p.errorMessage ?? `error code ${p.errorCode}`),
        })),
      );
      out.set(
        g.groupId,
        rows.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition),
      );
    }
  });
  return out;
}

/** Log end offsets (high watermarks) of some partitions, with ListOffsets; partitions that fail are left out. */
export async function endOffsets(
  clusterId: string,
  parts: { topic: string; partition: number }[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const byTopic = new Map<string, number[]>();
  for (const p of parts) byTopic.set(p.topic, [...(byTopic.get(p.topic) ?? []), p.partition]);
  if (!byTopic.size) return out;
  const answer = await withModernAdmin(clusterId, (admin) =>
    admin.listOffsets({
      topics: [...byTopic].map(([name, ps]) => ({
        name,
        partitions: ps.map((partitionIndex) => ({ partitionIndex, timestamp: -1n })),
      })),
    }),
  );
  for (const t of answer) {
    for (const p of t.partitions) if (p.offset >= 0n) out.set(`${t.name}:${p.partitionIndex}`, String(p.offset));
  }
  return out;
}
