import { AclView } from "@/components/acls/acl-view";
import { BrokerTable } from "@/components/brokers/broker-table";
import { ClusterHealthCard } from "@/components/clusters/cluster-health-card";
import { ClusterMetrics } from "@/components/charts/cluster-metrics";
import { ClusterSizeCard } from "@/components/charts/size-views";
import { ClusterTruthCard } from "@/components/clusters/cluster-truth-card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageAccess } from "@/server/auth/page-access";
import { accessRights } from "@/server/services/access/access-rights";
import { getClusterOrNotFound } from "@/server/config/find-cluster";
import { toClusterSummary } from "@/server/services/clusters/list-clusters";

export default async function ClusterOverviewPage({ params }: { params: Promise<{ clusterId: string }> }) {
  await requirePageAccess("clusters:read", (await params).clusterId);
  const { clusterId } = await params;
  const cluster = toClusterSummary(getClusterOrNotFound(clusterId));
  const acl = await accessRights(cluster.id);
  return (
    <>
      <PageHeader title={cluster.name} description="Cluster overview" />
      <div className="grid gap-6 xl:grid-cols-3">
        <div className="space-y-6">
          <ClusterHealthCard cluster={cluster} />
          <ClusterSizeCard clusterId={cluster.id} />
        </div>
        <section className="space-y-3 xl:col-span-2">
          <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-500">Brokers</h2>
          <BrokerTable clusterId={cluster.id} />
        </section>
      </div>
      <div className="mt-6">
        <ClusterMetrics clusterId={cluster.id} />
      </div>
      <div className="mt-6">
        <ClusterTruthCard clusterId={cluster.id} />
      </div>
      {acl.read ? (
        <section className="mt-6 space-y-3" data-testid="cluster-acls">
          <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-500">ACLs on the cluster resource</h2>
          <AclView
            clusterId={cluster.id}
            canManage={acl.manage}
            fixed={{ resourceType: "CLUSTER", resourceName: "kafka-cluster", patternType: "MATCH" }}
          />
        </section>
      ) : null}
    </>
  );
}
