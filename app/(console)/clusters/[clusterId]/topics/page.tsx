import { blockedReason } from "@/server/auth/page-access";
import { Suspense } from "react";
import { CreateTopicButton } from "@/components/topics/create-topic-dialog";
import { TopicList } from "@/components/topics/topic-list";
import { PageHeader } from "@/components/ui/page-header";
import { Loading } from "@/components/ui/states";
import { openClusterPage } from "../cluster-page";

export const metadata = { title: "Topics" };

const READ_ONLY = "This cluster is configured read-only in Sluice: topics cannot be created here.";

export default async function TopicsPage({ params }: { params: Promise<{ clusterId: string }> }) {
  const { cluster } = await openClusterPage(params, "topics:read");
  return (
    <>
      <PageHeader
        title="Topics"
        description={`${cluster.name}: filter, sort and open topics.${cluster.readOnly ? " This cluster is read-only in Sluice." : ""}`}
        actions={
          <CreateTopicButton
            clusterId={cluster.id}
            blockedReason={await blockedReason(cluster, "topics:create", READ_ONLY)}
          />
        }
      />
      {/* The list reads its filters from the URL (useSearchParams), which needs a Suspense boundary. */}
      <Suspense fallback={<Loading label="Loading topics…" />}>
        <TopicList clusterId={cluster.id} />
      </Suspense>
    </>
  );
}
