import Link from "next/link";
import { RequestDetail } from "@/components/requests/request-detail";
import { PageHeader } from "@/components/ui/page-header";
import { paths } from "@/lib/paths";
import { decodeSegment } from "@/lib/url-segment";
import { requirePageAccess } from "@/server/auth/page-access";
import { getClusterOrNotFound } from "@/server/config/find-cluster";
import { pageActor } from "@/server/auth/page-access";
import { prisma } from "@/server/db/prisma";
import { canSeeRequest } from "@/server/services/requests/request-access";
import { toClusterSummary } from "@/server/services/clusters/list-clusters";

export const metadata = { title: "Request" };

export default async function RequestPage({ params }: { params: Promise<{ clusterId: string; requestId: string }> }) {
  await requirePageAccess("requests:read", (await params).clusterId);
  const p = await params;
  const cluster = toClusterSummary(getClusterOrNotFound(p.clusterId));
  const requestId = decodeSegment(p.requestId);
  const [row, actor] = await Promise.all([prisma.topicRequest.findUnique({ where: { id: requestId } }), pageActor()]);
  // Only a request the user may see names its topic; otherwise the view below shows the 404.
  const topic = row && actor && canSeeRequest(actor, row) ? row.topicName || row.principal || undefined : undefined;
  return (
    <>
      <PageHeader
        title={<span className="break-all font-mono">{topic ?? "Request"}</span>}
        description={
          <Link href={paths.requests(cluster.id)} className="hover:underline">
            {cluster.name} requests
          </Link>
        }
      />
      <RequestDetail clusterId={cluster.id} requestId={requestId} />
    </>
  );
}
