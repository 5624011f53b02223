import "server-only";
import { ApiError } from "@/server/http/api-error";
import type { RawCluster } from "@/server/kafka/raw-cluster";
import { toTopicInfo, type TopicInfo } from "@/server/kafka/topic-snapshot";

/** Fresh metadata of one topic from the broker (not the cache), or a 404 naming it. */
export async function getTopicInfoOrThrow(cluster: RawCluster, clusterName: string, topic: string): Promise<TopicInfo> {
  const metadata = await cluster.metadata({ topics: [topic] }).catch((e: { type?: string }) => {
    if (e?.type === "UNKNOWN_TOPIC_OR_PARTITION") return null;
    throw e;
  });
  const t = metadata?.topicMetadata.find((m) => m.topic === topic);
  if (!metadata || !t || t.topicErrorCode === 3) throw new ApiError("not_found", `Topic "${topic}" does not exist on cluster "${clusterName}".`);
  return toTopicInfo(t, new Set(metadata.brokers.map((b) => b.nodeId)));
}
