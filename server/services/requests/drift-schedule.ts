import "server-only";
import { getConfig } from "@/server/config";
import { prisma } from "@/server/db/prisma";
import { checkDrift } from "./check-drift";

/**
 * The periodic drift check: every SLUICE_DRIFT_INTERVAL_MS (default 5 min; 0 turns it off), each cluster with
 * provisioned requests is compared with its live topics. Failures (a cluster down) are logged and retried next time.
 */
export function startDriftChecks(): void {
  const every = Number(process.env.SLUICE_DRIFT_INTERVAL_MS ?? 300_000);
  if (!every) return;
  const g = globalThis as { __sluiceDriftTimer?: NodeJS.Timeout };
  if (g.__sluiceDriftTimer) return;
  g.__sluiceDriftTimer = setInterval(() => {
    void (async () => {
      for (const cluster of getConfig().clusters) {
        const provisioned = await prisma.topicRequest.count({ where: { clusterId: cluster.id, status: "PROVISIONED" } });
        if (!provisioned) continue;
        await checkDrift(cluster.id).catch((e: Error) => console.warn(`Sluice: drift check of cluster "${cluster.id}" failed: ${e.message}`));
      }
    })().catch((e: Error) => console.warn(`Sluice: drift check failed: ${e.message}`));
  }, every);
  g.__sluiceDriftTimer.unref();
}

/** Stops the periodic drift checks (shutdown). */
export function stopDriftChecks(): void {
  const g = globalThis as { __sluiceDriftTimer?: NodeJS.Timeout };
  if (g.__sluiceDriftTimer) clearInterval(g.__sluiceDriftTimer);
  g.__sluiceDriftTimer = undefined;
}
