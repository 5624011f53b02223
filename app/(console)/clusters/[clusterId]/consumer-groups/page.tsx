import { Suspense } from "react";
import { GroupList } from "@/components/groups/group-list";
import { PageHeader } from "@/components/ui/page-header";
import { Loading } from "@/components/ui/states";
import { requirePageAccess } from "@/server/auth/page-access";
import { getClusterOrNotFound } from "@/server/config/find-cluster";
import { toClusterSummary } from "@/server/services/clusters/list-clusters";

export const metadata = { title: "Consumer groups" };

export default async function ConsumerGroupsPage({ params }: { params: Promise<{ clusterId: string }> }) {
  await requirePageAccess("groups:read", (await params).clusterId);
  const cluster = toClusterSummary(getClusterOrNotFound((await params).clusterId));
  return (
    <>
      <PageHeader
        title="Consumer groups"
        description={`${cluster.name}: who reads what, and how far behind.${cluster.readOnly ? " This cluster is read-only in Sluice." : ""}`}
      />
      {/* The list reads its filters from the URL (useSearchParams), which needs a Suspense boundary. */}
      <Suspense fallback={<Loading label="Loading consumer groups…" />}>
        <GroupList clusterId={cluster.id} />
      </Suspense>
    </>
  );
}
