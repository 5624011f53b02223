import "server-only";
import type { GroupDescription, Kafka } from "kafkajs";

/**
 * kafkajs's admin API reads offsets one topic at a time (one ListOffsets round per topic) and hides the
 * metadata flags Sluice shows (internal, offline replicas). Its internal Cluster object can do both in one
 * request per broker. kafkajs 2.2.4 is frozen, so these internals are stable; they are reached here and nowhere
 * else, with types for exactly the parts used.
 */
export type RawPartitionMetadata = {
  partitionId: number;
  leader: number;
  replicas: number[];
  isr: number[];
  offlineReplicas?: number[];
  partitionErrorCode: number;
};
export type RawTopicMetadata = { topic: string; isInternal: boolean; topicErrorCode: number; partitionMetadata: RawPartitionMetadata[] };
export type RawMetadata = { brokers: { nodeId: number; host: string; port: number; rack?: string | null }[]; controllerId: number; clusterId: string; topicMetadata: RawTopicMetadata[] };
type ListOffsetsRequest = { isolationLevel: number; topics: { topic: string; partitions: { partition: number; timestamp: number }[] }[] };
type ListOffsetsResponse = { responses: { topic: string; partitions: { partition: number; offset: string }[] }[] };
export type RawBroker = { listOffsets(req: ListOffsetsRequest): Promise<ListOffsetsResponse> };
export type RawCluster = {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  refreshMetadata(): Promise<void>;
  metadata(o: { topics: string[] }): Promise<RawMetadata>;
  findBroker(o: { nodeId: number }): Promise<RawBroker>;
};

export function createRawCluster(kafka: Kafka): RawCluster {
  const key = Object.getOwnPropertySymbols(kafka).find((s) => s.description === "private:Kafka:createCluster");
  const create = key ? (kafka as unknown as Record<symbol, unknown>)[key] : undefined;
  if (typeof create !== "function") throw new Error("kafkajs internals changed: Kafka#createCluster not found");
  return create({ allowAutoTopicCreation: false, isolationLevel: 0 }) as RawCluster;
}

const EARLIEST = -2;
const LATEST = -1;
const READ_UNCOMMITTED = 0;

export type PartitionOffsets = { start: string; end: string };

/** Partitions per ListOffsets request: large requests encode in one synchronous block and stall the event loop. */
const LIST_OFFSETS_CHUNK = 1_000;
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Start and end offsets of the given partitions, grouped by leader: two ListOffsets requests per broker
 * (earliest, latest) for up to 1,000 partitions, whatever the number of topics; larger sets go in chunks with
 * a yield to the event loop between them. Partitions without a leader are left out.
 */
export async function fetchOffsetsByLeader(
  cluster: RawCluster,
  partitions: { topic: string; partition: number; leader: number }[],
): Promise<Map<string, Map<number, PartitionOffsets>>> {
  const byLeader = new Map<number, { topic: string; partition: number }[]>();
  for (const p of partitions) {
    if (p.leader < 0) continue;
    const list = byLeader.get(p.leader);
    if (list) list.push(p);
    else byLeader.set(p.leader, [p]);
  }
  const result = new Map<string, Map<number, PartitionOffsets>>();
  const slot = (topic: string, partition: number): PartitionOffsets => {
    let t = result.get(topic);
    if (!t) result.set(topic, (t = new Map()));
    let o = t.get(partition);
    if (!o) t.set(partition, (o = { start: "0", end: "0" }));
    return o;
  };
  await Promise.all(
    [...byLeader.entries()].map(async ([nodeId, list]) => {
      const broker = await cluster.findBroker({ nodeId });
      for (let i = 0; i < list.length; i += LIST_OFFSETS_CHUNK) {
        if (i > 0) await yieldToLoop();
        const byTopic = new Map<string, number[]>();
        for (const p of list.slice(i, i + LIST_OFFSETS_CHUNK)) {
          const ps = byTopic.get(p.topic);
          if (ps) ps.push(p.partition);
          else byTopic.set(p.topic, [p.partition]);
        }
        await Promise.all(
          ([["start", EARLIEST], ["end", LATEST]] as const).map(async ([field, timestamp]) => {
            const res = await broker.listOffsets({
              isolationLevel: READ_UNCOMMITTED,
              topics: [...byTopic.entries()].map(([topic, ps]) => ({ topic, partitions: ps.map((partition) => ({ partition, timestamp })) })),
            });
            for (const r of res.responses) for (const p of r.partitions) slot(r.topic, p.partition)[field] = p.offset;
          }),
        );
      }
    }),
  );
  return result;
}

