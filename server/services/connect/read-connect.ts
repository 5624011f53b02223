import "server-only";
import { mapLimit } from "@/server/kafka/map-limit";
import type {
  ConfigValidation,
  ConnectClusterSummary,
  ConnectorDetail,
  ConnectorOffsets,
  ConnectorRow,
  ConnectPlugin,
} from "@/lib/schemas/connect";
import { connectClustersOf, connectFor, seg, type ConnectClient } from "@/server/connect/client";
import { ApiError } from "@/server/http/api-error";
import { streamError } from "@/server/http/sse";
import { maskConfig } from "./mask-config";
import {
  taskCounts,
  toState,
  toTasks,
  type WorkerConfigInfos,
  type WorkerExpanded,
  type WorkerInfo,
  type WorkerStatus,
} from "./worker-types";

/** The Connect clusters of a Kafka cluster with version and health; a worker that is down is reported, not thrown. */
export async function listConnectClusters(clusterId: string): Promise<{ connect: ConnectClusterSummary[] }> {
  const list = connectClustersOf(clusterId);
  const connect = await Promise.all(
    list.map(async (cfg): Promise<ConnectClusterSummary> => {
      const client = connectFor(clusterId, cfg.name);
      try {
        const [root, expanded] = await Promise.all([
          client.request<{ version?: string; commit?: string; kafka_cluster_id?: string }>({ path: "/" }),
          client.request<WorkerExpanded>({ path: "/connectors", query: { expand: "status" } }),
        ]);
        const states = Object.values(expanded ?? {}).map((e) => e.status);
        return {
          name: cfg.name,
          host: client.host,
          up: true,
          version: root?.version ?? null,
          commit: root?.commit ?? null,
          kafkaClusterId: root?.kafka_cluster_id ?? null,
          connectors: states.length,
          running: states.filter((s) => s?.connector.state === "RUNNING").length,
          failed: states.filter((s) => s?.connector.state === "FAILED" || s?.tasks.some((t) => t.state === "FAILED"))
            .length,
          error: null,
        };
      } catch (error) {
        return {
          name: cfg.name,
          host: client.host,
          up: false,
          version: null,
          commit: null,
          kafkaClusterId: null,
          connectors: null,
          running: null,
          failed: null,
          error: streamError(error, "connect"),
        };
      }
    }),
  );
  return { connect };
}

/** The topics a connector has used (the worker's `/connectors/:name/topics`); [] when topic tracking is off. */
async function connectorTopics(client: ConnectClient, name: string): Promise<string[]> {
  try {
    const r = await client.request<Record<string, { topics?: string[] }>>({ path: `/connectors/${seg(name)}/topics` });
    return [...(r?.[name]?.topics ?? [])].sort();
  } catch (error) {
    if (error instanceof ApiError && (error.code === "not_found" || error.code === "unprocessable_entity")) return [];
    throw error;
  }
}

export async function listConnectors(clusterId: string, connectId: string): Promise<{ connectors: ConnectorRow[] }> {
  const client = connectFor(clusterId, connectId);
  const expanded = await client.request<WorkerExpanded>({
    path: "/connectors",
    query: [
      ["expand", "status"],
      ["expand", "info"],
    ],
  });
  const names = Object.keys(expanded ?? {}).sort();
  const topics = await mapLimit(names, 8, (n) => connectorTopics(client, n));
  const connectors = names.map((name, i): ConnectorRow => {
    const { status, info } = expanded[name];
    return {
      name,
      type: info?.type ?? status?.type ?? "unknown",
      className: info?.config["connector.class"] ?? "",
      state: toState(status?.connector.state),
      workerId: status?.connector.worker_id ?? null,
      tasks: taskCounts(status),
      topics: topics[i],
    };
  });
  return { connectors };
}

/** Validates a config with its plugin (`PUT /connector-plugins/<class>/config/validate`). */
export async function validateWith(client: ConnectClient, config: Record<string, string>): Promise<WorkerConfigInfos> {
  const className = config["connector.class"];
  if (!className) {
    throw new ApiError("unprocessable_entity", "The config has no connector.class.", [
      { path: "config.connector.class", issue: "required" },
    ]);
  }
  try {
    return await client.request<WorkerConfigInfos>({
      method: "PUT",
      path: `/connector-plugins/${seg(className)}/config/validate`,
      body: config,
    });
  } catch (error) {
    if (
      error instanceof ApiError &&
      error.code === "unprocessable_entity" &&
      /Failed to find any class that implements Connector/.test(error.message)
    ) {
      throw new ApiError(
        "unprocessable_entity",
        `Kafka Connect "${client.name}" has no connector plugin "${className}".`,
        [{ path: "config.connector.class", issue: "unknown plugin" }],
      );
    }
    throw error;
  }
}

