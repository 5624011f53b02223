import { NewRequestButton } from "@/components/requests/new-request-dialog";
import { PolicyCard } from "@/components/requests/policy-card";
import { RequestsView } from "@/components/requests/requests-view";
import { PageHeader } from "@/components/ui/page-header";
import { blockedReason } from "@/server/auth/page-access";
import { openClusterPage } from "../cluster-page";

export const metadata = { title: "Requests" };

export default async function RequestsPage({ params }: { params: Promise<{ clusterId: string }> }) {
  const { cluster } = await openClusterPage(params, "requests:read");
  return (
    <>
      <PageHeader
        title="Requests"
        description={`${cluster.name}: teams request topics, access to topics, credentials and quotas; the owner's approvers decide; Sluice provisions and watches for drift.`}
        actions={
          <NewRequestButton
            clusterId={cluster.id}
            blockedReason={await blockedReason(
              cluster,
              "requests:create",
              "This cluster is configured read-only in Sluice: nothing can be provisioned here.",
            )}
          />
        }
      />
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-[minmax(0,1fr)_320px]">
        <RequestsView clusterId={cluster.id} />
        <div>
          <PolicyCard clusterId={cluster.id} />
        </div>
      </div>
    </>
  );
}
