import { queryOptions } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/client";
import { paths } from "@/lib/paths";
import { ClusterSizesSchema, TopicSizesSchema } from "@/lib/schemas/sizes";

export const sizeKeys = {
  cluster: (clusterId: string) => ["clusters", clusterId, "sizes"] as const,
  topic: (clusterId: string, topic: string) => ["clusters", clusterId, "topics", topic, "sizes"] as const,
};

/** Polled every 10 s: each poll also extends the server's size history from which bytes-in is derived. */
export const clusterSizesOptions = (clusterId: string) =>
  queryOptions({
    queryKey: sizeKeys.cluster(clusterId),
    queryFn: ({ signal }) => fetchJson(paths.api.sizes(clusterId), ClusterSizesSchema, { signal }),
    staleTime: 5_000,
    refetchInterval: 10_000,
  });

export const topicSizesOptions = (clusterId: string, topic: string) =>
  queryOptions({
    queryKey: sizeKeys.topic(clusterId, topic),
    queryFn: ({ signal }) => fetchJson(paths.api.topicSizes(clusterId, topic), TopicSizesSchema, { signal }),
    staleTime: 5_000,
    refetchInterval: 10_000,
  });
