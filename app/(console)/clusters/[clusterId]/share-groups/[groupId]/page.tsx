import Link from "next/link";
import { notFound } from "next/navigation";
import { ShareGroupDetailView } from "@/components/groups/share-group-detail";
import { PageHeader } from "@/components/ui/page-header";
import { paths } from "@/lib/paths";
import { decodeSegment } from "@/lib/url-segment";
import { requirePageAccess } from "@/server/auth/page-access";
import { getClusterOrNotFound } from "@/server/config/find-cluster";
import { toClusterSummary } from "@/server/services/clusters/list-clusters";

export async function generateMetadata({ params }: { params: Promise<{ groupId: string }> }) {
  return { title: decodeSegment((await params).groupId) || "Share group" };
}

/** A share group (KIP-932); read-only here. */
export default async function ShareGroupPage({ params }: { params: Promise<{ clusterId: string; groupId: string }> }) {
  await requirePageAccess("groups:read", (await params).clusterId);
  const p = await params;
  const cluster = toClusterSummary(getClusterOrNotFound(p.clusterId));
  const groupId = decodeSegment(p.groupId);
  if (!groupId) notFound();
  return (
    <>
      <PageHeader
        title={<span className="break-all font-mono">{groupId}</span>}
        description={
          <>
            <Link href={paths.groups(cluster.id)} className="hover:underline">
              {cluster.name} consumer groups
            </Link>{" "}
            / share group
          </>
        }
      />
      <ShareGroupDetailView clusterId={cluster.id} groupId={groupId} />
    </>
  );
}
