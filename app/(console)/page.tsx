import { ClusterHealthCard } from "@/components/clusters/cluster-health-card";
import { PageHeader } from "@/components/ui/page-header";
import { listClusters } from "@/server/services/clusters/list-clusters";

export default function HomePage() {
  const clusters = listClusters();
  return (
    <>
      <PageHeader title="Clusters" description={`${clusters.length} configured. Status refreshes every 15 seconds.`} />
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3" data-testid="cluster-list">
        {clusters.map((c) => (
          <ClusterHealthCard key={c.id} cluster={c} />
        ))}
      </div>
    </>
  );
}
