import { blockedReason } from "@/server/auth/page-access";
import Link from "next/link";
import { MessagesView } from "@/components/topic-messages/messages-view";
import { paths } from "@/lib/paths";
import { topicNameSchema } from "@/lib/schemas/topics";
import { decodeSegment } from "@/lib/url-segment";
import { openClusterPage, segmentOrNotFound } from "../../../cluster-page";
import { DetailHeader } from "../../../detail-header";

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
      <DetailHeader
        name={topic}
        back={paths.topics(cluster.id)}
        backLabel={`${cluster.name} topics`}
        trail={
          <>
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
