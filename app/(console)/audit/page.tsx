import { AuditLog } from "@/components/audit/audit-log";
import { PageHeader } from "@/components/ui/page-header";
import { listClusters } from "@/server/services/clusters/list-clusters";

export const metadata = { title: "Audit log" };

export default function AuditPage() {
  return (
    <>
      <PageHeader title="Audit log" description="Every change made through Sluice: who, when, on which cluster, what it was before and after, and whether it worked. Append-only." />
      <AuditLog clusters={listClusters().map((c) => ({ id: c.id, name: c.name }))} />
    </>
  );
}
