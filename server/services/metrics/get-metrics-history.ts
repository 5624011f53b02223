import "server-only";
import type { MetricsPoint } from "@/lib/schemas/metrics";
import { getClusterConfigOrThrow } from "@/server/config";
import { loadTicks, type Resolution } from "@/server/metrics/history";
import { project, type MetricsScope } from "./stream-metrics";

export const HISTORY_RANGES = {
  "1h": { ms: 60 * 60_000, resolution: "raw" },
  "24h": { ms: 24 * 60 * 60_000, resolution: "1m" },
  "30d": { ms: 30 * 24 * 60 * 60_000, resolution: "1h" },
} as const;
export type HistoryRange = keyof typeof HISTORY_RANGES;

/** Stored samples for a range, at the resolution kept for it (raw for 1 h, per minute for 24 h, per hour for 30 days). */
export async function getMetricsHistory(
  clusterId: string,
  range: HistoryRange,
  scope: MetricsScope,
): Promise<{ range: HistoryRange; resolution: Resolution; points: MetricsPoint[] }> {
  getClusterConfigOrThrow(clusterId);
  const { ms, resolution } = HISTORY_RANGES[range];
  const ticks = await loadTicks(clusterId, resolution, Date.now() - ms);
  return { range, resolution, points: ticks.map((t) => ({ ...project(t, scope), resolution })) };
}
