import { paths } from "@/lib/paths";
import { ClusterSizesSchema, TopicSizesSchema } from "@/lib/schemas/sizes";
import { jsonQueryOptions } from "@/lib/queries/json-query";

export const sizeKeys = {
  cluster: (clusterId: string) => ["clusters", clusterId, "sizes"] as const,
  topic: (clusterId: string, topic: string) => ["clusters", clusterId, "topics", topic, "sizes"] as const,
};

/** Polled every 10 s: each poll also extends the server's size history from which bytes-in is derived. */
export const clusterSizesOptions = (clusterId: string) =>
  jsonQueryOptions(sizeKeys.cluster(clusterId), paths.api.sizes(clusterId), ClusterSizesSchema, {
    staleTime: 5_000,
    refetchInterval: 10_000,
  });

export const topicSizesOptions = (clusterId: string, topic: string) =>
  jsonQueryOptions(sizeKeys.topic(clusterId, topic), paths.api.topicSizes(clusterId, topic), TopicSizesSchema, {
    staleTime: 5_000,
    refetchInterval: 10_000,
  });
