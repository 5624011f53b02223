import type { ReactNode } from "react";
import { requirePageAccess } from "@/server/auth/page-access";
import { getClusterOrNotFound } from "@/server/config/find-cluster";

export default async function ClusterLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ clusterId: string }>;
}) {
  // Each page checks its own permission too (a layout is not re-rendered on client navigation).
  await requirePageAccess("clusters:read", (await params).clusterId);
  getClusterOrNotFound((await params).clusterId);
  return children;
}
