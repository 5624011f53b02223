import "server-only";
import {
  alterPartitionReassignmentsV0,
  ConfigResourceTypes,
  createTopicsV7,
  IncrementalAlterConfigOperationTypes,
  listPartitionReassignmentsV0,
  type Admin as ModernAdmin,
  type Connection,
} from "@platformatic/kafka";
import { ApiError } from "@/server/http/api-error";
import { ELECTION_PREFERRED, electLeadersV2, type ElectLeadersResponse } from "./protocol/elect-leaders";
import { apiSupport } from "./api-versions";
import { withModernAdmin } from "./registry";

/**
 * Replica placement through `@platformatic/kafka`: partition reassignment (AlterPartitionReassignments,
 * ListPartitionReassignments), replication throttles (IncrementalAlterConfigs) and preferred-leader election
 * (ElectLeaders, defined in `protocol/elect-leaders.ts`). Kafka has no dry run for a reassignment, so a plan is
 * checked by the broker with CreateTopics `validateOnly` on a probe name carrying the same replica assignment:
 * the broker answers with its own reason (unknown broker, replication factor above the broker count, duplicates).
 */

export type PlacementBroker = { id: number; host: string; port: number; rack: string | null };
export type PlacementPartition = {
  partition: number;
  leader: number;
  replicas: number[];
  isr: number[];
  offline: number[];
};
export type TopicPlacement = { topic: string; brokers: PlacementBroker[]; partitions: PlacementPartition[] };
export type OngoingReassignment = {
  topic: string;
  partition: number;
  replicas: number[];
  adding: number[];
  removing: number[];
};

/** A broker's refusal, in its own words: the error name (INVALID_REPLICA_ASSIGNMENT) and its detail message. */
export type BrokerReason = { error: string; message: string };

const TIMEOUT_MS = 10_000;
/** DescribeConfigs config sources: a topic override, and a per-broker dynamic value. */
const DYNAMIC_TOPIC = 1;
const DYNAMIC_BROKER = 2;

export const THROTTLE_KEYS = {
  leaderRate: "leader.replication.throttled.rate",
  followerRate: "follower.replication.throttled.rate",
  leaderReplicas: "leader.replication.throttled.replicas",
  followerReplicas: "follower.replication.throttled.replicas",
} as const;

/** The first broker error inside a `@platformatic/kafka` error (ResponseError → ProtocolError), if any. */
export function brokerReason(error: unknown): BrokerReason | null {
  let e = error as
    { apiId?: string; serverErrorMessage?: string | null; message?: string; errors?: unknown[] } | undefined;
  for (let depth = 0; e && depth < 5; depth++) {
    if (e.apiId) return { error: e.apiId, message: e.serverErrorMessage || e.message || e.apiId };
    e = e.errors?.[0] as typeof e;
  }
  return null;
}

async function controllerConnection(admin: ModernAdmin): Promise<Connection> {
  const metadata = await admin.metadata({ topics: [] });
  const connections = await admin.connectToBrokers([metadata.controllerId]);
  const connection = connections.get(metadata.controllerId) ?? [...connections.values()][0];
  if (!connection) throw new ApiError("kafka_unavailable", "No broker of the cluster answered.");
  return connection;
}

/** The cluster's live brokers and one topic's partitions (leader, replicas, ISR), fresh from the broker. */
export async function describePlacement(clusterId: string, topic: string): Promise<TopicPlacement> {
  return withModernAdmin(clusterId, async (admin) => {
    const metadata = await admin.metadata({ topics: [topic], forceUpdate: true }).catch((error) => {
      // The client says "Unknown topic …" (PLT_KFK_USER) after its retries, or passes the broker's error on.
      const unknown =
        brokerReason(error)?.error === "UNKNOWN_TOPIC_OR_PARTITION" ||
        /^Unknown topic/.test((error as Error)?.message ?? "");
      if (unknown) throw new ApiError("not_found", `Topic "${topic}" does not exist on this cluster.`);
      throw error;
    });
    const t = metadata.topics.get(topic);
    if (!t) throw new ApiError("not_found", `Topic "${topic}" does not exist on this cluster.`);
    return {
      topic,
      brokers: [...metadata.brokers]
        .map(([id, b]) => ({ id, host: b.host, port: b.port, rack: b.rack ?? null }))
        .sort((a, b) => a.id - b.id),
      partitions: t.partitions.map((p, partition) => ({
        partition,
        leader: p.leader,
        replicas: [...p.replicas],
        isr: [...p.isr],
        offline: [...p.offlineReplicas],
      })),
    };
  });
}

