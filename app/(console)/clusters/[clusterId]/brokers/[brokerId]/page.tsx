import Link from "next/link";
import { notFound } from "next/navigation";
import { BrokerConfigTable } from "@/components/brokers/broker-config-table";
import { PageHeader } from "@/components/ui/page-header";
import { paths } from "@/lib/paths";
import { requirePageAccess } from "@/server/auth/page-access";
import { getClusterOrNotFound } from "@/server/config/find-cluster";

export default async function BrokerPage({ params }: { params: Promise<{ clusterId: string; brokerId: string }> }) {
  await requirePageAccess("clusters:read", (await params).clusterId);
  const p = await params;
  const cluster = getClusterOrNotFound(p.clusterId);
  const clusterId = cluster.id;
  const brokerId = Number(p.brokerId);
  if (!/^\d+$/.test(p.brokerId)) notFound();
  return (
    <>
      <PageHeader
        title={`Broker ${brokerId}`}
        description={
          <>
            <Link href={paths.brokers(clusterId)} className="hover:underline">
              {cluster.name} brokers
            </Link>{" "}
            / configuration as the broker reports it; sensitive values are masked.
          </>
        }
      />
      <BrokerConfigTable clusterId={clusterId} brokerId={brokerId} />
    </>
  );
}
