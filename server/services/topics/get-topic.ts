import "server-only";
import { ConfigResourceTypes, type KafkajsAdmin as Admin, withAdmin } from "@/server/kafka/registry";
import type { TopicDetail } from "@/lib/schemas/topics";
import { getClusterConfigOrThrow } from "@/server/config";
import { withDeadline } from "@/server/kafka/deadline";
import { fetchCommittedOffsetsMany } from "@/server/kafka/group-reads";
import { countRecords, fetchOffsetsByLeader, type PartitionOffsets } from "@/server/kafka/offsets";
import { toConfigEntries } from "@/server/services/brokers/get-broker-configs";
import { getTopicInfoOrThrow } from "./get-topic-or-throw";

/** Consumer groups with committed offsets on this topic, and their lag: OffsetFetch v8+ batched across groups. */
async function groupsReading(
  admin: Admin,
  clusterId: string,
  topic: string,
  ends: Map<number, PartitionOffsets>,
): Promise<TopicDetail["consumerGroups"]> {
  const { groups } = await admin.listGroups();
  const ids = groups.filter((g) => g.protocolType === "consumer" || g.protocolType === "").map((g) => g.groupId);
  const results = await fetchCommittedOffsetsMany(clusterId, ids);
  const out: TopicDetail["consumerGroups"] = [];
  for (const groupId of ids) {
    const r = results.get(groupId);
    const committed = r && "committed" in r ? r.committed.filter((c) => c.topic === topic) : [];
    if (!committed.length) continue;
    let lag = 0;
    for (const p of committed) {
      const end = ends.get(p.partition)?.end;
      lag += end === undefined ? 0 : Math.max(0, Number(BigInt(end) - BigInt(p.offset)));
    }
    out.push({ groupId, lag, partitionsWithOffsets: committed.length });
  }
  return out.sort((a, b) => (b.lag ?? 0) - (a.lag ?? 0) || a.groupId.localeCompare(b.groupId));
}

export async function getTopic(clusterId: string, topic: string): Promise<TopicDetail> {
  const cluster = getClusterConfigOrThrow(clusterId);
  return withDeadline(10_000, `Cluster "${cluster.name}"`, async () => {
    const info = await getTopicInfoOrThrow(clusterId, cluster.name, topic);
    const offsets = await fetchOffsetsByLeader(
      clusterId,
      info.partitions.map((p) => ({ topic, partition: p.partition, leader: p.leader })),
    ).catch(() => null);
    const ends = offsets?.get(topic) ?? new Map<number, PartitionOffsets>();
    const [configs, consumerGroups] = await withAdmin(clusterId, (admin) =>
      Promise.all([
        admin.describeConfigs({
          includeSynonyms: false,
          resources: [{ type: ConfigResourceTypes.TOPIC, name: topic }],
        }),
        groupsReading(admin, clusterId, topic, ends),
      ]),
    );
    return {
      name: info.name,
      internal: info.internal,
      replicationFactor: info.replicationFactor,
      records: countRecords(ends, info.partitions.length),
      partitions: info.partitions.map((p) => {
        const o = ends.get(p.partition);
        return {
          ...p,
          underReplicated: p.isr.length < p.replicas.length,
          offline: p.leader < 0 || p.offlineReplicas.includes(p.leader),
          startOffset: o?.start ?? null,
          endOffset: o?.end ?? null,
          records: o ? Number(BigInt(o.end) - BigInt(o.start)) : null,
        };
      }),
      configs: toConfigEntries(configs.resources[0]?.configEntries ?? []),
      consumerGroups,
    };
  });
}
