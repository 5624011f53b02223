import { forbidden } from "next/navigation";
import { ConnectorForm } from "@/components/connect/connector-form";
import { PageHeader } from "@/components/ui/page-header";
import { blockedReason, requirePageAccess } from "@/server/auth/page-access";
import { CONNECT_READ_ONLY, connectPageParams } from "../../connect-page-params";

export const metadata = { title: "Create connector" };

export default async function NewConnectorPage({
  params,
}: {
  params: Promise<{ clusterId: string; connectId: string }>;
}) {
  await requirePageAccess("connect:read", (await params).clusterId);
  const { cluster, connectId } = connectPageParams(await params);
  if (await blockedReason(cluster, "connect:manage", CONNECT_READ_ONLY)) forbidden();
  return (
    <>
      <PageHeader
        title="Create a connector"
        description={`On Kafka Connect "${connectId}" of ${cluster.name}. The form follows the plugin's own config definition.`}
      />
      <ConnectorForm clusterId={cluster.id} connectId={connectId} />
    </>
  );
}