/**
 * Asks the broker whether a replica assignment could exist (CreateTopics validateOnly on a probe name, nothing is
 * created). null when it could; otherwise the broker's own reason.
 */
export async function checkAssignment(
  clusterId: string,
  assignment: { partition: number; replicas: number[] }[],
): Promise<BrokerReason | null> {
  const probe = `sluice-placement-check-${Date.now().toString(36)}`;
  return withModernAdmin(clusterId, async (admin) => {
    const connection = await controllerConnection(admin);
    try {
      const topics = [
        {
          name: probe,
          numPartitions: -1,
          replicationFactor: -1,
          assignments: assignment.map((a) => ({ partitionIndex: a.partition, brokerIds: a.replicas })),
          configs: [],
        },
      ];
      await createTopicsV7.api.async(connection, topics, TIMEOUT_MS, true);
      return null;
    } catch (error) {
      const reason = brokerReason(error);
      if (reason) return reason;
      throw error;
    }
  });
}

/** Asks the broker whether `partitions` partitions with `replicationFactor` replicas each could be placed at all. */
export async function checkReplicationFactor(
  clusterId: string,
  partitions: number,
  replicationFactor: number,
): Promise<BrokerReason | null> {
  const probe = `sluice-placement-check-${Date.now().toString(36)}`;
  return withModernAdmin(clusterId, async (admin) => {
    const connection = await controllerConnection(admin);
    try {
      await createTopicsV7.api.async(
        connection,
        [{ name: probe, numPartitions: partitions, replicationFactor, assignments: [], configs: [] }],
        TIMEOUT_MS,
        true,
      );
      return null;
    } catch (error) {
      const reason = brokerReason(error);
      if (reason) return reason;
      throw error;
    }
  });
}

/** Reassignments in progress for the given topics (null: the whole cluster). */
export async function listReassignments(
  clusterId: string,
  topics: { topic: string; partitions: number[] }[] | null,
): Promise<OngoingReassignment[]> {
  return withModernAdmin(clusterId, async (admin) => {
    const connection = await controllerConnection(admin);
    const request = topics?.map((t) => ({ name: t.topic, partitionIndexes: t.partitions })) ?? null;
    const response = await listPartitionReassignmentsV0.api.async(
      connection,
      TIMEOUT_MS,
      request as { name: string; partitionIndexes: number[] }[],
    );
    return response.topics.flatMap((t) =>
      t.partitions.map((p) => ({
        topic: t.name,
        partition: p.partitionIndex,
        replicas: p.replicas,
        adding: p.addingReplicas,
        removing: p.removingReplicas,
      })),
    );
  });
}

/**
 * Starts (replicas given) or cancels (replicas null) reassignments of one topic's partitions. The controller
 * checks the plan again; a refusal of any partition is thrown as a 422 with the broker's reason.
 */
