import "server-only";
import type { ClusterSummary } from "@/lib/schemas/clusters";
import { visibleClusterIds } from "@/server/auth/authorize";
import type { Actor } from "@/server/auth/permissions";
import { getConfig, type ClusterConfig } from "@/server/config";

/** Projects a cluster's configuration to what the browser may see: never credentials or key material. */
export function toClusterSummary(c: ClusterConfig): ClusterSummary {
  const auth = [c.sasl ? `SASL/${c.sasl.mechanism.toUpperCase()}` : null, c.tls?.enabled ? "TLS" : null]
    .filter(Boolean)
    .join(" + ");
  return {
    id: c.id,
    name: c.name,
    bootstrapServers: c.bootstrapServers,
    readOnly: c.readOnly,
    hasSchemaRegistry: Boolean(c.schemaRegistry),
    authentication: auth || "none",
  };
}

export function listClusters(): ClusterSummary[] {
  return getConfig().clusters.map(toClusterSummary);
}

/** The clusters the actor holds a role on: all a user is shown (home page, cluster switcher, GET /api/clusters). */
export function listVisibleClusters(actor: Actor): ClusterSummary[] {
  const visible = visibleClusterIds(actor);
  return getConfig()
    .clusters.filter((c) => visible.has(c.id))
    .map(toClusterSummary);
}
