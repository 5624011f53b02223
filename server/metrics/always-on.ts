import "server-only";
import { getConfig } from "@/server/config";
import { evaluateAlerts } from "@/server/services/alerts/evaluate";
import { startOutbox } from "@/server/services/alerts/outbox";
import { allSamplers, registerAfterTick, samplerFor } from "./sampler";

/**
 * Starts every cluster's sampler when the server starts (unless `metrics.continuous: false`), so history, health
 * windows and alerts do not depend on anyone watching. SLUICE_SAMPLING narrows it for tooling and tests: `off`, or a
 * comma-separated list of cluster ids (the others sample only while viewed).
 * Across replicas the SamplerLease row still elects the one that reads Kafka; the others replay its ticks.
 */
export function startSamplers(): void {
  // Alerts are evaluated by the replica that sampled the tick; notifications leave through the outbox worker.
  registerAfterTick((sampler, tick, sampled) =>
    sampled ? evaluateAlerts({ clusterId: sampler.clusterId, tick, groupDetail: sampler.groupDetail }) : undefined,
  );
  startOutbox();
  const only = process.env.SLUICE_SAMPLING?.trim();
  if (only === "off") return;
  const ids = only && only !== "all" ? new Set(only.split(",").map((x) => x.trim())) : null;
  for (const cluster of getConfig().clusters) {
    if (cluster.metrics.continuous && (!ids || ids.has(cluster.id))) samplerFor(cluster.id).start();
  }
}

/** Stops sampling and releases this replica's leases (shutdown), so another replica takes over at once. */
export async function stopSamplers(): Promise<void> {
  await Promise.all(allSamplers().map((s) => s.stop()));
}