export async function alterReassignments(
  clusterId: string,
  topic: string,
  partitions: { partition: number; replicas: number[] | null }[],
): Promise<void> {
  await withModernAdmin(clusterId, async (admin) => {
    const connection = await controllerConnection(admin);
    try {
      const request = [
        {
          name: topic,
          partitions: partitions.map((p) => ({ partitionIndex: p.partition, replicas: p.replicas as number[] })),
        },
      ];
      await alterPartitionReassignmentsV0.api.async(connection, TIMEOUT_MS, false, request);
    } catch (error) {
      const reason = brokerReason(error);
      if (!reason) throw error;
      if (reason.error === "NO_REASSIGNMENT_IN_PROGRESS") {
        throw new ApiError("conflict", `No reassignment of topic "${topic}" is in progress: ${reason.message}`);
      }
      throw new ApiError(
        "unprocessable_entity",
        `The cluster refused the reassignment (${reason.error}): ${reason.message}`,
      );
    }
  });
}

/**
 * Throttles replication for a reassignment the way Kafka's own tool does: the rate (bytes/s) on every broker
 * involved, the moving partitions' current replicas as leader-throttled and their added replicas as
 * follower-throttled on the topic.
 */
export async function setReassignmentThrottle(
  clusterId: string,
  topic: string,
  bytesPerSecond: number,
  moves: { partition: number; current: number[]; target: number[] }[],
): Promise<void> {
  const leader = moves.flatMap((m) => m.current.map((b) => `${m.partition}:${b}`));
  const follower = moves.flatMap((m) =>
    m.target.filter((b) => !m.current.includes(b)).map((b) => `${m.partition}:${b}`),
  );
  const brokers = [...new Set(moves.flatMap((m) => [...m.current, ...m.target]))];
  const SET = IncrementalAlterConfigOperationTypes.SET;
  await withModernAdmin(clusterId, (admin) =>
    admin.incrementalAlterConfigs({
      resources: [
        {
          resourceType: ConfigResourceTypes.TOPIC,
          resourceName: topic,
          configs: [
            { name: THROTTLE_KEYS.leaderReplicas, configOperation: SET, value: leader.join(",") },
            { name: THROTTLE_KEYS.followerReplicas, configOperation: SET, value: follower.join(",") },
          ],
        },
        ...brokers.map((b) => ({
          resourceType: ConfigResourceTypes.BROKER,
          resourceName: String(b),
          configs: [
            { name: THROTTLE_KEYS.leaderRate, configOperation: SET, value: String(bytesPerSecond) },
            { name: THROTTLE_KEYS.followerRate, configOperation: SET, value: String(bytesPerSecond) },
          ],
        })),
      ],
    }),
  );
}

/** The throttle configs currently set on a topic and on the given brokers (empty when none). */
export async function readThrottle(
  clusterId: string,
  topic: string,
  brokerIds: number[],
): Promise<{ topic: Record<string, string>; brokers: Record<number, Record<string, string>> }> {
  return withModernAdmin(clusterId, async (admin) => {
    const keys = Object.values(THROTTLE_KEYS) as string[];
    const result = { topic: {} as Record<string, string>, brokers: {} as Record<number, Record<string, string>> };
    const topicConfigs = await admin.describeConfigs({
      resources: [{ resourceType: ConfigResourceTypes.TOPIC, resourceName: topic, configurationKeys: keys }],
    });
    for (const c of topicConfigs[0]?.configs ?? []) {
      if (keys.includes(c.name) && c.value && c.configSource === DYNAMIC_TOPIC) result.topic[c.name] = c.value;
    }
    for (const id of brokerIds) {
      const described = await admin
        .describeConfigs({
          resources: [{ resourceType: ConfigResourceTypes.BROKER, resourceName: String(id), configurationKeys: keys }],
        })
        .catch(() => null);
      const set: Record<string, string> = {};
      for (const c of described?.[0]?.configs ?? []) {
        if (keys.includes(c.name) && c.value && c.configSource === DYNAMIC_BROKER) set[c.name] = c.value;
      }
      if (Object.keys(set).length) result.brokers[id] = set;
    }
    return result;
  });
}

/**
 * Removes a topic's throttled-replica lists and, on the given brokers, the throttled rates. Each broker is
 * cleared on its own, so one that is down does not keep the others throttled; the ones that failed are returned.
 */
