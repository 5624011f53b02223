import { useMutation, useQueryClient } from "@tanstack/react-query";
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
import { jsonQueryOptions } from "@/lib/queries/json-query";
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
  jsonQueryOptions(clusterKeys.overview(clusterId), paths.api.cluster(clusterId), ClusterOverviewSchema, {
    staleTime: STALE.health,
    refetchInterval: 15_000,
  });

export const brokerListOptions = (clusterId: string) =>
  jsonQueryOptions(clusterKeys.brokers(clusterId), paths.api.brokers(clusterId), BrokerListSchema, {
    staleTime: STALE.list,
  });

export const brokerConfigsOptions = (clusterId: string, brokerId: number) =>
  jsonQueryOptions(
    clusterKeys.brokerConfigs(clusterId, brokerId),
    paths.api.brokerConfigs(clusterId, brokerId),
    BrokerConfigsSchema,
    { staleTime: STALE.metadata },
  );

/** Kafka release, finalized features and the KRaft quorum (active controller, voters, observers, lag). */
export const clusterTruthOptions = (clusterId: string) =>
  jsonQueryOptions(clusterKeys.quorum(clusterId), paths.api.quorum(clusterId), ClusterTruthSchema, {
    staleTime: STALE.health,
    refetchInterval: 15_000,
  });

export const brokerDefaultsOptions = (clusterId: string) =>
  jsonQueryOptions(
    clusterKeys.brokerDefaults(clusterId),
    paths.api.brokerDefaults(clusterId),
    BrokerDefaultConfigsSchema,
    { staleTime: STALE.metadata },
  );

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
