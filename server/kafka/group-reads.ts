import "server-only";
import { perCluster } from "@/server/process-state";
import type { GroupDescription } from "kafkajs";
import {
  ResponseError,
  describeGroupsV5,
  offsetFetchV8,
  offsetFetchV9,
  type Admin as ModernAdmin,
  type Connection,
} from "@platformatic/kafka";

type OffsetFetchResponse = offsetFetchV9.OffsetFetchResponse;
import { ApiError } from "@/server/http/api-error";
import { apiSupport } from "./api-versions";
import { withModernAdmin } from "./registry";

/**
 * Reads of consumer groups through `@platformatic/kafka`'s public APIs: DescribeGroups (classic groups) batched
 * per coordinator, and committed offsets with OffsetFetch v8+, which carries many groups in one request
 * (one request per coordinator for any number of groups, instead of one per group). Coordinators are found with
 * one batched FindCoordinator and cached per cluster; a coordinator error forgets the group's entry.
 */

export type CommittedOffset = { topic: string; partition: number; offset: string };
export type ClassicGroupDescription = GroupDescription & { errorCode: number };

/** groupId → coordinator node, per cluster: coordinators move only on broker changes, so lookups are reused. */
const coordinatorCache: Map<string, Map<string, number>> = perCluster<Map<string, number>>("GroupCoordinators");

/** Error codes that mean "ask FindCoordinator again": NOT_COORDINATOR, COORDINATOR_NOT_AVAILABLE, COORDINATOR_LOAD_IN_PROGRESS. */
const COORDINATOR_ERRORS = new Set([14, 15, 16]);
/** Groups per OffsetFetch / DescribeGroups request: bounded, so one answer never grows without limit. */
const GROUPS_PER_REQUEST = 500;

function cacheFor(clusterId: string): Map<string, number> {
  let cache = coordinatorCache.get(clusterId);
  if (!cache) coordinatorCache.set(clusterId, (cache = new Map()));
  return cache;
}

/** Forgets cached coordinators (after NOT_COORDINATOR and the like: the next lookup asks again). */
export function forgetCoordinators(clusterId: string, groupIds: string[]): void {
  const cache = coordinatorCache.get(clusterId);
  for (const id of groupIds) cache?.delete(id);
}

/** The groups per coordinator connection: cached lookups, one FindCoordinator for all the others. */
async function byCoordinator(
  admin: ModernAdmin,
  clusterId: string,
  groupIds: string[],
): Promise<{ connection: Connection; ids: string[] }[]> {
  const cache = cacheFor(clusterId);
  const unknown = groupIds.filter((id) => !cache.has(id));
  if (unknown.length) {
    for (const c of await admin.findCoordinator({ keyType: 0, keys: unknown })) cache.set(c.key, c.nodeId);
  }
  const byNode = new Map<number, string[]>();
  for (const id of groupIds) {
    const node = cache.get(id);
    if (node === undefined) continue;
    const list = byNode.get(node);
    if (list) list.push(id);
    else byNode.set(node, [id]);
  }
  const connections = await admin.connectToBrokers([...byNode.keys()]);
  const out: { connection: Connection; ids: string[] }[] = [];
  for (const [node, ids] of byNode) {
    const connection = connections.get(node);
    if (!connection) {
      forgetCoordinators(clusterId, ids);
      throw Object.assign(new Error(`The coordinator of ${ids.length} group(s) (broker ${node}) is not reachable.`), {
        apiId: "COORDINATOR_NOT_AVAILABLE",
      });
    }
    for (let i = 0; i < ids.length; i += GROUPS_PER_REQUEST) {
      out.push({ connection, ids: ids.slice(i, i + GROUPS_PER_REQUEST) });
    }
  }
  return out;
}

/** A response whose per-item errors made the client throw still carries the answer: use it. */
function answerOf<T>(error: unknown): T {
  if (error instanceof ResponseError && (error as { response?: unknown }).response) {
    return (error as unknown as { response: T }).response;
  }
  throw error;
}

/**
 * DescribeGroups (classic groups) batched per coordinator. Groups whose coordinator answered with an error come
 * back with errorCode set (their cached coordinator forgotten); a failed request forgets its groups and rethrows.
 */
