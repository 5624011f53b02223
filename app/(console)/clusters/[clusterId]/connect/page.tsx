import { ConnectOverview } from "@/components/connect/connect-overview";
import { PageHeader } from "@/components/ui/page-header";
import { openClusterPage } from "../cluster-page";

export const metadata = { title: "Kafka Connect" };

export default async function ConnectPage({ params }: { params: Promise<{ clusterId: string }> }) {
  const { config: cluster } = await openClusterPage(params, "connect:read");
  return (
    <>
      <PageHeader
        title="Kafka Connect"
        description={`${cluster.name}: the Connect clusters moving data in and out of it, with their version and health.`}
      />
      <ConnectOverview clusterId={cluster.id} />
    </>
  );
}
