import type { ReactNode } from "react";
import { AppShell } from "@/components/layout/app-shell";
import { listClusters } from "@/server/services/clusters/list-clusters";

export const dynamic = "force-dynamic";

export default function ConsoleLayout({ children }: { children: ReactNode }) {
  return <AppShell clusters={listClusters()}>{children}</AppShell>;
}
