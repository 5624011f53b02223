import Link from "next/link";
import { ConnectorDetailView } from "@/components/connect/connector-detail";
import { PageHeader } from "@/components/ui/page-header";
import { paths } from "@/lib/paths";
import { decodeSegment } from "@/lib/url-segment";
import { blockedReason, requirePageAccess } from "@/server/auth/page-access";
import { CONNECT_READ_ONLY, connectPageParams } from "../../../connect-page-params";

export async function generateMetadata({ params }: { params: Promise<{ name: string }> }) {
  return { title: decodeSegment((await params).name) || "Connector" };
}

export default async function ConnectorPage({
  params,
}: {
  params: Promise<{ clusterId: string; connectId: string; name: string }>;
}) {
  await requirePageAccess("connect:read", (await params).clusterId);
  const { cluster, connectId, name } = connectPageParams(await params);
  const blocked = await blockedReason(cluster, "connect:manage", CONNECT_READ_ONLY, name!);
  return (
    <>
      <PageHeader
        title={<span className="break-all font-mono">{name}</span>}
        description={
          <>
            Connector on{" "}
            <Link href={paths.connectors(cluster.id, connectId)} className="hover:underline">
              Kafka Connect {connectId}
            </Link>{" "}
            of {cluster.name}
          </>
        }
      />
      <ConnectorDetailView clusterId={cluster.id} connectId={connectId} name={name!} blocked={blocked} />
    </>
  );
}
