import { ClusterHealthCard } from "@/components/clusters/cluster-health-card";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import { requirePageAccess } from "@/server/auth/page-access";
import { listVisibleClusters } from "@/server/services/clusters/list-clusters";

export default async function HomePage() {
  // Only the clusters the user holds a role on.
  const clusters = listVisibleClusters(await requirePageAccess("signed-in"));
  return (
    <>
      <PageHeader title="Clusters" description={`${clusters.length} configured. Status refreshes every 15 seconds.`} />
      {clusters.length === 0 ? (
        <EmptyState
          title="No cluster for you yet"
          message="You have no role on any cluster. Ask an admin for access."
        />
      ) : (
        <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3" data-testid="cluster-list">
          {clusters.map((c) => (
            <ClusterHealthCard key={c.id} cluster={c} />
          ))}
        </div>
      )}
    </>
  );
}
