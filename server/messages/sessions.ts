import "server-only";
import { getClusterConfigOrThrow } from "@/server/config";
import { ApiError } from "@/server/http/api-error";

const g = globalThis as unknown as { __sluiceMessageSessions?: Map<string, number> };
const active: Map<string, number> = (g.__sluiceMessageSessions ??= new Map());

/**
 * Counts a message session (a browse page in flight, a search, a live tail, an export) against the cluster's
 * cap; beyond it → 429. Call the returned function exactly once when the session ends.
 */
export function acquireMessageSession(clusterId: string): () => void {
  const cluster = getClusterConfigOrThrow(clusterId);
  const max = cluster.messages.maxSessions;
  const n = active.get(clusterId) ?? 0;
  if (n >= max) {
    throw new ApiError(
      "rate_limited",
      `Cluster "${cluster.name}" already has ${n} message sessions open (searches, live tails, exports; the limit is ${max}). Close a tab or stop a search, then retry.`,
    );
  }
  active.set(clusterId, n + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    active.set(clusterId, Math.max(0, (active.get(clusterId) ?? 1) - 1));
  };
}

export function activeMessageSessions(clusterId: string): number {
  return active.get(clusterId) ?? 0;
}
