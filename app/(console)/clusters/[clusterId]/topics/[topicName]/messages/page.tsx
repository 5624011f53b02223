import { blockedReason } from "@/server/auth/page-access";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MessagesView } from "@/components/topic-messages/messages-view";
import { PageHeader } from "@/components/ui/page-header";
import { paths } from "@/lib/paths";
import { topicNameSchema } from "@/lib/schemas/topics";
import { requirePageAccess } from "@/server/auth/page-access";
import { getClusterOrNotFound } from "@/server/config/find-cluster";
import { toClusterSummary } from "@/server/services/clusters/list-clusters";
import { decodeSegment } from "@/lib/url-segment";

const READ_ONLY = "This cluster is configured read-only in Sluice: records cannot be produced here.";

export async function generateMetadata({ params }: { params: Promise<{ topicName: string }> }) {
  return { title: `Messages · ${decodeSegment((await params).topicName) || "Topic"}` };
}

export default async function TopicMessagesPage({
  params,
}: {
  params: Promise<{ clusterId: string; topicName: string }>;
}) {
  await requirePageAccess("messages:read", (await params).clusterId);
  const p = await params;
  const config = getClusterOrNotFound(p.clusterId);
  const cluster = toClusterSummary(config);
  const parsed = topicNameSchema.safeParse(decodeSegment(p.topicName));
  if (!parsed.success) notFound();
  const topic = parsed.data;
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
