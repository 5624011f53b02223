import Link from "next/link";
import { ConnectorsView } from "@/components/connect/connectors-view";
import { PageHeader } from "@/components/ui/page-header";
import { paths } from "@/lib/paths";
import { blockedReason, requirePageAccess } from "@/server/auth/page-access";
import { CONNECT_READ_ONLY, connectPageParams } from "../connect-page-params";

export async function generateMetadata({ params }: { params: Promise<{ connectId: string }> }) {
  return { title: `Connectors · ${(await params).connectId}` };
}

export default async function ConnectorsPage({
  params,
}: {
  params: Promise<{ clusterId: string; connectId: string }>;
}) {
  await requirePageAccess("connect:read", (await params).clusterId);
  const { cluster, connectId } = connectPageParams(await params);
  const blocked = await blockedReason(cluster, "connect:manage", CONNECT_READ_ONLY);
  return (
    <>
      <PageHeader
        title={`Connectors on ${connectId}`}
        description={
          <>
            <Link href={paths.connect(cluster.id)} className="hover:underline">
              Kafka Connect
            </Link>{" "}
            of {cluster.name}: states update live.
          </>
        }
      />
      <ConnectorsView clusterId={cluster.id} connectId={connectId} blocked={blocked} />
    </>
  );
}