/** Each config key's declared type (PASSWORD, STRING, …) from the plugin's definition; empty when the plugin cannot say. */
async function configTypes(client: ConnectClient, config: Record<string, string>): Promise<Map<string, string>> {
  try {
    const infos = await validateWith(client, config);
    return new Map(infos.configs.map((c) => [c.definition.name, c.definition.type]));
  } catch {
    return new Map();
  }
}

/** The raw stored config and the keys Sluice masks in it (used by edits to keep hidden values). */
export async function storedConfig(
  client: ConnectClient,
  name: string,
): Promise<{ config: Record<string, string>; maskedKeys: string[] }> {
  const config = await client.request<Record<string, string>>({ path: `/connectors/${seg(name)}/config` });
  return { config, maskedKeys: maskConfig(config, await configTypes(client, config)).maskedKeys };
}

export async function getConnectorStatus(client: ConnectClient, name: string): Promise<WorkerStatus> {
  return client.request<WorkerStatus>({ path: `/connectors/${seg(name)}/status` });
}

export async function getConnector(clusterId: string, connectId: string, name: string): Promise<ConnectorDetail> {
  const client = connectFor(clusterId, connectId);
  const [info, status, topics] = await Promise.all([
    client.request<WorkerInfo>({ path: `/connectors/${seg(name)}` }),
    // A connector created a moment ago has no status yet: UNASSIGNED until a worker reports one.
    getConnectorStatus(client, name).catch((error: unknown): WorkerStatus => {
      if (error instanceof ApiError && error.code === "not_found") {
        return { name, connector: { state: "UNASSIGNED" }, tasks: [] };
      }
      throw error;
    }),
    connectorTopics(client, name),
  ]);
  const { config, maskedKeys } = maskConfig(info.config, await configTypes(client, info.config));
  return {
    name,
    type: info.type ?? status.type ?? "unknown",
    className: info.config["connector.class"] ?? "",
    state: toState(status.connector.state),
    workerId: status.connector.worker_id ?? null,
    trace: status.connector.trace ?? null,
    config,
    maskedKeys,
    tasks: toTasks(status),
    topics,
  };
}

export async function getConnectorOffsets(
  clusterId: string,
  connectId: string,
  name: string,
): Promise<ConnectorOffsets> {
  const client = connectFor(clusterId, connectId);
  const r = await client.request<ConnectorOffsets>({ path: `/connectors/${seg(name)}/offsets` });
  return { offsets: r?.offsets ?? [] };
}

export async function listPlugins(clusterId: string, connectId: string): Promise<{ plugins: ConnectPlugin[] }> {
  const client = connectFor(clusterId, connectId);
  const r = await client.request<{ class: string; type: string; version?: string }[]>({ path: "/connector-plugins" });
  return {
    plugins: (r ?? [])
      .map((p) => ({ className: p.class, type: p.type, version: p.version ?? null }))
      .sort((a, b) => a.className.localeCompare(b.className)),
  };
}

export function toValidation(infos: WorkerConfigInfos, className: string): ConfigValidation {
  return {
    className,
    errorCount: infos.error_count,
    groups: infos.groups,
    fields: infos.configs.map((c) => ({
      name: c.definition.name,
      type: c.definition.type,
      required: c.definition.required,
      defaultValue: c.definition.default_value,
      importance: c.definition.importance,
      documentation: c.definition.documentation ?? "",
      group: c.definition.group,
      orderInGroup: c.definition.order_in_group,
      displayName: c.definition.display_name || c.definition.name,
      value: c.value.value,
      recommendedValues: c.value.recommended_values ?? [],
      errors: c.value.errors ?? [],
      visible: c.value.visible,
    })),
  };
}

/**
 * A plugin's config definition with the worker's verdict on `config` (the create form: fields, groups, defaults and
 * per-field errors). Without a config, the definition alone (the worker's errors for the empty config included).
 */
export async function validatePluginConfig(
  clusterId: string,
  connectId: string,
  className: string,
  config: Record<string, string> = {},
): Promise<ConfigValidation> {
  const client = connectFor(clusterId, connectId);
  const infos = await validateWith(client, { ...config, "connector.class": className });
  return toValidation(infos, className);
}
