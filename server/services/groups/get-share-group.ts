import "server-only";
import type { ShareGroupAnswer } from "@/lib/schemas/groups";
import { getClusterConfigOrThrow } from "@/server/config";
import { ApiError } from "@/server/http/api-error";
import { withDeadline } from "@/server/kafka/deadline";
import {
  describeShareGroupOffsets,
  describeShareGroupsOrWhyNot,
  endOffsets,
  SHARE_GROUPS_DISABLED,
  shareGroupSupport,
} from "@/server/kafka/share-groups";

/**
 * A share group read fresh from the broker: state, members with their assignments, and per partition the
 * share-partition start offset, the end offset and the broker's lag (records not yet delivered and acknowledged).
 * On a cluster without share groups (ApiVersions) or with them switched off (share.version 0) the answer says so
 * (supported: false) instead of failing.
 */
export async function getShareGroup(clusterId: string, groupId: string): Promise<ShareGroupAnswer> {
  const cluster = getClusterConfigOrThrow(clusterId);
  return withDeadline(10_000, `Cluster "${cluster.name}"`, async () => {
    const support = await shareGroupSupport(clusterId);
    if (!support.supported) return { supported: false, reason: support.reason, group: null };
    const [described, offsets] = await Promise.all([
      describeShareGroupsOrWhyNot(clusterId, [groupId]),
      describeShareGroupOffsets(clusterId, [groupId]),
    ]);
    if (described.disabled) return { supported: false, reason: SHARE_GROUPS_DISABLED, group: null };
    const g = described.groups.get(groupId);
    if (!g) throw new ApiError("not_found", `Share group "${groupId}" does not exist on cluster "${cluster.name}".`);
    const starts = offsets.get(groupId) ?? [];
    const owners = new Map<string, string[]>();
    for (const m of g.members) {
      for (const a of m.assignments) {
        for (const p of a.partitions) {
          owners.set(`${a.topic}:${p}`, [...(owners.get(`${a.topic}:${p}`) ?? []), m.memberId]);
        }
      }
    }
    const keys = new Map<
      string,
      { topic: string; partition: number; startOffset: string | null; lag: number | null; error: string | null }
    >();
    for (const o of starts) keys.set(`${o.topic}:${o.partition}`, o);
    for (const k of owners.keys()) {
      if (keys.has(k)) continue;
      const i = k.lastIndexOf(":");
      keys.set(k, {
        topic: k.slice(0, i),
        partition: Number(k.slice(i + 1)),
        startOffset: null,
        lag: null,
        error: null,
      });
    }
    const ends = await endOffsets(clusterId, [...keys.values()]).catch(() => new Map<string, string>());
    const partitions = [...keys.entries()]
      .map(([k, o]) => {
        return {
          topic: o.topic,
          partition: o.partition,
          startOffset: o.startOffset,
          endOffset: ends.get(k) ?? null,
          lag: o.lag,
          memberIds: owners.get(k) ?? [],
          error: o.error,
        };
      })
      .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
    return { supported: true, reason: null, group: { ...g, partitions } };
  });
}
