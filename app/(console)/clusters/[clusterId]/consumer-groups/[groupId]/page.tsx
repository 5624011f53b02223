import { blockedReason } from "@/server/auth/page-access";
import { AlertMarkers } from "@/components/alerts/alert-markers";
import { GroupActions } from "@/components/groups/group-actions";
import { GroupDetailView } from "@/components/groups/group-detail";
import { paths } from "@/lib/paths";
import { decodeSegment } from "@/lib/url-segment";
import { AclView } from "@/components/acls/acl-view";
import { accessRights } from "@/server/services/access/access-rights";
import { openClusterPage, segmentOrNotFound } from "../../cluster-page";
import { DetailHeader, READ_ONLY_TRAIL } from "../../detail-header";

const READ_ONLY = "This cluster is configured read-only in Sluice: consumer groups cannot be changed here.";

export async function generateMetadata({ params }: { params: Promise<{ groupId: string }> }) {
  return { title: decodeSegment((await params).groupId) || "Consumer group" };
}

export default async function ConsumerGroupPage({
  params,
}: {
  params: Promise<{ clusterId: string; groupId: string }>;
}) {
  const { cluster } = await openClusterPage(params, "groups:read");
  const groupId = segmentOrNotFound((await params).groupId);
  const readOnlyReason = await blockedReason(cluster, "groups:alter", READ_ONLY, groupId);
  const acl = await accessRights(cluster.id);
  return (
    <>
      <DetailHeader
        name={groupId}
        back={paths.groups(cluster.id)}
        backLabel={`${cluster.name} consumer groups`}
        trail={cluster.readOnly ? READ_ONLY_TRAIL : null}
        actions={<GroupActions clusterId={cluster.id} groupId={groupId} readOnlyReason={readOnlyReason} />}
      />
      <AlertMarkers clusterId={cluster.id} subject={groupId} />
      <GroupDetailView clusterId={cluster.id} groupId={groupId} readOnlyReason={readOnlyReason} />
      {acl.read ? (
        <section className="mt-6 space-y-3" data-testid="group-acls">
          <h2 className="text-base font-semibold">ACLs</h2>
          <AclView
            clusterId={cluster.id}
            canManage={acl.manage}
            fixed={{ resourceType: "GROUP", resourceName: groupId, patternType: "MATCH" }}
          />
        </section>
      ) : null}
    </>
  );
}
