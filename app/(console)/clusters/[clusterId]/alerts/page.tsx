import { AlertsView } from "@/components/alerts/alerts-view";
import { PageHeader } from "@/components/ui/page-header";
import { blockedReason, requirePageAccess } from "@/server/auth/page-access";
import { getClusterOrNotFound } from "@/server/config/find-cluster";

export const metadata = { title: "Alerts" };

export default async function AlertsPage({ params }: { params: Promise<{ clusterId: string }> }) {
  const { clusterId } = await params;
  await requirePageAccess("alerts:read", clusterId);
  const cluster = getClusterOrNotFound(clusterId);
  return (
    <>
      <PageHeader title="Alerts" description={`${cluster.name}: rules evaluated by the server's sampler on every tick, what fires now, silences and history. Notifications go to webhooks, Slack and e-mail.`} />
      <AlertsView clusterId={cluster.id} canManage={!(await blockedReason(cluster, "alerts:manage", ""))} />
    </>
  );
}
