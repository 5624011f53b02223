import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/client";
import { paths } from "@/lib/paths";
import {
  BrokerConfigsSchema,
  BrokerListSchema,
  ClusterOverviewSchema,
  ClusterTruthSchema,
} from "@/lib/schemas/clusters";
import { BrokerDefaultConfigsSchema, type BrokerConfigChangeBody } from "@/lib/schemas/configs";
import { ConfigDiffSchema } from "@/lib/schemas/topics";
import { STALE } from "@/lib/stale-times";

export const clusterKeys = {
  all: (clusterId: string) => ["clusters", clusterId] as const,
  overview: (clusterId: string) => [...clusterKeys.all(clusterId), "overview"] as const,
  brokers: (clusterId: string) => [...clusterKeys.all(clusterId), "brokers"] as const,
  brokerConfigs: (clusterId: string, brokerId: number) =>
    [...clusterKeys.brokers(clusterId), brokerId, "configs"] as const,
  brokerDefaults: (clusterId: string) => [...clusterKeys.brokers(clusterId), "defaults"] as const,
  quorum: (clusterId: string) => [...clusterKeys.all(clusterId), "quorum"] as const,
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

/** Kafka release, finalized features and the KRaft quorum (active controller, voters, observers, lag). */
export const clusterTruthOptions = (clusterId: string) =>
  queryOptions({
    queryKey: clusterKeys.quorum(clusterId),
    queryFn: ({ signal }) => fetchJson(paths.api.quorum(clusterId), ClusterTruthSchema, { signal }),
    staleTime: STALE.health,
    refetchInterval: 15_000,
  });

export const brokerDefaultsOptions = (clusterId: string) =>
  queryOptions({
    queryKey: clusterKeys.brokerDefaults(clusterId),
    queryFn: ({ signal }) => fetchJson(paths.api.brokerDefaults(clusterId), BrokerDefaultConfigsSchema, { signal }),
    staleTime: STALE.metadata,
  });

/** Change one broker's dynamic configs (`broker` = its id) or the cluster-wide default; dryRun = the broker validates only. */
export function useAlterBrokerConfigMutation(clusterId: string, broker: number | "default") {
  const qc = useQueryClient();
  const url = broker === "default" ? paths.api.brokerDefaults(clusterId) : paths.api.brokerConfigs(clusterId, broker);
  return useMutation({
    mutationFn: ({ body, dryRun }: { body: BrokerConfigChangeBody; dryRun: boolean }) =>
      fetchJson(`${url}${dryRun ? "?dryRun=true" : ""}`, ConfigDiffSchema, {
        method: "PATCH",
        body: JSON.stringify(body),
      }),
    onSuccess: (_r, v) => {
      if (!v.dryRun) void qc.invalidateQueries({ queryKey: clusterKeys.brokers(clusterId) });
    },
  });
}
