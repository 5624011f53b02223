"use client";

import { useQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { useMemo, useState } from "react";
import { Checkbox } from "@/components/ui/checkbox";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { ErrorState, Loading } from "@/components/ui/states";
import { paths } from "@/lib/paths";
import { subjectListOptions } from "@/lib/queries/schemas";
import type { SubjectListItem } from "@/lib/schemas/schemas";
import { RegistryModeControl } from "./registry-mode-control";

const dash = <span className="text-slate-400">—</span>;

function columns(clusterId: string): ColumnDef<SubjectListItem, unknown>[] {
  return [
    {
      accessorKey: "subject",
      header: "Subject",
      cell: ({ row: { original: s } }) => (
        <span className="flex items-center gap-2">
          <Link
            href={paths.subject(clusterId, s.subject)}
            className="font-medium text-brand-700 hover:underline dark:text-cyan-300"
            data-testid={`subject-link-${s.subject}`}
          >
            {s.subject}
          </Link>
          {s.deleted ? <Badge tone="warn">soft-deleted</Badge> : null}
        </span>
      ),
    },
    {
      accessorKey: "topic",
      header: "Topic",
      cell: ({ row: { original: s } }) =>
        s.topic ? (
          <span className="inline-flex items-center gap-1.5">
            <Link href={paths.topic(clusterId, s.topic)} className="font-mono text-xs hover:underline">
              {s.topic}
            </Link>
            <Badge>{s.role}</Badge>
          </span>
        ) : (
          dash
        ),
    },
    {
      accessorKey: "schemaType",
      header: "Type",
      cell: ({ getValue }) => (getValue() ? <Badge tone="info">{String(getValue())}</Badge> : dash),
    },
    {
      accessorKey: "latestVersion",
      header: "Latest",
      cell: ({ getValue }) => (getValue() === null ? dash : `v${getValue()}`),
    },
    {
      accessorKey: "latestId",
      header: "Id",
      cell: ({ getValue }) => (getValue() === null ? dash : String(getValue())),
    },
    { accessorKey: "versionCount", header: "Versions" },
    {
      accessorKey: "compatibility",
      header: "Compatibility",
      cell: ({ getValue }) => (getValue() ? <span className="font-mono text-xs">{String(getValue())}</span> : dash),
    },
  ];
}

/** Every subject of the cluster's registry: searchable, sortable, virtualised; soft-deleted ones on request. */
export function SubjectList({ clusterId, readOnlyReason }: { clusterId: string; readOnlyReason?: string }) {
  const [deleted, setDeleted] = useState(false);
  const { data, error, isPending } = useQuery(subjectListOptions(clusterId, { deleted }));
  const cols = useMemo(() => columns(clusterId), [clusterId]);
  if (error) return <ErrorState title="Could not load the subjects" message={error.message} />;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-4 text-sm text-slate-600 dark:text-slate-400">
        <Checkbox
          className="inline-flex items-center gap-2"
          checked={deleted}
          onChange={setDeleted}
          testId="show-deleted-subjects"
        >
          Include soft-deleted subjects
        </Checkbox>
        {data ? (
          <span data-testid="global-compatibility">
            Global compatibility: <span className="font-mono">{data.globalCompatibility ?? "unknown"}</span>
          </span>
        ) : null}
        <RegistryModeControl clusterId={clusterId} readOnlyReason={readOnlyReason} />
      </div>
      {isPending ? (
        <Loading label="Loading subjects…" />
      ) : (
        <DataTable
          testId="subject-table"
          columns={cols}
          data={data.items}
          searchPlaceholder="Search subjects"
          rowTestId={(s) => `subject-row-${s.subject}`}
          emptyTitle="No subjects yet"
          emptyMessage="Register a schema to create the first subject."
          initialSorting={[{ id: "subject", desc: false }]}
        />
      )}
    </div>
  );
}
