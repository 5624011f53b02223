import "server-only";
import { ApiError } from "@/server/http/api-error";
import { processState } from "@/server/process-state";
import { loadConfig } from "./load-config";
import type { ClusterConfig, SluiceConfig } from "./schema";

/** The configuration, read once per process (instrumentation.ts reads it at start-up and refuses bad files). */
export function getConfig(): SluiceConfig {
  return processState("Config", loadConfig);
}

export function getClusterConfigOrThrow(clusterId: string): ClusterConfig {
  const cluster = getConfig().clusters.find((c) => c.id === clusterId);
  if (!cluster) throw new ApiError("not_found", `No cluster with id "${clusterId}" is configured.`);
  return cluster;
}

export type { ClusterConfig, SluiceConfig };