export async function describeGroupsBatched(clusterId: string, groupIds: string[]): Promise<ClassicGroupDescription[]> {
  if (!groupIds.length) return [];
  return withModernAdmin(clusterId, async (admin) => {
    const batches = await byCoordinator(admin, clusterId, groupIds);
    const out: ClassicGroupDescription[] = [];
    await Promise.all(
      batches.map(async ({ connection, ids }) => {
        const res = await describeGroupsV5.api.async(connection, ids, false).catch((error: unknown) => {
          try {
            return answerOf<Awaited<ReturnType<typeof describeGroupsV5.api.async>>>(error);
          } catch (e) {
            forgetCoordinators(clusterId, ids);
            throw e;
          }
        });
        for (const grp of res.groups) {
          if (grp.errorCode !== 0) forgetCoordinators(clusterId, [grp.groupId]);
          out.push({
            groupId: grp.groupId,
            state: grp.groupState as GroupDescription["state"],
            protocolType: grp.protocolType,
            protocol: grp.protocolData,
            errorCode: grp.errorCode,
            members: grp.members.map((m) => ({
              memberId: m.memberId,
              clientId: m.clientId,
              clientHost: m.clientHost,
              memberMetadata: m.memberMetadata,
              memberAssignment: m.memberAssignment,
            })),
          });
        }
      }),
    );
    return out;
  });
}

export type CommittedResult = { committed: CommittedOffset[] } | { error: string };

async function offsetFetchApi(clusterId: string) {
  const support = await apiSupport(clusterId);
  if (support.supports(9, 9)) return offsetFetchV9.api;
  if (support.supports(9, 8)) return offsetFetchV8.api;
  throw new ApiError(
    "unprocessable_entity",
    "The cluster's brokers do not support OffsetFetch v8 (Kafka 3.0+), so committed offsets are not available.",
  );
}

function toCommitted(group: OffsetFetchResponse["groups"][number]): CommittedOffset[] {
  const out: CommittedOffset[] = [];
  for (const t of group.topics) {
    for (const p of t.partitions) {
      if (p.errorCode === 0 && p.committedOffset >= 0n) {
        out.push({ topic: t.name, partition: p.partitionIndex, offset: p.committedOffset.toString() });
      }
    }
  }
  return out;
}

/**
 * Committed offsets of many groups: OffsetFetch v8+ with up to 500 groups per request, one request per
 * coordinator, every committed partition of each group (a null topic list). A group whose coordinator moved is
 * looked up again and asked once more; a group that still fails gets its error instead of offsets.
 */
export async function fetchCommittedOffsetsMany(
  clusterId: string,
  groupIds: string[],
): Promise<Map<string, CommittedResult>> {
  const out = new Map<string, CommittedResult>();
  if (!groupIds.length) return out;
  const api = await offsetFetchApi(clusterId);
  await withModernAdmin(clusterId, async (admin) => {
    let todo = [...new Set(groupIds)];
    for (let attempt = 0; attempt < 2 && todo.length; attempt++) {
      const retry: string[] = [];
      const batches = await byCoordinator(admin, clusterId, todo);
      await Promise.all(
        batches.map(async ({ connection, ids }) => {
          let res: OffsetFetchResponse;
          try {
            res = await api
              .async(
                connection,
                ids.map((groupId) => ({ groupId, memberId: null, memberEpoch: -1, topics: null })),
                false,
              )
              .catch(answerOf<OffsetFetchResponse>);
          } catch (error) {
            forgetCoordinators(clusterId, ids);
            if (attempt === 0) retry.push(...ids);
            else for (const id of ids) out.set(id, { error: error instanceof Error ? error.message : String(error) });
            return;
          }
          for (const grp of res.groups) {
            if (grp.errorCode === 0) {
              out.set(grp.groupId, { committed: toCommitted(grp) });
            } else if (COORDINATOR_ERRORS.has(grp.errorCode) && attempt === 0) {
              forgetCoordinators(clusterId, [grp.groupId]);
              retry.push(grp.groupId);
            } else {
              forgetCoordinators(clusterId, [grp.groupId]);
              out.set(grp.groupId, {
                error: `OffsetFetch failed for group "${grp.groupId}" (Kafka error code ${grp.errorCode}).`,
              });
            }
          }
        }),
      );
      todo = retry;
    }
  });
  return out;
}

/** Every partition one group committed (offset ≥ 0), from one OffsetFetch request. */
export async function fetchCommittedOffsets(clusterId: string, groupId: string): Promise<CommittedOffset[]> {
  const r = (await fetchCommittedOffsetsMany(clusterId, [groupId])).get(groupId);
  if (!r) return [];
  if ("error" in r) throw new ApiError("kafka_unavailable", r.error);
  return r.committed;
}
