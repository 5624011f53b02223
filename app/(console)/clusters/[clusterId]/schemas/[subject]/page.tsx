import { blockedReason } from "@/server/auth/page-access";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { SubjectDetailView } from "@/components/schemas/subject-detail";
import { Loading } from "@/components/ui/states";
import { paths } from "@/lib/paths";
import { subjectNameSchema } from "@/lib/schemas/schemas";
import { decodeSegment } from "@/lib/url-segment";
import { openClusterPage, segmentOrNotFound } from "../../cluster-page";
import { DetailHeader, READ_ONLY_TRAIL } from "../../detail-header";

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
      <DetailHeader
        name={subject}
        back={paths.schemas(cluster.id)}
        backLabel={`${cluster.name} schemas`}
        trail={cluster.readOnly ? READ_ONLY_TRAIL : null}
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
