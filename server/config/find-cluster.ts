import "server-only";
import { notFound } from "next/navigation";
import { getConfig, type ClusterConfig } from "./index";

/** For pages: the cluster with this (URL-encoded) id, or Next's not-found page. */
export function getClusterOrNotFound(rawClusterId: string): ClusterConfig {
  const id = decodeURIComponent(rawClusterId);
  return getConfig().clusters.find((c) => c.id === id) ?? notFound();
}
