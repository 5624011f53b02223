import { blockedReason } from "@/server/auth/page-access";
import { RegisterSchemaButton } from "@/components/schemas/register-schema-button";
import { SubjectList } from "@/components/schemas/subject-list";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import { openClusterPage } from "../cluster-page";

export const metadata = { title: "Schemas" };

const READ_ONLY = "This cluster is configured read-only in Sluice: schemas cannot be registered or changed here.";

export default async function SchemasPage({ params }: { params: Promise<{ clusterId: string }> }) {
  const { cluster } = await openClusterPage(params, "schemas:read");
  return (
    <>
      <PageHeader
        title="Schemas"
        description={`${cluster.name}: subjects in the schema registry.${cluster.readOnly ? " This cluster is read-only in Sluice." : ""}`}
        actions={
          cluster.hasSchemaRegistry ? (
            <RegisterSchemaButton
              clusterId={cluster.id}
              readOnlyReason={await blockedReason(cluster, "schemas:write", READ_ONLY)}
            />
          ) : null
        }
      />
      {cluster.hasSchemaRegistry ? (
        <SubjectList
          clusterId={cluster.id}
          readOnlyReason={await blockedReason(cluster, "schemas:write", READ_ONLY, "")}
        />
      ) : (
        <div
          data-testid="no-registry"
          className="rounded-lg border border-dashed border-slate-300 dark:border-slate-700"
        >
          <EmptyState
            title="No schema registry is configured for this cluster"
            message={`Add schemaRegistry: {url: …} (and username/password if the registry needs them) under the cluster "${cluster.id}" in Sluice's configuration file, then restart Sluice.`}
          />
        </div>
      )}
    </>
  );
}
