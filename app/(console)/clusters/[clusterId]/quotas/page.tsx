import { QuotasView } from "@/components/acls/quotas-view";
import { PageHeader } from "@/components/ui/page-header";
import { accessRights } from "@/server/services/access/access-rights";
import { openClusterPage } from "../cluster-page";

export const metadata = { title: "Quotas" };

export default async function QuotasPage({ params }: { params: Promise<{ clusterId: string }> }) {
  const { config: cluster } = await openClusterPage(params, "access:read");
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
