import Link from "next/link";
import { ShareGroupDetailView } from "@/components/groups/share-group-detail";
import { PageHeader } from "@/components/ui/page-header";
import { paths } from "@/lib/paths";
import { decodeSegment } from "@/lib/url-segment";
import { openClusterPage, segmentOrNotFound } from "../../cluster-page";

export async function generateMetadata({ params }: { params: Promise<{ groupId: string }> }) {
  return { title: decodeSegment((await params).groupId) || "Share group" };
}

/** A share group (KIP-932); read-only here. */
export default async function ShareGroupPage({ params }: { params: Promise<{ clusterId: string; groupId: string }> }) {
  const { cluster } = await openClusterPage(params, "groups:read");
  const groupId = segmentOrNotFound((await params).groupId);
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
