import { AuditLog } from "@/components/audit/audit-log";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageAccess } from "@/server/auth/page-access";
import { listVisibleClusters } from "@/server/services/clusters/list-clusters";

export const metadata = { title: "Audit log" };

export default async function AuditPage() {
  // Approvers and admins: of some cluster (the log then holds only theirs; see list-audit.ts).
  const actor = await requirePageAccess("audit:read");
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change made through Sluice: who, when, on which cluster, what it was before and after, and whether it worked. Append-only."
      />
      <AuditLog clusters={listVisibleClusters(actor).map((c) => ({ id: c.id, name: c.name }))} />
    </>
  );
}
