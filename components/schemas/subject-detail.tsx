"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { Checkbox } from "@/components/ui/checkbox";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState, ErrorState, Loading } from "@/components/ui/states";
import { ApiClientError } from "@/lib/api/client";
import { paths } from "@/lib/paths";
import { subjectDetailOptions } from "@/lib/queries/schemas";
import type { SchemaVersion, SubjectDetail } from "@/lib/schemas/schemas";
import { CompatibilitySelect } from "./compatibility-select";
import { SchemaCode } from "./schema-code";
import { Select } from "@/components/ui/select";
import { SubjectActions } from "./subject-actions";
import { VersionCompare } from "./version-compare";

/** The subject's topic (by TopicNameStrategy) and how many versions it has. */
function SubjectSummary({
  clusterId,
  data,
  activeCount,
  subjectDeleted,
}: {
  clusterId: string;
  data: SubjectDetail;
  activeCount: number;
  subjectDeleted: boolean;
}) {
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600 dark:text-slate-400">
      {data.topic ? (
        <span>
          Topic{" "}
          <Link
            href={paths.topic(clusterId, data.topic)}
            className="font-mono hover:underline"
            data-testid="subject-topic"
          >
            {data.topic}
          </Link>{" "}
          ({data.role})
        </span>
      ) : (
        <span>Not named after a topic (TopicNameStrategy)</span>
      )}
      <span aria-hidden>·</span>
      <span data-testid="subject-version-count">
        {activeCount} version{activeCount === 1 ? "" : "s"}
      </span>
      {subjectDeleted ? <Badge tone="warn">soft-deleted</Badge> : null}
    </div>
  );
}

/** The subject's compatibility level, the global one, and whether soft-deleted versions are listed. */
function SubjectSettingsCard({
  clusterId,
  subject,
  data,
  readOnlyReason,
  showDeleted,
  onShowDeleted,
}: {
  clusterId: string;
  subject: string;
  data: SubjectDetail;
  readOnlyReason?: string;
  showDeleted: boolean;
  onShowDeleted: (on: boolean) => void;
}) {
  return (
    <Card>
      <CardBody className="flex flex-wrap items-center justify-between gap-4">
        <CompatibilitySelect
          key={data.compatibility ?? ""}
          clusterId={clusterId}
          subject={subject}
          current={data.compatibility}
          readOnlyReason={readOnlyReason}
        />
        <span className="text-xs text-slate-500">
          Global level: <span className="font-mono">{data.globalCompatibility ?? "unknown"}</span>
        </span>
        <Checkbox
          className="inline-flex items-center gap-2 text-sm"
          checked={showDeleted}
          onChange={onShowDeleted}
          testId="show-deleted-versions"
        >
          Show soft-deleted versions
        </Checkbox>
      </CardBody>
    </Card>
  );
}

/** Other subjects this version's schema imports, each a link to the version it names. */
function SchemaReferences({ clusterId, version }: { clusterId: string; version: SchemaVersion }) {
  return (
    <div className="text-sm" data-testid="schema-references">
      <p className="font-medium">References</p>
      <ul className="list-inside list-disc">
        {version.references.map((r) => (
          <li key={r.name}>
            <span className="font-mono">{r.name}</span> →{" "}
            <Link
              href={`${paths.subject(clusterId, r.subject)}?version=${r.version}`}
              className="font-mono hover:underline"
            >
              {r.subject} v{r.version}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** One version: the picker, its type and id, the formatted schema and its references. */
function SchemaVersionCard({
  clusterId,
  versions,
  current,
  onPick,
}: {
  clusterId: string;
  versions: SchemaVersion[];
  current: SchemaVersion;
  onPick: (version: number) => void;
}) {
  return (
    <Card data-testid="schema-version-card">
      <CardHeader className="flex-wrap items-center">
        <div className="flex flex-wrap items-center gap-2">
          <label htmlFor="version-picker" className="text-sm font-semibold">
            Version
          </label>
          <Select
            id="version-picker"
            value={current.version}
            onChange={(e) => onPick(Number(e.target.value))}
            data-testid="version-picker"
          >
            {versions.map((v) => (
              <option key={v.version} value={v.version}>
                v{v.version}
                {v.deleted ? " (soft-deleted)" : ""}
              </option>
            ))}
          </Select>
          <Badge tone="info">{current.schemaType}</Badge>
          <span className="text-xs text-slate-500" data-testid="schema-id">
            schema id {current.id}
          </span>
          {current.deleted ? <Badge tone="warn">soft-deleted</Badge> : null}
        </div>
      </CardHeader>
      <CardBody className="space-y-3">
        <SchemaCode schemaType={current.schemaType} text={current.schema} testId="schema-text" />
        {current.references.length ? <SchemaReferences clusterId={clusterId} version={current} /> : null}
      </CardBody>
    </Card>
  );
}

/** One subject: version picker, the formatted schema, references, compatibility level, diff of two versions, actions. */
export function SubjectDetailView({
  clusterId,
  subject,
  readOnlyReason,
}: {
  clusterId: string;
  subject: string;
  readOnlyReason?: string;
}) {
  const search = useSearchParams();
  const [showDeleted, setShowDeleted] = useState(search.get("deleted") === "true");
  const [picked, setPicked] = useState<number | null>(Number(search.get("version")) || null);
  const { data, error, isPending } = useQuery(subjectDetailOptions(clusterId, subject, { deleted: showDeleted }));

  if (isPending) return <Loading label="Loading the subject…" />;
  if (error) {
    const notFound = error instanceof ApiClientError && error.status === 404 && !showDeleted;
    return (
      <ErrorState
        title={notFound ? "Subject not found" : "Could not load the subject"}
        message={error.message}
        action={
          notFound ? (
            <Button size="sm" onClick={() => setShowDeleted(true)} data-testid="show-deleted-versions-retry">
              Look among soft-deleted subjects
            </Button>
          ) : undefined
        }
      />
    );
  }
  const active = data.versions.filter((v) => !v.deleted);
  const subjectDeleted = showDeleted && active.length === 0;
  const current = data.versions.find((v) => v.version === picked) ?? data.versions.at(-1);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <SubjectSummary clusterId={clusterId} data={data} activeCount={active.length} subjectDeleted={subjectDeleted} />
        <SubjectActions
          clusterId={clusterId}
          subject={subject}
          version={current}
          subjectDeleted={subjectDeleted}
          readOnlyReason={readOnlyReason}
          onSelectVersion={setPicked}
        />
      </div>

      <SubjectSettingsCard
        clusterId={clusterId}
        subject={subject}
        data={data}
        readOnlyReason={readOnlyReason}
        showDeleted={showDeleted}
        onShowDeleted={setShowDeleted}
      />

      {current ? (
        <SchemaVersionCard clusterId={clusterId} versions={data.versions} current={current} onPick={setPicked} />
      ) : (
        <EmptyState
          title="No version content"
          message="Every version of this subject is soft-deleted and the registry no longer serves their content. It can still be deleted permanently."
        />
      )}

      {current ? <VersionCompare key={current.version} versions={data.versions} selected={current.version} /> : null}
    </div>
  );
}
