import "server-only";
import type { ClusterTruth } from "@/lib/schemas/clusters";
import { getClusterConfigOrThrow } from "@/server/config";
import { clusterTruth } from "@/server/kafka/cluster-truth";
import { withDeadline } from "@/server/kafka/deadline";

/** The cluster's Kafka release, finalized features and KRaft quorum, as the cluster reports them. */
export async function getClusterTruth(clusterId: string): Promise<ClusterTruth> {
  const cluster = getClusterConfigOrThrow(clusterId);
  return withDeadline(8_000, `Cluster "${cluster.name}"`, () => clusterTruth(clusterId));
}
