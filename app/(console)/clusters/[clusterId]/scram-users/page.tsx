import { ScramUsersView } from "@/components/acls/scram-users-view";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageAccess } from "@/server/auth/page-access";
import { getClusterOrNotFound } from "@/server/config/find-cluster";
import { accessRights } from "@/server/services/access/access-rights";

export const metadata = { title: "SCRAM users" };

export default async function ScramUsersPage({ params }: { params: Promise<{ clusterId: string }> }) {
  await requirePageAccess("access:read", (await params).clusterId);
  const cluster = getClusterOrNotFound((await params).clusterId);
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
