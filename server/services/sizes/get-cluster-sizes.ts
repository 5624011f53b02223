import "server-only";
import type { ClusterSizes } from "@/lib/schemas/sizes";
import { derivedBytesRate, getClusterSizes as readSizes } from "@/server/kafka/log-dirs";

const sum = (xs: (number | null)[]) => (xs.some((x) => x === null) ? null : xs.reduce<number>((n, x) => n + x!, 0));

/** The cluster's size on disk, each broker's log dirs (used, capacity, free) and bytes written per second (derived). */
export async function getClusterSizes(clusterId: string): Promise<ClusterSizes> {
  const sizes = await readSizes(clusterId);
  if (!sizes.available) return sizes;
  const s = sizes.value;
  let totalBytes = 0;
  let diskBytes = 0;
  for (const t of s.topics.values()) {
    totalBytes += t.sizeBytes;
    diskBytes += t.diskBytes;
  }
  const rate = derivedBytesRate(clusterId);
  return {
    available: true,
    measuredAt: new Date(s.at).toISOString(),
    totalBytes,
    diskBytes,
    brokers: s.brokers.map((b) => ({
      brokerId: b.brokerId,
      sizeBytes: b.logDirs.reduce((n, d) => n + d.sizeBytes, 0),
      totalBytes: sum(b.logDirs.map((d) => d.totalBytes)),
      usableBytes: sum(b.logDirs.map((d) => d.usableBytes)),
      logDirs: b.logDirs,
    })),
    bytesInPerSec: rate.bytesPerSec,
    bytesInWindowMs: rate.windowMs,
    bytesInSource: "derived",
  };
}
