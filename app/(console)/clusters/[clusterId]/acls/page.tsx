import { AclView } from "@/components/acls/acl-view";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageAccess } from "@/server/auth/page-access";
import { getClusterOrNotFound } from "@/server/config/find-cluster";
import { accessRights } from "@/server/services/access/access-rights";

export const metadata = { title: "ACLs" };

export default async function AclsPage({
  params,
  searchParams,
}: {
  params: Promise<{ clusterId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePageAccess("access:read", (await params).clusterId);
  const cluster = getClusterOrNotFound((await params).clusterId);
  const rights = await accessRights(cluster.id);
  const sp = await searchParams;
  const initial = Object.fromEntries(
    (["principal", "host", "resourceType", "resourceName", "patternType", "operation", "permission"] as const).flatMap(
      (k) => (typeof sp[k] === "string" ? [[k, sp[k]]] : []),
    ),
  );
  return (
    <>
      <PageHeader
        title="ACLs"
        description={`${cluster.name}: the bindings the broker's authorizer enforces. Creating and deleting are previewed first.${cluster.readOnly ? " Read-only cluster: changes are disabled." : ""}`}
      />
      <AclView clusterId={cluster.id} canManage={rights.manage} initial={initial} />
    </>
  );
}
