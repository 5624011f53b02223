import "server-only";
import { notFound } from "next/navigation";
import type { z } from "zod";
import { decodeSegment } from "@/lib/url-segment";
import type { Requirement } from "@/server/auth/authorize";
import { requirePageAccess } from "@/server/auth/page-access";
import { getClusterOrNotFound } from "@/server/config/find-cluster";
import { toClusterSummary } from "@/server/services/clusters/list-clusters";

/** The start of a cluster page: the access check, then the configured cluster (its config and summary) or the not-found page. */
export async function openClusterPage(params: Promise<{ clusterId: string }>, requirement: Requirement) {
  const { clusterId } = await params;
  await requirePageAccess(requirement, clusterId);
  const config = getClusterOrNotFound(clusterId);
  return { config, cluster: toClusterSummary(config) };
}

/** A name from the URL, decoded (and checked with its schema when one is given), or the not-found page. */
export function segmentOrNotFound(raw: string, schema?: z.ZodType<string>): string {
  const name = decodeSegment(raw);
  if (!schema) {
    if (!name) notFound();
    return name;
  }
  const parsed = schema.safeParse(name);
  if (!parsed.success) notFound();
  return parsed.data;
}
