import "server-only";
import {
  listOffsetsV5,
  listOffsetsV6,
  listOffsetsV7,
  listOffsetsV8,
  listOffsetsV9,
  type Admin as ModernAdmin,
} from "@platformatic/kafka";
import { apiSupport } from "./api-versions";
import { withModernAdmin } from "./registry";

/**
 * Start and end offsets through `@platformatic/kafka`'s public ListOffsets API: one request per leader broker for
 * any number of topics (kafkajs's admin reads one topic at a time).
 */

export type PartitionOffsets = { start: string; end: string };
type PartitionRef = { topic: string; partition: number; leader: number };

const EARLIEST = -2n;
const LATEST = -1n;
const READ_UNCOMMITTED = 0;
const LIST_OFFSETS = [
  [9, listOffsetsV9.api],
  [8, listOffsetsV8.api],
  [7, listOffsetsV7.api],
  [6, listOffsetsV6.api],
  [5, listOffsetsV5.api],
] as const;

/** Partitions per ListOffsets request: large requests encode in one synchronous block and stall the event loop. */
const LIST_OFFSETS_CHUNK = 1_000;
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The newest ListOffsets version both the cluster and the client speak (v5 = Kafka 2.2, the client's oldest). */
async function listOffsetsApi(clusterId: string) {
  const support = await apiSupport(clusterId);
  return (LIST_OFFSETS.find(([v]) => support.supports(2, v)) ?? LIST_OFFSETS[LIST_OFFSETS.length - 1])[1];
}

function groupByLeader(partitions: PartitionRef[]): Map<number, PartitionRef[]> {
  const byLeader = new Map<number, PartitionRef[]>();
  for (const p of partitions) {
    if (p.leader < 0) continue;
    const list = byLeader.get(p.leader);
    if (list) list.push(p);
    else byLeader.set(p.leader, [p]);
  }
  return byLeader;
}

/**
 * ListOffsets on the given admin's connections (the cluster's shared admin, or a message-reading client):
 * start and end of every partition, two requests per leader broker per 1,000 partitions.
 */
export async function listOffsetsOn(
  admin: ModernAdmin,
  clusterId: string,
  partitions: PartitionRef[],
): Promise<Map<string, Map<number, PartitionOffsets>>> {
  const byLeader = groupByLeader(partitions);
  const result = new Map<string, Map<number, PartitionOffsets>>();
  if (!byLeader.size) return result;
  const slot = (topic: string, partition: number): PartitionOffsets => {
    let t = result.get(topic);
    if (!t) result.set(topic, (t = new Map()));
    let o = t.get(partition);
    if (!o) t.set(partition, (o = { start: "0", end: "0" }));
    return o;
  };
  const api = await listOffsetsApi(clusterId);
  const connections = await admin.connectToBrokers([...byLeader.keys()]);
  await Promise.all(
    [...byLeader.entries()].map(async ([nodeId, list]) => {
      const connection = connections.get(nodeId);
      if (!connection) {
        throw Object.assign(new Error(`Broker ${nodeId} (a partition leader) is not reachable.`), {
          apiId: "LEADER_NOT_AVAILABLE",
        });
      }
      for (let i = 0; i < list.length; i += LIST_OFFSETS_CHUNK) {
        if (i > 0) await yieldToLoop();
        const byTopic = new Map<string, number[]>();
        for (const p of list.slice(i, i + LIST_OFFSETS_CHUNK)) {
          const ps = byTopic.get(p.topic);
          if (ps) ps.push(p.partition);
          else byTopic.set(p.topic, [p.partition]);
        }
        await Promise.all(
          (
            [
              ["start", EARLIEST],
              ["end", LATEST],
            ] as const
          ).map(async ([field, timestamp]) => {
            const topics = [...byTopic.entries()].map(([name, ps]) => ({
              name,
              partitions: ps.map((partitionIndex) => ({ partitionIndex, currentLeaderEpoch: -1, timestamp })),
            }));
            const res: listOffsetsV9.ListOffsetsResponse = await api.async(connection, -1, READ_UNCOMMITTED, topics);
            for (const t of res.topics) {
              for (const p of t.partitions) slot(t.name, p.partitionIndex)[field] = p.offset.toString();
            }
          }),
        );
      }
    }),
  );
  return result;
}

/**
 * Start and end offsets of the given partitions, grouped by leader: two ListOffsets requests per broker
 * (earliest, latest) for up to 1,000 partitions, whatever the number of topics; larger sets go in chunks with
 * a yield to the event loop between them. Partitions without a leader are left out. A partition-level error
 * (NOT_LEADER_OR_FOLLOWER after a leader move) fails the call with that error.
 */
export function fetchOffsetsByLeader(
  clusterId: string,
  partitions: PartitionRef[],
): Promise<Map<string, Map<number, PartitionOffsets>>> {
  return withModernAdmin(clusterId, (admin) => listOffsetsOn(admin, clusterId, partitions));
}

/** Records in a partition set: Σ(end − start). */
export function countRecords(
  offsets: Map<number, PartitionOffsets> | undefined,
  partitionCount: number,
): number | null {
  if (!offsets || offsets.size < partitionCount) return null;
  let n = 0;
  // Offsets stay far below 2^53 in practice; plain numbers avoid a BigInt per partition on the hot path.
  for (const o of offsets.values()) n += Number(o.end) - Number(o.start);
  return n;
}
