import { QuotasView } from "@/components/acls/quotas-view";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageAccess } from "@/server/auth/page-access";
import { getClusterOrNotFound } from "@/server/config/find-cluster";
import { accessRights } from "@/server/services/access/access-rights";

export const metadata = { title: "Quotas" };

export default async function QuotasPage({ params }: { params: Promise<{ clusterId: string }> }) {
  await requirePageAccess("access:read", (await params).clusterId);
  const cluster = getClusterOrNotFound((await params).clusterId);
  const rights = await accessRights(cluster.id);
  return (
    <>
      <PageHeader
        title="Client quotas"
        description={`${cluster.name}: byte-rate, request and connection quotas of users, client ids, their combinations and defaults.`}
      />
      <QuotasView clusterId={cluster.id} canManage={rights.manage} />
    </>
  );
}
