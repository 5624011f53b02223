import { blockedReason } from "@/server/auth/page-access";
import Link from "next/link";
import { MessagesView } from "@/components/topic-messages/messages-view";
import { PageHeader } from "@/components/ui/page-header";
import { paths } from "@/lib/paths";
import { topicNameSchema } from "@/lib/schemas/topics";
import { decodeSegment } from "@/lib/url-segment";
import { openClusterPage, segmentOrNotFound } from "../../../cluster-page";

const READ_ONLY = "This cluster is configured read-only in Sluice: records cannot be produced here.";

export async function generateMetadata({ params }: { params: Promise<{ topicName: string }> }) {
  return { title: `Messages · ${decodeSegment((await params).topicName) || "Topic"}` };
}

export default async function TopicMessagesPage({
  params,
}: {
  params: Promise<{ clusterId: string; topicName: string }>;
}) {
  const { config, cluster } = await openClusterPage(params, "messages:read");
  const topic = segmentOrNotFound((await params).topicName, topicNameSchema);
  return (
    <>
      <PageHeader
        title={<span className="break-all font-mono">{topic}</span>}
        description={
          <>
            <Link href={paths.topics(cluster.id)} className="hover:underline">
              {cluster.name} topics
            </Link>
            {" / "}
            <Link href={paths.topic(cluster.id, topic)} className="hover:underline">
              topic details
            </Link>
            {" / messages"}
          </>
        }
      />
      <MessagesView
        clusterId={cluster.id}
        topic={topic}
        readOnlyReason={await blockedReason(cluster, "messages:produce", READ_ONLY, topic)}
        hasRegistry={cluster.hasSchemaRegistry}
        allowExport={config.messages.allowExport}
      />
    </>
  );
}
