import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { MeProvider } from "@/components/auth/me-context";
import { AppShell } from "@/components/layout/app-shell";
import { needsSetup } from "@/server/auth/bootstrap";
import { pageActor } from "@/server/auth/page-access";
import { describeActor } from "@/server/services/accounts/describe-actor";
import { listVisibleClusters } from "@/server/services/clusters/list-clusters";

export const dynamic = "force-dynamic";

/** Every console page needs a signed-in user (proxy.ts sends cookie-less visitors to /login with a return path). */
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const actor = await pageActor();
  if (!actor) redirect((await needsSetup()) ? "/setup" : "/login");
  const me = describeActor(actor);
  return (
    <MeProvider me={me}>
      <AppShell clusters={listVisibleClusters(actor)} me={me}>
        {children}
      </AppShell>
    </MeProvider>
  );
}
