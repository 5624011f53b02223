"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import { Download } from "lucide-react";
import { useDeferredValue, useState, type ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { Dialog } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { LinkButton } from "@/components/ui/link-button";
import { Select } from "@/components/ui/select";
import { Time } from "@/components/ui/time-zone";
import { ErrorState, Loading } from "@/components/ui/states";
import { paths } from "@/lib/paths";
import { auditOptions, type AuditFilters } from "@/lib/queries/audit";
import type { AuditEventDto } from "@/lib/schemas/audit";

const columns = (open: (e: AuditEventDto) => void): ColumnDef<AuditEventDto, unknown>[] => [
  {
    accessorKey: "createdAt",
    header: "Time",
    cell: ({ row }) => <Time t={row.original.createdAt} className="font-mono text-xs" />,
  },
  { accessorKey: "actor", header: "Actor" },
  {
    accessorKey: "action",
    header: "Action",
    cell: ({ row }) => (
      <LinkButton className="font-mono" onClick={() => open(row.original)} data-testid="audit-open">
        {row.original.action}
      </LinkButton>
    ),
  },
  {
    accessorKey: "target",
    header: "Target",
    cell: ({ row }) => (
      <span className="block max-w-[22rem] truncate font-mono text-xs" title={row.original.target}>
        {row.original.target}
      </span>
    ),
  },
  { accessorKey: "clusterId", header: "Cluster", cell: ({ row }) => row.original.clusterId ?? "—" },
  {
    accessorKey: "result",
    header: "Result",
    cell: ({ row }) => <Badge tone={row.original.result === "success" ? "ok" : "bad"}>{row.original.result}</Badge>,
  },
];

const pretty = (v: unknown) => (v === null || v === undefined ? "—" : JSON.stringify(v, null, 2));

/** The audit log: server-side filters, newest first, loaded 200 at a time, and the same filter as a JSONL download. */
export function AuditLog({ clusters }: { clusters: { id: string; name: string }[] }) {
  const [filters, setFilters] = useState<AuditFilters>({});
  const deferred = useDeferredValue(filters);
  const q = useInfiniteQuery(auditOptions(deferred));
  const [shown, setShown] = useState<AuditEventDto | null>(null);
  const events = q.data?.pages.flatMap((p) => p.events) ?? [];
  const set = (patch: AuditFilters) => setFilters((f) => ({ ...f, ...patch }));
  let more: ReactNode = null;
  if (q.hasNextPage) {
    more = (
      <Button size="sm" onClick={() => q.fetchNextPage()} disabled={q.isFetchingNextPage}>
        {q.isFetchingNextPage ? "Loading…" : "Load older"}
      </Button>
    );
  } else if (events.length) {
    more = <span>That is all.</span>;
  }
  let list: ReactNode;
  if (q.isPending) {
    list = <Loading />;
  } else if (q.error) {
    list = <ErrorState title="Could not load the audit log" message={q.error.message} />;
  } else {
    list = (
      <>
        <DataTable
          columns={columns(setShown)}
          data={events}
          rowTestId={(e) => `audit-row-${e.action}`}
          emptyTitle="No events match"
          testId="audit-table"
          maxHeight={620}
        />
        <div className="flex items-center gap-3 text-xs text-slate-500">
          <span data-testid="audit-count">{events.length} event(s) loaded</span>
          {more}
        </div>
      </>
    );
  }
  return (
    <div className="space-y-4">
      <AuditFilterBar filters={filters} set={set} clusters={clusters} />
      {list}
      {shown ? <EventDialog event={shown} onClose={() => setShown(null)} /> : null}
    </div>
  );
}

const TEXT_FILTERS: {
  key: "q" | "actor" | "action";
  className: string;
  placeholder: string;
  label: string;
  testId: string;
}[] = [
  {
    key: "q",
    className: "max-w-xs",
    placeholder: "Search target, action, actor, error, request id",
    label: "Search",
    testId: "audit-search",
  },
  { key: "actor", className: "max-w-[12rem]", placeholder: "Actor", label: "Actor", testId: "audit-actor" },
  {
    key: "action",
    className: "max-w-[12rem]",
    placeholder: "Action (prefix, e.g. request.)",
    label: "Action",
    testId: "audit-action",
  },
];
const RESULT_OPTIONS = [
  ["", "Any result"],
  ["success", "success"],
  ["failure", "failure"],
  ["denied", "denied"],
];

function AuditFilterBar({
  filters,
  set,
  clusters,
}: {
  filters: AuditFilters;
  set: (patch: AuditFilters) => void;
  clusters: { id: string; name: string }[];
}) {
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="audit-filters">
      {TEXT_FILTERS.map((f) => (
        <Input
          key={f.key}
          className={f.className}
          placeholder={f.placeholder}
          aria-label={f.label}
          value={filters[f.key] ?? ""}
          onChange={(e) => set({ [f.key]: e.target.value || undefined })}
          data-testid={f.testId}
        />
      ))}
      {[
        {
          key: "clusterId" as const,
          label: "Cluster",
          options: [["", "All clusters"], ...clusters.map((c) => [c.id, c.name])],
        },
        { key: "result" as const, label: "Result", options: RESULT_OPTIONS },
      ].map((f) => (
        <Select
          key={f.key}
          aria-label={f.label}
          value={filters[f.key] ?? ""}
          onChange={(e) => set({ [f.key]: e.target.value || undefined })}
        >
          {f.options.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </Select>
      ))}
      <Button asChild size="sm" className="ml-auto">
        <a href={paths.api.auditExport(filters)} download data-testid="audit-export">
          <Download className="h-4 w-4" /> Export JSON Lines
        </a>
      </Button>
    </div>
  );
}

function EventDialog({ event, onClose }: { event: AuditEventDto; onClose: () => void }) {
  return (
    <Dialog
      onClose={onClose}
      title={<span className="font-mono">{event.action}</span>}
      description={
        <>
          {event.actor} · <Time t={event.createdAt} /> · request {event.requestId ?? "—"}
        </>
      }
      size="lg"
      testId="audit-event-dialog"
    >
      <div className="space-y-3 text-sm">
        <p>
          <span className="text-slate-500">Target:</span>{" "}
          <span className="font-mono">
            {event.targetType} {event.target}
          </span>
        </p>
        {event.error ? <ErrorState title="Failed" message={event.error} /> : null}
        <div className="grid gap-3 md:grid-cols-2">
          <JsonBlock label="Before" value={event.before} />
          <JsonBlock label="After" value={event.after} />
        </div>
      </div>
    </Dialog>
  );
}

function JsonBlock({ label, value }: { label: string; value: unknown }) {
  return (
    <div>
      <p className="mb-1 text-xs uppercase tracking-wide text-slate-500">{label}</p>
      <pre className="max-h-80 overflow-auto whitespace-pre-wrap break-words rounded bg-slate-50 p-2 text-xs dark:bg-slate-800">
        {pretty(value)}
      </pre>
    </div>
  );
}
