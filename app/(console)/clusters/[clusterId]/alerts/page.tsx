import { AlertsView } from "@/components/alerts/alerts-view";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageAccess } from "@/server/auth/page-access";
import { getClusterOrNotFound } from "@/server/config/find-cluster";
import { alertManagement } from "@/server/services/alerts/team-scope";

export const metadata = { title: "Alerts" };

export default async function AlertsPage({ params }: { params: Promise<{ clusterId: string }> }) {
  const { clusterId } = await params;
  const actor = await requirePageAccess("alerts:read", clusterId);
  const cluster = getClusterOrNotFound(clusterId);
  // Admins manage every rule (and may give one to any team); approvers the rules of their own teams.
  const manage = await alertManagement(actor, cluster.id);
  return (
    <>
      <PageHeader
        title="Alerts"
        description={`${cluster.name}: rules evaluated by the server's sampler on every tick, what fires now, silences and history. Notifications go to webhooks, Slack and e-mail.`}
      />
      <AlertsView clusterId={cluster.id} manage={manage} />
    </>
  );
}
