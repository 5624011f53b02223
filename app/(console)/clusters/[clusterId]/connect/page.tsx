import { ConnectOverview } from "@/components/connect/connect-overview";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageAccess } from "@/server/auth/page-access";
import { getClusterOrNotFound } from "@/server/config/find-cluster";

export const metadata = { title: "Kafka Connect" };

export default async function ConnectPage({ params }: { params: Promise<{ clusterId: string }> }) {
  await requirePageAccess("connect:read", (await params).clusterId);
  const cluster = getClusterOrNotFound((await params).clusterId);
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