export async function clearReassignmentThrottle(
  clusterId: string,
  topic: string | null,
  brokerIds: number[],
): Promise<number[]> {
  const DELETE = IncrementalAlterConfigOperationTypes.DELETE;
  return withModernAdmin(clusterId, async (admin) => {
    if (topic) {
      await admin.incrementalAlterConfigs({
        resources: [
          {
            resourceType: ConfigResourceTypes.TOPIC,
            resourceName: topic,
            configs: [
              { name: THROTTLE_KEYS.leaderReplicas, configOperation: DELETE },
              { name: THROTTLE_KEYS.followerReplicas, configOperation: DELETE },
            ],
          },
        ],
      });
    }
    const failed: number[] = [];
    for (const id of brokerIds) {
      await admin
        .incrementalAlterConfigs({
          resources: [
            {
              resourceType: ConfigResourceTypes.BROKER,
              resourceName: String(id),
              configs: [
                { name: THROTTLE_KEYS.leaderRate, configOperation: DELETE },
                { name: THROTTLE_KEYS.followerRate, configOperation: DELETE },
              ],
            },
          ],
        })
        .catch(() => failed.push(id));
    }
    return failed;
  });
}

export type ElectionResult = {
  elected: number;
  alreadyPreferred: number;
  failed: { topic: string; partition: number; error: string; message: string }[];
};

/** The broker's error names for the election codes Sluice tells apart. */
const ELECTION_NOT_NEEDED = 84;
const ELECTION_ERRORS: Record<number, string> = {
  3: "UNKNOWN_TOPIC_OR_PARTITION",
  7: "REQUEST_TIMED_OUT",
  29: "TOPIC_AUTHORIZATION_FAILED",
  31: "CLUSTER_AUTHORIZATION_FAILED",
  41: "NOT_CONTROLLER",
  42: "INVALID_REQUEST",
  80: "PREFERRED_LEADER_NOT_AVAILABLE",
  83: "ELIGIBLE_LEADERS_NOT_AVAILABLE",
};

export function summariseElection(response: ElectLeadersResponse): ElectionResult {
  const out: ElectionResult = { elected: 0, alreadyPreferred: 0, failed: [] };
  for (const t of response.results) {
    for (const p of t.partitions) {
      if (p.errorCode === 0) {
        out.elected++;
      } else if (p.errorCode === ELECTION_NOT_NEEDED) {
        out.alreadyPreferred++;
      } else {
        out.failed.push({
          topic: t.topic,
          partition: p.partitionId,
          error: ELECTION_ERRORS[p.errorCode] ?? `error ${p.errorCode}`,
          message: p.errorMessage ?? "",
        });
      }
    }
  }
  return out;
}

/**
 * Preferred-leader election (ElectLeaders v2, election type 0) for some partitions, or for every partition of the
 * cluster (null). Partitions whose preferred replica already leads are counted, not failed.
 */
export async function electPreferredLeaders(
  clusterId: string,
  partitions: { topic: string; partitions: number[] }[] | null,
): Promise<ElectionResult> {
  const support = await apiSupport(clusterId);
  if (!support.supports(electLeadersV2.key, 2)) {
    throw new ApiError(
      "unprocessable_entity",
      support.why(electLeadersV2.key, "ElectLeaders v2", "Kafka 2.4+") ??
        "The cluster's brokers do not accept ElectLeaders v2, so leader election is not available.",
    );
  }
  return withModernAdmin(clusterId, async (admin) => {
    const connection = await controllerConnection(admin);
    const response = await electLeadersV2.async(connection, ELECTION_PREFERRED, partitions, TIMEOUT_MS);
    if (response.errorCode !== 0) {
      throw new ApiError(
        response.errorCode === 31 ? "forbidden" : "unprocessable_entity",
        `The cluster refused the leader election (${ELECTION_ERRORS[response.errorCode] ?? `error ${response.errorCode}`}).`,
      );
    }
    return summariseElection(response);
  });
}
