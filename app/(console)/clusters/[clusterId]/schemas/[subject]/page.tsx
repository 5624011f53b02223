import { blockedReason } from "@/server/auth/page-access";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { SubjectDetailView } from "@/components/schemas/subject-detail";
import { PageHeader } from "@/components/ui/page-header";
import { Loading } from "@/components/ui/states";
import { paths } from "@/lib/paths";
import { subjectNameSchema } from "@/lib/schemas/schemas";
import { decodeSegment } from "@/lib/url-segment";
import { openClusterPage, segmentOrNotFound } from "../../cluster-page";

const READ_ONLY = "This cluster is configured read-only in Sluice: schemas cannot be changed here.";

export async function generateMetadata({ params }: { params: Promise<{ subject: string }> }) {
  return { title: decodeSegment((await params).subject) || "Subject" };
}

export default async function SubjectPage({ params }: { params: Promise<{ clusterId: string; subject: string }> }) {
  const { cluster } = await openClusterPage(params, "schemas:read");
  const subject = segmentOrNotFound((await params).subject, subjectNameSchema);
  if (!cluster.hasSchemaRegistry) notFound();
  return (
    <>
      <PageHeader
        title={<span className="break-all font-mono">{subject}</span>}
        description={
          <>
            <Link href={paths.schemas(cluster.id)} className="hover:underline">
              {cluster.name} schemas
            </Link>
            {cluster.readOnly ? " / read-only cluster: changes are disabled" : null}
          </>
        }
      />
      {/* The view reads ?version= and ?deleted= from the URL (useSearchParams), which needs a Suspense boundary. */}
      <Suspense fallback={<Loading label="Loading the subject…" />}>
        <SubjectDetailView
          clusterId={cluster.id}
          subject={subject}
          readOnlyReason={await blockedReason(cluster, "schemas:write", READ_ONLY, subject)}
        />
      </Suspense>
    </>
  );
}
