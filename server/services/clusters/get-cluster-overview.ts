import "server-only";
import type { ClusterOverview } from "@/lib/schemas/clusters";
import { getClusterConfigOrThrow, getConfig } from "@/server/config";
import { getClusterHealth } from "./get-cluster-health";
import { toClusterSummary } from "./list-clusters";

export async function getClusterOverview(clusterId: string): Promise<ClusterOverview> {
  const cluster = getClusterConfigOrThrow(clusterId);
  return { ...toClusterSummary(cluster), health: await getClusterHealth(clusterId) };
}

/** Every configured cluster with its health, probed in parallel (a dead cluster costs at most its deadline). */
export async function listClusterOverviews(): Promise<ClusterOverview[]> {
  return Promise.all(getConfig().clusters.map((c) => getClusterOverview(c.id)));
}
