import "server-only";
import { perCluster } from "@/server/process-state";
import type { ClusterStatus } from "@/lib/schemas/clusters";
import { getClusterConfigOrThrow } from "@/server/config";
import { ApiError } from "@/server/http/api-error";
import { withAdmin } from "@/server/kafka/registry";
import { withDeadline } from "@/server/kafka/deadline";
import { clusterTruthWithin } from "@/server/kafka/cluster-truth";

const CACHE_MS = 3_000;
const HEALTH_DEADLINE_MS = 4_500;
const cache = perCluster<{ at: number; value: Promise<ClusterStatus> }>("Health");

async function probe(clusterId: string): Promise<ClusterStatus> {
  const checkedAt = new Date().toISOString();
  try {
    return await withDeadline(HEALTH_DEADLINE_MS, `Cluster "${clusterId}"`, () =>
      withAdmin(clusterId, async (admin) => {
        const [cluster, metadata, truth] = await Promise.all([
          admin.describeCluster(),
          admin.fetchTopicMetadata(),
          clusterTruthWithin(clusterId, 1_500),
        ]);
        const live = new Set(cluster.brokers.map((b) => b.nodeId));
        let partitionCount = 0;
        let underReplicated = 0;
        let offline = 0;
        let internal = 0;
        for (const topic of metadata.topics) {
          if (topic.name.startsWith("__")) internal++;
          for (const p of topic.partitions) {
            partitionCount++;
            if (p.leader < 0 || !live.has(p.leader)) offline++;
            if (p.isr.length < p.replicas.length) underReplicated++;
          }
        }
        return {
          status: "online" as const,
          kafkaClusterId: cluster.clusterId ?? null,
          activeControllerId: truth?.activeControllerId ?? null,
          kafkaVersion: truth?.kafkaVersion ?? null,
          brokerCount: cluster.brokers.length,
          topicCount: metadata.topics.length,
          internalTopicCount: internal,
          partitionCount,
          underReplicatedPartitions: underReplicated,
          offlinePartitions: offline,
          checkedAt,
        };
      }),
    );
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return { status: "unreachable", code: error.code, reason: error.message, checkedAt };
  }
}

/** A cluster's health and counts, probed at most every few seconds; an unreachable cluster answers within 5 s. */
export async function getClusterHealth(clusterId: string): Promise<ClusterStatus> {
  getClusterConfigOrThrow(clusterId);
  const hit = cache.get(clusterId);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.value;
  const value = probe(clusterId);
  cache.set(clusterId, { at: Date.now(), value });
  return value;
}
