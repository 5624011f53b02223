import "server-only";
import { processState, perCluster } from "@/server/process-state";
import { getClusterConfigOrThrow } from "@/server/config";
import { ApiError } from "@/server/http/api-error";
import { currentRequest } from "@/server/http/request-context";

const active: Map<string, number> = perCluster<number>("MessageSessions");
/** Sessions per user and cluster, keyed `${clusterId}\n${userId}`. */
const perUser: Map<string, number> = processState("UserMessageSessions", () => new Map<string, number>());

/**
 * Counts a message session (a browse page in flight, a search, a live tail, an export) against the cluster's
 * cap and against the signed-in user's own cap on that cluster (so one user cannot take every slot); beyond
 * either → 429. The user is the one the current route runs for. Call the returned function exactly once when
 * the session's work has really ended.
 */
export function acquireMessageSession(
  clusterId: string,
  userId: string | null = currentRequest()?.userId ?? null,
): () => void {
  const cluster = getClusterConfigOrThrow(clusterId);
  const max = cluster.messages.maxSessions;
  const n = active.get(clusterId) ?? 0;
  if (n >= max) {
    throw new ApiError(
      "rate_limited",
      `Cluster "${cluster.name}" already has ${n} message sessions open (searches, live tails, exports; the limit is ${max}). Close a tab or stop a search, then retry.`,
    );
  }
  const userKey = userId ? `${clusterId}\n${userId}` : null;
  const maxPerUser = cluster.messages.maxSessionsPerUser;
  const mine = userKey ? (perUser.get(userKey) ?? 0) : 0;
  if (userKey && mine >= maxPerUser) {
    throw new ApiError(
      "rate_limited",
      `You already have ${mine} message sessions open on cluster "${cluster.name}" (browse pages, searches, live tails, exports; the limit per user is ${maxPerUser}). Close a tab or stop a search, then retry.`,
    );
  }
  active.set(clusterId, n + 1);
  if (userKey) perUser.set(userKey, mine + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    active.set(clusterId, Math.max(0, (active.get(clusterId) ?? 1) - 1));
    if (userKey) {
      const left = (perUser.get(userKey) ?? 1) - 1;
      if (left > 0) perUser.set(userKey, left);
      else perUser.delete(userKey);
    }
  };
}

export function activeMessageSessions(clusterId: string): number {
  return active.get(clusterId) ?? 0;
}
