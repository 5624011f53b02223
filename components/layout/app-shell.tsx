import type { ReactNode } from "react";
import type { MeDto } from "@/lib/schemas/accounts";
import type { ClusterSummary } from "@/lib/schemas/clusters";
import { SideNav } from "./side-nav";
import { ThemeToggle } from "./theme-toggle";
import { UserMenu } from "./user-menu";

export function AppShell({ clusters, me, children }: { clusters: ClusterSummary[]; me: MeDto; children: ReactNode }) {
  return (
    <div className="flex min-h-screen">
      <aside className="sticky top-0 flex h-screen w-60 shrink-0 flex-col border-r border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        <SideNav clusters={clusters} me={me} />
        <div className="space-y-2 border-t border-slate-200 p-3 dark:border-slate-800">
          <UserMenu me={me} />
          <ThemeToggle />
        </div>
      </aside>
      <main className="min-w-0 flex-1 px-8 py-6">{children}</main>
    </div>
  );
}
