import { ShareGroupDetailView } from "@/components/groups/share-group-detail";
import { paths } from "@/lib/paths";
import { decodeSegment } from "@/lib/url-segment";
import { openClusterPage, segmentOrNotFound } from "../../cluster-page";
import { DetailHeader } from "../../detail-header";

export async function generateMetadata({ params }: { params: Promise<{ groupId: string }> }) {
  return { title: decodeSegment((await params).groupId) || "Share group" };
}

/** A share group (KIP-932); read-only here. */
export default async function ShareGroupPage({ params }: { params: Promise<{ clusterId: string; groupId: string }> }) {
  const { cluster } = await openClusterPage(params, "groups:read");
  const groupId = segmentOrNotFound((await params).groupId);
  return (
    <>
      <DetailHeader
        name={groupId}
        back={paths.groups(cluster.id)}
        backLabel={`${cluster.name} consumer groups`}
        trail=" / share group"
      />
      <ShareGroupDetailView clusterId={cluster.id} groupId={groupId} />
    </>
  );
}
