import { queryOptions } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/client";
import { paths } from "@/lib/paths";
import { BrokerConfigsSchema, BrokerListSchema, ClusterOverviewSchema } from "@/lib/schemas/clusters";
import { STALE } from "@/lib/stale-times";

export const clusterKeys = {
  all: (clusterId: string) => ["clusters", clusterId] as const,
  overview: (clusterId: string) => [...clusterKeys.all(clusterId), "overview"] as const,
  brokers: (clusterId: string) => [...clusterKeys.all(clusterId), "brokers"] as const,
  brokerConfigs: (clusterId: string, brokerId: number) => [...clusterKeys.brokers(clusterId), brokerId, "configs"] as const,
};

export const clusterOverviewOptions = (clusterId: string) =>
  queryOptions({
    queryKey: clusterKeys.overview(clusterId),
    queryFn: ({ signal }) => fetchJson(paths.api.cluster(clusterId), ClusterOverviewSchema, { signal }),
    staleTime: STALE.health,
    refetchInterval: 15_000,
  });

export const brokerListOptions = (clusterId: string) =>
  queryOptions({
    queryKey: clusterKeys.brokers(clusterId),
    queryFn: ({ signal }) => fetchJson(paths.api.brokers(clusterId), BrokerListSchema, { signal }),
    staleTime: STALE.list,
  });

export const brokerConfigsOptions = (clusterId: string, brokerId: number) =>
  queryOptions({
    queryKey: clusterKeys.brokerConfigs(clusterId, brokerId),
    queryFn: ({ signal }) => fetchJson(paths.api.brokerConfigs(clusterId, brokerId), BrokerConfigsSchema, { signal }),
    staleTime: STALE.metadata,
  });
