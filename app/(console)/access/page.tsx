import { TeamsPanel } from "@/components/access/teams-panel";
import { TokensPanel } from "@/components/access/tokens-panel";
import { UsersPanel } from "@/components/access/users-panel";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageAccess } from "@/server/auth/page-access";
import { listClusters } from "@/server/services/clusters/list-clusters";

export const metadata = { title: "Users and teams" };

export default async function AccessPage() {
  await requirePageAccess("global-admin");
  return (
    <>
      <PageHeader
        title="Users and teams"
        description="Who can sign in, their role on each cluster, and the teams whose topic prefixes they work in."
      />
      <div className="space-y-10">
        <UsersPanel clusters={listClusters().map((c) => ({ id: c.id, name: c.name }))} />
        <TeamsPanel />
        <TokensPanel clusters={listClusters().map((c) => ({ id: c.id, name: c.name }))} />
      </div>
    </>
  );
}
