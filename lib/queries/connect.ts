import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson, unchecked, jsonInit } from "@/lib/api/client";
import { paths } from "@/lib/paths";
import type {
  ConfigValidation,
  ConnectClusterSummary,
  ConnectorDetail,
  ConnectorOffsets,
  ConnectorRow,
  ConnectPlugin,
} from "@/lib/schemas/connect";
import { jsonQueryOptions } from "@/lib/queries/json-query";
import { STALE } from "@/lib/stale-times";

export const connectKeys = {
  all: (clusterId: string) => ["clusters", clusterId, "connect"] as const,
  clusters: (clusterId: string) => [...connectKeys.all(clusterId), "clusters"] as const,
  connectors: (clusterId: string, connectId: string) =>
    [...connectKeys.all(clusterId), connectId, "connectors"] as const,
  connector: (clusterId: string, connectId: string, name: string) =>
    [...connectKeys.connectors(clusterId, connectId), name] as const,
  offsets: (clusterId: string, connectId: string, name: string) =>
    [...connectKeys.connector(clusterId, connectId, name), "offsets"] as const,
  plugins: (clusterId: string, connectId: string) => [...connectKeys.all(clusterId), connectId, "plugins"] as const,
  pluginConfig: (clusterId: string, connectId: string, className: string) =>
    [...connectKeys.plugins(clusterId, connectId), className] as const,
};

export const connectClustersOptions = (clusterId: string) =>
  jsonQueryOptions(
    connectKeys.clusters(clusterId),
    paths.api.connect(clusterId),
    unchecked<{ connect: ConnectClusterSummary[] }>(),
    { staleTime: STALE.health, refetchInterval: 15_000 },
  );

export const connectorsOptions = (clusterId: string, connectId: string) =>
  jsonQueryOptions(
    connectKeys.connectors(clusterId, connectId),
    paths.api.connectors(clusterId, connectId),
    unchecked<{ connectors: ConnectorRow[] }>(),
    { staleTime: STALE.list },
  );

export const connectorOptions = (clusterId: string, connectId: string, name: string) =>
  jsonQueryOptions(
    connectKeys.connector(clusterId, connectId, name),
    paths.api.connector(clusterId, connectId, name),
    unchecked<ConnectorDetail>(),
    { staleTime: STALE.list },
  );

export const connectorOffsetsOptions = (clusterId: string, connectId: string, name: string) =>
  jsonQueryOptions(
    connectKeys.offsets(clusterId, connectId, name),
    paths.api.connectorOffsets(clusterId, connectId, name),
    unchecked<ConnectorOffsets>(),
    { staleTime: STALE.live },
  );

export const connectPluginsOptions = (clusterId: string, connectId: string) =>
  jsonQueryOptions(
    connectKeys.plugins(clusterId, connectId),
    paths.api.connectPlugins(clusterId, connectId),
    unchecked<{ plugins: ConnectPlugin[] }>(),
    { staleTime: STALE.metadata },
  );

export const pluginConfigOptions = (clusterId: string, connectId: string, className: string) =>
  queryOptions({
    queryKey: connectKeys.pluginConfig(clusterId, connectId, className),
    queryFn: ({ signal }) =>
      fetchJson(paths.api.connectPluginConfig(clusterId, connectId, className), unchecked<ConfigValidation>(), {
        signal,
      }),
    staleTime: STALE.metadata,
  });

/** The worker's verdict on a config: changes nothing. */
export function useValidateConnectorMutation(clusterId: string, connectId: string) {
  return useMutation({
    mutationFn: ({ className, config }: { className: string; config: Record<string, string> }) =>
      fetchJson(
        paths.api.connectPluginConfig(clusterId, connectId, className),
        unchecked<ConfigValidation>(),
        jsonInit("POST", { config }),
      ),
  });
}

export function useCreateConnectorMutation(clusterId: string, connectId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; config: Record<string, string> }) =>
      fetchJson(paths.api.connectors(clusterId, connectId), unchecked<ConnectorDetail>(), jsonInit("POST", body)),
    onSuccess: () => void qc.invalidateQueries({ queryKey: connectKeys.all(clusterId) }),
  });
}

export function useUpdateConnectorMutation(clusterId: string, connectId: string, name: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (config: Record<string, string>) =>
      fetchJson(
        paths.api.connector(clusterId, connectId, name),
        unchecked<ConnectorDetail>(),
        jsonInit("PUT", { config }),
      ),
    onSuccess: (d) => qc.setQueryData(connectKeys.connector(clusterId, connectId, name), d),
  });
}

export type ConnectorActionInput =
  | { kind: "pause" | "resume" | "stop" | "delete" | "reset-offsets" }
  | { kind: "restart"; includeTasks: boolean; onlyFailed: boolean }
  | { kind: "restart-task"; taskId: number };

export function useConnectorActionMutation(clusterId: string, connectId: string, name: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (a: ConnectorActionInput) => {
      const ok = unchecked<unknown>();
      switch (a.kind) {
        case "delete":
          return fetchJson(paths.api.connector(clusterId, connectId, name), ok, jsonInit("DELETE"));
        case "reset-offsets":
          return fetchJson(paths.api.connectorOffsets(clusterId, connectId, name), ok, jsonInit("DELETE"));
        case "restart":
          return fetchJson(
            paths.api.connectorAction(clusterId, connectId, name, "restart", {
              includeTasks: a.includeTasks,
              onlyFailed: a.onlyFailed,
            }),
            ok,
            jsonInit("POST"),
          );
        case "restart-task":
          return fetchJson(paths.api.connectorTaskRestart(clusterId, connectId, name, a.taskId), ok, jsonInit("POST"));
        default:
          return fetchJson(paths.api.connectorAction(clusterId, connectId, name, a.kind), ok, jsonInit("POST"));
      }
    },
    onSuccess: (_r, a) => {
      if (a.kind === "delete") qc.removeQueries({ queryKey: connectKeys.connector(clusterId, connectId, name) });
      void qc.invalidateQueries({ queryKey: connectKeys.connectors(clusterId, connectId) });
    },
  });
}
