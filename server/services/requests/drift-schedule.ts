import "server-only";
import { processState } from "@/server/process-state";
import { getConfig } from "@/server/config";
import { prisma } from "@/server/db/prisma";
import { acquireLease, releaseLease, REPLICA_ID } from "@/server/metrics/lease";
import { checkDrift } from "./check-drift";

/** The lease key of a cluster's periodic drift check (the sampler's lease table, a key of its own). */
export const driftLeaseKey = (clusterId: string) => `drift:${clusterId}`;

/**
 * One round of the periodic drift check as replica `holder`: each cluster with provisioned requests is compared with
 * its live cluster by the one replica holding that cluster's drift lease (taken or renewed here, valid for two
 * rounds, so a replica that dies hands over after at most two intervals). Failures (a cluster down) are logged and
 * retried next round. Returns the clusters this replica checked.
 */
export async function runDriftRound(holder: string, everyMs: number): Promise<string[]> {
  const checked: string[] = [];
  for (const cluster of getConfig().clusters) {
    const provisioned = await prisma.topicRequest.count({ where: { clusterId: cluster.id, status: "PROVISIONED" } });
    if (!provisioned) continue;
    if (!(await acquireLease(driftLeaseKey(cluster.id), holder, 2 * everyMs))) continue;
    checked.push(cluster.id);
    await checkDrift(cluster.id).catch((e: Error) =>
      console.warn(`Sluice: drift check of cluster "${cluster.id}" failed: ${e.message}`),
    );
  }
  return checked;
}

const driftTimer = () => processState("DriftTimer", () => ({ current: undefined as NodeJS.Timeout | undefined }));

/** The periodic drift check: every SLUICE_DRIFT_INTERVAL_MS (default 5 min; 0 turns it off), once across replicas. */
export function startDriftChecks(): void {
  const every = Number(process.env.SLUICE_DRIFT_INTERVAL_MS ?? 300_000);
  if (!every) return;
  const timer = driftTimer();
  if (timer.current) return;
  timer.current = setInterval(() => {
    runDriftRound(REPLICA_ID, every).catch((e: Error) => console.warn(`Sluice: drift check failed: ${e.message}`));
  }, every);
  timer.current.unref();
}

/** Stops the periodic drift checks and gives this replica's drift leases up (shutdown). */
export async function stopDriftChecks(): Promise<void> {
  const timer = driftTimer();
  if (timer.current) clearInterval(timer.current);
  timer.current = undefined;
  await Promise.all(getConfig().clusters.map((c) => releaseLease(driftLeaseKey(c.id), REPLICA_ID).catch(() => {})));
}
