import "server-only";
import { ConfigResourceTypes, withAdmin } from "@/server/kafka/registry";
import type { Broker } from "@/lib/schemas/clusters";
import { getClusterConfigOrThrow } from "@/server/config";
import { withDeadline } from "@/server/kafka/deadline";
import { clusterTruthWithin } from "@/server/kafka/cluster-truth";

/** Brokers with their rack (from the broker.rack config), their KRaft quorum role and how many partitions each leads and holds. */
export async function listBrokers(clusterId: string): Promise<Broker[]> {
  const cluster = getClusterConfigOrThrow(clusterId);
  return withDeadline(8_000, `Cluster "${cluster.name}"`, () =>
    withAdmin(clusterId, async (admin) => {
      // The quorum is best-effort: without it (ZooKeeper cluster, refused) brokers are listed with no quorum role.
      const [desc, metadata, truth] = await Promise.all([
        admin.describeCluster(),
        admin.fetchTopicMetadata(),
        clusterTruthWithin(clusterId, 2_000),
      ]);
      const quorumRole = (id: number) =>
        truth?.quorum?.leaderId === id
          ? ("active controller" as const)
          : truth?.quorum?.voters.some((v) => v.replicaId === id)
            ? ("voter" as const)
            : truth?.quorum?.observers.some((o) => o.replicaId === id)
              ? ("observer" as const)
              : null;
      const racks = await admin
        .describeConfigs({
          includeSynonyms: false,
          resources: desc.brokers.map((b) => ({
            type: ConfigResourceTypes.BROKER,
            name: String(b.nodeId),
            configNames: ["broker.rack"],
          })),
        })
        .then(
          (r) =>
            new Map(
              r.resources.map((res) => [
                Number(res.resourceName),
                res.configEntries.find((e) => e.configName === "broker.rack")?.configValue ?? null,
              ]),
            ),
        )
        .catch(() => new Map<number, string | null>());
      const led = new Map<number, number>();
      const held = new Map<number, number>();
      for (const t of metadata.topics) {
        for (const p of t.partitions) {
          led.set(p.leader, (led.get(p.leader) ?? 0) + 1);
          for (const r of p.replicas) held.set(r, (held.get(r) ?? 0) + 1);
        }
      }
      return desc.brokers
        .map((b) => ({
          nodeId: b.nodeId,
          host: b.host,
          port: b.port,
          rack: racks.get(b.nodeId) || null,
          quorumRole: quorumRole(b.nodeId),
          leaderPartitions: led.get(b.nodeId) ?? 0,
          replicaPartitions: held.get(b.nodeId) ?? 0,
        }))
        .sort((a, b) => a.nodeId - b.nodeId);
    }),
  );
}
