import { Suspense } from "react";
import { GroupList } from "@/components/groups/group-list";
import { PageHeader } from "@/components/ui/page-header";
import { Loading } from "@/components/ui/states";
import { openClusterPage } from "../cluster-page";

export const metadata = { title: "Consumer groups" };

export default async function ConsumerGroupsPage({ params }: { params: Promise<{ clusterId: string }> }) {
  const { cluster } = await openClusterPage(params, "groups:read");
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
