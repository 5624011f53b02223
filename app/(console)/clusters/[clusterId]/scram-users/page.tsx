import { ScramUsersView } from "@/components/acls/scram-users-view";
import { PageHeader } from "@/components/ui/page-header";
import { accessRights } from "@/server/services/access/access-rights";
import { openClusterPage } from "../cluster-page";

export const metadata = { title: "SCRAM users" };

export default async function ScramUsersPage({ params }: { params: Promise<{ clusterId: string }> }) {
  const { config: cluster } = await openClusterPage(params, "access:read");
  const rights = await accessRights(cluster.id);
  return (
    <>
      <PageHeader
        title="SCRAM users"
        description={`${cluster.name}: SASL/SCRAM credentials (mechanisms and iterations; the broker never returns secrets).`}
      />
      <ScramUsersView clusterId={cluster.id} canManage={rights.manage} />
    </>
  );
}
