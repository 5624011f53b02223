import "server-only";
import type { ClusterOverview } from "@/lib/schemas/clusters";
import { visibleClusterIds } from "@/server/auth/authorize";
import type { Actor } from "@/server/auth/permissions";
import { getClusterConfigOrThrow, getConfig } from "@/server/config";
import { getClusterHealth } from "./get-cluster-health";
import { toClusterSummary } from "./list-clusters";

export async function getClusterOverview(clusterId: string): Promise<ClusterOverview> {
  const cluster = getClusterConfigOrThrow(clusterId);
  return { ...toClusterSummary(cluster), health: await getClusterHealth(clusterId) };
}

/**
 * Every configured cluster the actor holds a role on, with its health, probed in parallel (a dead cluster costs
 * at most its deadline).
 */
export async function listClusterOverviews(actor: Actor): Promise<ClusterOverview[]> {
  const visible = visibleClusterIds(actor);
  return Promise.all(
    getConfig()
      .clusters.filter((c) => visible.has(c.id))
      .map((c) => getClusterOverview(c.id)),
  );
}
