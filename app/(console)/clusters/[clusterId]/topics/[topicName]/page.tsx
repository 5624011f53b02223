import { blockedReason } from "@/server/auth/page-access";
import Link from "next/link";
import { MessagesSquare } from "lucide-react";
import { TopicActions } from "@/components/topics/topic-actions";
import { ReplicaActions } from "@/components/replicas/replica-actions";
import { TopicOwnership } from "@/components/topics/topic-ownership";
import { Button } from "@/components/ui/button";
import { TopicDetailView } from "@/components/topics/topic-detail";
import { paths } from "@/lib/paths";
import { topicNameSchema } from "@/lib/schemas/topics";
import { decodeSegment } from "@/lib/url-segment";
import { AclView } from "@/components/acls/acl-view";
import { TopicAlertMarkers } from "@/components/alerts/alert-markers";
import { accessRights } from "@/server/services/access/access-rights";
import { openClusterPage, segmentOrNotFound } from "../../cluster-page";
import { DetailHeader, READ_ONLY_TRAIL } from "../../detail-header";

const READ_ONLY = "This cluster is configured read-only in Sluice: topics cannot be changed here.";

export async function generateMetadata({ params }: { params: Promise<{ topicName: string }> }) {
  return { title: decodeSegment((await params).topicName) || "Topic" };
}

export default async function TopicPage({ params }: { params: Promise<{ clusterId: string; topicName: string }> }) {
  const { cluster } = await openClusterPage(params, "topics:read");
  const topic = segmentOrNotFound((await params).topicName, topicNameSchema);
  const readOnlyReason = await blockedReason(cluster, "topics:alter", READ_ONLY, topic);
  const acl = await accessRights(cluster.id);
  return (
    <>
      <DetailHeader
        name={topic}
        back={paths.topics(cluster.id)}
        backLabel={`${cluster.name} topics`}
        trail={cluster.readOnly ? READ_ONLY_TRAIL : null}
        actions={
          <div className="flex flex-wrap items-center gap-2">
            <Button asChild variant="primary" data-testid="topic-messages-link">
              <Link href={paths.topicMessages(cluster.id, topic)}>
                <MessagesSquare className="h-4 w-4" /> Messages
              </Link>
            </Button>
            <TopicActions clusterId={cluster.id} topic={topic} readOnlyReason={readOnlyReason} />
            <ReplicaActions
              clusterId={cluster.id}
              topic={topic}
              blockedReason={await blockedReason(cluster, "replicas:manage", READ_ONLY)}
            />
          </div>
        }
      />
      <TopicAlertMarkers clusterId={cluster.id} topic={topic} />
      <TopicOwnership clusterId={cluster.id} topic={topic} />
      <TopicDetailView
        clusterId={cluster.id}
        topic={topic}
        readOnlyReason={readOnlyReason}
        hasRegistry={cluster.hasSchemaRegistry}
        aclPanel={
          acl.read ? (
            <AclView
              clusterId={cluster.id}
              canManage={acl.manage}
              fixed={{ resourceType: "TOPIC", resourceName: topic, patternType: "MATCH" }}
            />
          ) : undefined
        }
      />
    </>
  );
}
