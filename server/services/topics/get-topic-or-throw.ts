import "server-only";
import { ApiError } from "@/server/http/api-error";
import { fetchMetadata } from "@/server/kafka/metadata";
import { toTopicInfo, type TopicInfo } from "@/server/kafka/topic-snapshot";

/** Fresh metadata of one topic from the broker (not the cache), or a 404 naming it. */
export async function getTopicInfoOrThrow(clusterId: string, clusterName: string, topic: string): Promise<TopicInfo> {
  const metadata = await fetchMetadata(clusterId, [topic]);
  const t = metadata.topicMetadata.find((m) => m.topic === topic);
  if (!t || t.topicErrorCode === 3) {
    throw new ApiError("not_found", `Topic "${topic}" does not exist on cluster "${clusterName}".`);
  }
  return toTopicInfo(t, new Set(metadata.brokers.map((b) => b.nodeId)));
}
