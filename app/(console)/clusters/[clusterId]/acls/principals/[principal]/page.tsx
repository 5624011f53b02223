import Link from "next/link";
import { notFound } from "next/navigation";
import { PrincipalView } from "@/components/acls/principal-view";
import { PrincipalGrants } from "@/components/requests/principals-view";
import { PageHeader } from "@/components/ui/page-header";
import { paths } from "@/lib/paths";
import { principalSchema } from "@/lib/schemas/access";
import { decodeSegment } from "@/lib/url-segment";
import { requirePageAccess } from "@/server/auth/page-access";
import { getClusterOrNotFound } from "@/server/config/find-cluster";

export const metadata = { title: "Principal" };

export default async function PrincipalPage({ params }: { params: Promise<{ clusterId: string; principal: string }> }) {
  await requirePageAccess("access:read", (await params).clusterId);
  const p = await params;
  const cluster = getClusterOrNotFound(p.clusterId);
  const parsed = principalSchema.safeParse(decodeSegment(p.principal));
  if (!parsed.success) notFound();
  return (
    <>
      <PageHeader
        title={<span className="font-mono">{parsed.data}</span>}
        description={
          <>
            <Link className="hover:underline" href={paths.acls(cluster.id)}>
              {cluster.name} ACLs
            </Link>
            {
              " / what this principal can do, and on what, as the broker decides it (DENY wins; literal, prefixed and wildcard bindings)."
            }
          </>
        }
      />
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-[minmax(0,1fr)_320px]">
        <PrincipalView clusterId={cluster.id} principal={parsed.data} />
        <div>
          <PrincipalGrants clusterId={cluster.id} principal={parsed.data} />
        </div>
      </div>
    </>
  );
}
