import { PrincipalsView } from "@/components/requests/principals-view";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageAccess } from "@/server/auth/page-access";
import { getClusterOrNotFound } from "@/server/config/find-cluster";

export const metadata = { title: "Service principals" };

export default async function PrincipalsPage({ params }: { params: Promise<{ clusterId: string }> }) {
  await requirePageAccess("requests:read", (await params).clusterId);
  const cluster = getClusterOrNotFound((await params).clusterId);
  return (
    <>
      <PageHeader
        title="Service principals"
        description={`${cluster.name}: the Kafka principals each team's services run as. Teams request access, credentials and quotas for their own principals.`}
      />
      <PrincipalsView clusterId={cluster.id} />
    </>
  );
}
