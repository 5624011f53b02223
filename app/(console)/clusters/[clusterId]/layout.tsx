import type { ReactNode } from "react";
import { getClusterOrNotFound } from "@/server/config/find-cluster";

export default async function ClusterLayout({ children, params }: { children: ReactNode; params: Promise<{ clusterId: string }> }) {
  getClusterOrNotFound((await params).clusterId);
  return children;
}
