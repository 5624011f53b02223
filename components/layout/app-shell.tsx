import type { ReactNode } from "react";
import type { MeDto } from "@/lib/schemas/accounts";
import type { ClusterSummary } from "@/lib/schemas/clusters";
import { NotificationBell } from "./notification-bell";
import { SideNav } from "./side-nav";
import { ThemeToggle } from "./theme-toggle";
import { TimeZoneSetting } from "@/components/ui/time-zone";
import { UserMenu } from "./user-menu";

export function AppShell({ clusters, me, children }: { clusters: ClusterSummary[]; me: MeDto; children: ReactNode }) {
  return (
    <div className="flex min-h-screen">
      {/* The aside stretches to the page's full height (its background with it); its content stays in view. */}
      <aside
        className="w-60 shrink-0 border-r border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
        data-testid="sidebar"
      >
        <div className="sticky top-0 flex h-screen flex-col">
          <SideNav clusters={clusters} me={me} />
          <div className="space-y-2 border-t border-slate-200 p-3 dark:border-slate-800">
            <NotificationBell />
            <UserMenu me={me} />
            <TimeZoneSetting />
            <ThemeToggle />
          </div>
        </div>
      </aside>
      <main className="min-w-0 flex-1 px-8 py-6">{children}</main>
    </div>
  );
}
