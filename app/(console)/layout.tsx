import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { MeProvider } from "@/components/ui/me-context";
import { AppShell } from "@/components/layout/app-shell";
import { TimeZoneProvider } from "@/components/ui/time-zone";
import { needsSetup } from "@/server/auth/bootstrap";
import { pageActor } from "@/server/auth/page-access";
import { describeActor } from "@/server/services/accounts/describe-actor";
import { getPreferences } from "@/server/services/accounts/preferences";
import { listVisibleClusters } from "@/server/services/clusters/list-clusters";

export const dynamic = "force-dynamic";

/** Every console page needs a signed-in user (proxy.ts sends cookie-less visitors to /login with a return path). */
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const actor = await pageActor();
  if (!actor) redirect((await needsSetup()) ? "/setup" : "/login");
  const me = describeActor(actor);
  const preferences = await getPreferences(actor.id);
  return (
    <MeProvider me={me}>
      <TimeZoneProvider initial={preferences.timeZone}>
        <AppShell clusters={listVisibleClusters(actor)} me={me}>
          {children}
        </AppShell>
      </TimeZoneProvider>
    </MeProvider>
  );
}
