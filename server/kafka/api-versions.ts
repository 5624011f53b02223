import "server-only";
import { perCluster } from "@/server/process-state";
import { withModernAdmin } from "./registry";

/** What the cluster's brokers answer to ApiVersions: which request versions they accept. */
export type ApiSupport = {
  apis: Map<number, { name: string; min: number; max: number }>;
  /** true when the broker accepts `apiKey` at `version` (or any version when omitted) */
  supports(apiKey: number, version?: number): boolean;
  /** a sentence for the UI when an API is missing, e.g. "The cluster does not support ConsumerGroupDescribe (needs Kafka 4.0+)." */
  why(apiKey: number, name: string, needs: string): string | null;
};

const TTL_MS = 10 * 60_000;
const cache = perCluster<{ at: number; value: Promise<ApiSupport> }>("ApiSupport");

export function toApiSupport(
  list: { apiKey: number; name: string; minVersion: number; maxVersion: number }[],
): ApiSupport {
  const apis = new Map(list.map((a) => [a.apiKey, { name: a.name, min: a.minVersion, max: a.maxVersion }]));
  const supports = (apiKey: number, version?: number) => {
    const a = apis.get(apiKey);
    return !!a && (version === undefined || (version >= a.min && version <= a.max));
  };
  return {
    apis,
    supports,
    why: (apiKey, name, needs) =>
      supports(apiKey) ? null : `The cluster's brokers do not support ${name} (${needs}), so this is not available.`,
  };
}

/** The cluster's ApiVersions answer, cached for 10 minutes (a failed read is not cached). */
export function apiSupport(clusterId: string): Promise<ApiSupport> {
  const hit = cache.get(clusterId);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value;
  const value = withModernAdmin(clusterId, (admin) => admin.listApis()).then(toApiSupport);
  cache.set(clusterId, { at: Date.now(), value });
  value.catch(() => {
    if (cache.get(clusterId)?.value === value) cache.delete(clusterId);
  });
  return value;
}
