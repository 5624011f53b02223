import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { BrokerDefaultsCard } from "@/components/brokers/broker-defaults-card";
import { BrokerTable } from "@/components/brokers/broker-table";
import { ReplicaActions } from "@/components/replicas/replica-actions";
import { BrokerDiskBars } from "@/components/charts/size-views";
import { ClusterTruthCard } from "@/components/clusters/cluster-truth-card";
import { PageHeader } from "@/components/ui/page-header";
import { getQueryClient } from "@/lib/get-query-client";
import { clusterKeys } from "@/lib/queries/clusters";
import { blockedReason, requirePageAccess } from "@/server/auth/page-access";
import { getClusterOrNotFound } from "@/server/config/find-cluster";
import { listBrokers } from "@/server/services/brokers/list-brokers";

const REPLICAS_READ_ONLY = "This cluster is configured read-only in Sluice: leaders cannot be elected here.";

export default async function BrokersPage({ params }: { params: Promise<{ clusterId: string }> }) {
  await requirePageAccess("clusters:read", (await params).clusterId);
  const cluster = getClusterOrNotFound((await params).clusterId);
  const clusterId = cluster.id;
  const queryClient = getQueryClient();
  // Prefetch through the service itself (never an HTTP call to our own API); a failure leaves the client to retry and show it.
  await queryClient.prefetchQuery({
    queryKey: clusterKeys.brokers(clusterId),
    queryFn: async () => ({ brokers: await listBrokers(clusterId) }),
  });
  return (
    <>
      <PageHeader
        title="Brokers"
        description={`${cluster.name}: each broker with its quorum role and the partitions it leads and holds; the Kafka version and KRaft quorum as the cluster reports them.`}
        actions={
          <ReplicaActions
            clusterId={clusterId}
            blockedReason={await blockedReason(cluster, "replicas:manage", REPLICAS_READ_ONLY)}
          />
        }
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <BrokerTable clusterId={clusterId} />
        <div className="mt-6">
          <BrokerDiskBars clusterId={clusterId} />
        </div>
      </HydrationBoundary>
      <div className="mt-6 grid items-start gap-6 xl:grid-cols-2">
        <ClusterTruthCard clusterId={clusterId} />
        <BrokerDefaultsCard clusterId={clusterId} />
      </div>
    </>
  );
}
