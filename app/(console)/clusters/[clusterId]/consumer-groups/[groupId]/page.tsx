import { blockedReason } from "@/server/auth/page-access";
import Link from "next/link";
import { notFound } from "next/navigation";
import { GroupActions } from "@/components/groups/group-actions";
import { GroupDetailView } from "@/components/groups/group-detail";
import { PageHeader } from "@/components/ui/page-header";
import { paths } from "@/lib/paths";
import { requirePageAccess } from "@/server/auth/page-access";
import { getClusterOrNotFound } from "@/server/config/find-cluster";
import { toClusterSummary } from "@/server/services/clusters/list-clusters";
import { decodeSegment } from "@/lib/url-segment";

const READ_ONLY = "This cluster is configured read-only in Sluice: consumer groups cannot be changed here.";

export async function generateMetadata({ params }: { params: Promise<{ groupId: string }> }) {
  return { title: decodeSegment((await params).groupId) || "Consumer group" };
}

export default async function ConsumerGroupPage({ params }: { params: Promise<{ clusterId: string; groupId: string }> }) {
  await requirePageAccess("groups:read", (await params).clusterId);
  const p = await params;
  const cluster = toClusterSummary(getClusterOrNotFound(p.clusterId));
  const groupId = decodeSegment(p.groupId);
  if (!groupId) notFound();
  const readOnlyReason = await blockedReason(cluster, "groups:alter", READ_ONLY, groupId);
  return (
    <>
      <PageHeader
        title={<span className="break-all font-mono">{groupId}</span>}
        description={
          <>
            <Link href={paths.groups(cluster.id)} className="hover:underline">
              {cluster.name} consumer groups
            </Link>
            {cluster.readOnly ? " / read-only cluster: changes are disabled" : null}
          </>
        }
        actions={<GroupActions clusterId={cluster.id} groupId={groupId} readOnlyReason={readOnlyReason} />}
      />
      <GroupDetailView clusterId={cluster.id} groupId={groupId} readOnlyReason={readOnlyReason} />
    </>
  );
}
