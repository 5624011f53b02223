import "server-only";
import type { TopicSizes } from "@/lib/schemas/sizes";
import {
  derivedBytesRate,
  getClusterSizes,
  getTopicSizes as readTopicSizes,
  partitionSize,
} from "@/server/kafka/log-dirs";

/** One topic's size per partition and replica, read now; its bytes per second come from the cluster's cached snapshots. */
export async function getTopicSizes(clusterId: string, topic: string): Promise<TopicSizes> {
  const sizes = await readTopicSizes(clusterId, topic);
  if (!sizes.available) return sizes;
  // Keeps the cluster snapshots (and so the derived rate) current while someone watches the topic.
  await getClusterSizes(clusterId).catch(() => null);
  const partitions = [...sizes.value.partitions.entries()]
    .map(([partition, replicas]) => ({
      partition,
      sizeBytes: partitionSize(replicas),
      replicas: replicas.sort((a, b) => a.brokerId - b.brokerId),
    }))
    .sort((a, b) => a.partition - b.partition);
  const rate = derivedBytesRate(clusterId, topic);
  return {
    available: true,
    measuredAt: new Date(sizes.value.at).toISOString(),
    sizeBytes: partitions.reduce((n, p) => n + (p.sizeBytes ?? 0), 0),
    diskBytes: partitions.reduce((n, p) => n + p.replicas.reduce((m, r) => m + r.sizeBytes, 0), 0),
    partitions,
    bytesInPerSec: rate.bytesPerSec,
    bytesInWindowMs: rate.windowMs,
    bytesInSource: "derived",
  };
}
