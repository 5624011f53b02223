import { PrincipalsView } from "@/components/requests/principals-view";
import { PageHeader } from "@/components/ui/page-header";
import { openClusterPage } from "../cluster-page";

export const metadata = { title: "Service principals" };

export default async function PrincipalsPage({ params }: { params: Promise<{ clusterId: string }> }) {
  const { config: cluster } = await openClusterPage(params, "requests:read");
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