/** Records in a partition set: Σ(end − start). */
export function countRecords(offsets: Map<number, PartitionOffsets> | undefined, partitionCount: number): number | null {
  if (!offsets || offsets.size < partitionCount) return null;
  let n = 0;
  // Offsets stay far below 2^53 in practice; plain numbers avoid a BigInt per partition on the hot path.
  for (const o of offsets.values()) n += Number(o.end) - Number(o.start);
  return n;
}

type OffsetFetchResponse = { responses: { topic: string; partitions: { partition: number; offset: string; metadata: string | null }[] }[] };
type DescribeGroupsResponse = { groups: (GroupDescription & { errorCode: number })[] };
type Coordinator = {
  nodeId: number;
  offsetFetch(req: { groupId: string; topics: unknown }): Promise<OffsetFetchResponse>;
  describeGroups(req: { groupIds: string[] }): Promise<DescribeGroupsResponse>;
};
type CoordinatorCluster = { findGroupCoordinator(o: { groupId: string }): Promise<Coordinator>; findBroker(o: { nodeId: number }): Promise<Coordinator> };

/** groupId → coordinator node, per cluster: coordinators move only on broker changes, so lookups are reused. */
const g = globalThis as unknown as { __sluiceCoordinators?: Map<RawCluster, Map<string, number>> };
const coordinatorCache = (g.__sluiceCoordinators ??= new Map());

/** The group's coordinator, from the cache or one FindCoordinator request. */
export async function groupCoordinator(cluster: RawCluster, groupId: string): Promise<Coordinator> {
  const c = cluster as unknown as CoordinatorCluster;
  let cache = coordinatorCache.get(cluster);
  if (!cache) coordinatorCache.set(cluster, (cache = new Map()));
  const known = cache.get(groupId);
  if (known !== undefined) return c.findBroker({ nodeId: known });
  const coordinator = await c.findGroupCoordinator({ groupId });
  cache.set(groupId, coordinator.nodeId);
  return coordinator;
}

/** Forgets cached coordinators (after NOT_COORDINATOR and the like: the next lookup asks again). */
export function forgetCoordinators(cluster: RawCluster, groupIds: string[]): void {
  const cache = coordinatorCache.get(cluster);
  for (const id of groupIds) cache?.delete(id);
}

/**
 * DescribeGroups batched per coordinator (coordinators cached). Groups whose coordinator answered with an error
 * come back with errorCode set; a failed request forgets those groups' coordinators and rethrows.
 */
export async function describeGroupsBatched(cluster: RawCluster, groupIds: string[]): Promise<(GroupDescription & { errorCode: number })[]> {
  const byNode = new Map<number, { coordinator: Coordinator; ids: string[] }>();
  await Promise.all(
    groupIds.map(async (id) => {
      const coordinator = await groupCoordinator(cluster, id);
      const entry = byNode.get(coordinator.nodeId) ?? { coordinator, ids: [] };
      entry.ids.push(id);
      byNode.set(coordinator.nodeId, entry);
    }),
  );
  const out: (GroupDescription & { errorCode: number })[] = [];
  await Promise.all(
    [...byNode.values()].map(async ({ coordinator, ids }) => {
      try {
        const { groups } = await coordinator.describeGroups({ groupIds: ids });
        for (const grp of groups) if (grp.errorCode !== 0) forgetCoordinators(cluster, [grp.groupId]);
        out.push(...groups);
      } catch (error) {
        forgetCoordinators(cluster, ids);
        throw error;
      }
    }),
  );
  return out;
}

/**
 * OffsetFetch (v2+) with a null topic array means "every partition this group committed". kafkajs always
 * sends an array (empty = none), so an admin must list every topic of the cluster per group. This object
 * encodes as a null array through kafkajs's own encoder (length -1, no elements): one small request per group.
 */
const ALL_TOPICS = { map: () => ({ length: -1, forEach: () => {} }) };

export async function fetchCommittedOffsets(cluster: RawCluster, groupId: string): Promise<{ topic: string; partition: number; offset: string }[]> {
  const coordinator = await groupCoordinator(cluster, groupId);
  const { responses } = await coordinator.offsetFetch({ groupId, topics: ALL_TOPICS }).catch((error: unknown) => {
    forgetCoordinators(cluster, [groupId]);
    throw error;
  });
  return responses.flatMap((r) => r.partitions.filter((p) => Number(p.offset) >= 0).map((p) => ({ topic: r.topic, partition: p.partition, offset: p.offset })));
}
