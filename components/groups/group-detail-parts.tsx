"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { Info } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { ErrorState } from "@/components/ui/states";
import { ApiClientError } from "@/lib/api/client";
import { cn } from "@/lib/cn";
import { paths } from "@/lib/paths";
import type { GroupDetail } from "@/lib/schemas/groups";
import { displayHost } from "./display-host";
import { GroupTypeBadge } from "./group-state-badge";
import { LagValue } from "./group-table";

/** The parts a consumer group's and a share group's detail pages have in common. */

type Assignment = GroupDetail["members"][number]["assignments"][number];

export function Stat({
  label,
  value,
  testId,
  tone,
}: {
  label: string;
  value: ReactNode;
  testId: string;
  tone?: "warn";
}) {
  return (
    <div className="px-4 py-3">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd
        className={cn("text-lg font-semibold tabular-nums", tone === "warn" && "text-amber-600 dark:text-amber-400")}
        data-testid={testId}
      >
        {value}
      </dd>
    </div>
  );
}

/** An offset (or any other optional monospace value); a dash when there is none. */
export const mono = (v: string | null) =>
  v === null ? <span className="text-slate-400">—</span> : <span className="font-mono text-xs tabular-nums">{v}</span>;

/** "orders: 0,1,2" chips, one per assigned topic. */
export function Assignments({ assignments }: { assignments: Assignment[] }) {
  if (assignments.length === 0) return <span className="text-slate-400">none</span>;
  return (
    <span className="inline-flex flex-wrap gap-1">
      {assignments.map((a) => (
        <span key={a.topic} className="rounded bg-slate-100 px-1.5 font-mono text-xs dark:bg-slate-800">
          {a.topic}: <span className="tabular-nums">{a.partitions.join(",")}</span>
        </span>
      ))}
    </span>
  );
}

const assignmentText = (assignments: Assignment[]) =>
  assignments.map((a) => `${a.topic}: ${a.partitions.join(",")}`).join(" ");

/** A column of assignment chips: `pick` chooses which of the member's assignments (current or target). */
export function assignmentsColumn<M>(id: string, header: string, pick: (m: M) => Assignment[]): ColumnDef<M, unknown> {
  return {
    id,
    header,
    accessorFn: (m) => assignmentText(pick(m)),
    enableSorting: false,
    cell: ({ row }) => <Assignments assignments={pick(row.original)} />,
  };
}

export function hostColumn<M extends { clientHost: string }>(): ColumnDef<M, unknown> {
  return {
    id: "clientHost",
    accessorFn: (m) => m.clientHost,
    header: "Host",
    cell: ({ row }) => <span className="font-mono text-xs">{displayHost(row.original.clientHost)}</span>,
  };
}

type PartitionRow = { topic: string; partition: number; endOffset: string | null; lag: number | null };

/** Topic (linked), partition, end offset and lag: the columns every group's partition table has. */
export function partitionBaseColumns<P extends PartitionRow>(clusterId: string) {
  const topic: ColumnDef<P, unknown> = {
    id: "topic",
    accessorFn: (p) => p.topic,
    header: "Topic",
    cell: ({ row }) => (
      <Link
        href={paths.topic(clusterId, row.original.topic)}
        className="font-mono text-xs font-medium text-brand-700 hover:underline dark:text-cyan-300"
      >
        {row.original.topic}
      </Link>
    ),
  };
  const partition: ColumnDef<P, unknown> = {
    id: "partition",
    accessorFn: (p) => p.partition,
    header: "Partition",
    cell: ({ getValue }) => <span className="tabular-nums">{String(getValue())}</span>,
  };
  const end: ColumnDef<P, unknown> = {
    id: "end",
    header: "End offset",
    accessorFn: (p) => Number(p.endOffset ?? -1),
    cell: ({ row }) => mono(row.original.endOffset),
  };
  const lag: ColumnDef<P, unknown> = {
    id: "lag",
    header: "Lag",
    accessorFn: (p) => p.lag ?? -1,
    cell: ({ row }) => <LagValue lag={row.original.lag} />,
  };
  return { topic, partition, end, lag };
}

/** The error state of a group page that could not load; a missing group says so. */
export function GroupLoadError({
  error,
  groupId,
  notFound,
  action,
}: {
  error: Error;
  groupId: string;
  notFound: string;
  action: (missing: boolean) => ReactNode;
}) {
  const missing = error instanceof ApiClientError && error.status === 404;
  return (
    <ErrorState
      title={missing ? notFound : `Could not load ${groupId}`}
      message={error.message}
      action={action(missing)}
    />
  );
}

/** The line under a group's numbers: its type, then protocol details. */
export function GroupProtocolLine({ type, children }: { type: GroupDetail["type"]; children: ReactNode }) {
  return (
    <p
      className="flex flex-wrap items-center gap-x-3 gap-y-1 border-t border-slate-100 px-4 py-2 text-xs text-slate-600 dark:border-slate-800 dark:text-slate-400"
      data-testid="group-protocol"
    >
      <span className="inline-flex items-center gap-1">
        Type <GroupTypeBadge type={type} />
      </span>
      {children}
    </p>
  );
}

/** Group epoch, assignment epoch and assignor of a group that uses the broker-side (KIP-848) protocol. */
export function EpochsAndAssignor({
  groupEpoch,
  assignmentEpoch,
  assignor,
}: {
  groupEpoch: ReactNode;
  assignmentEpoch: ReactNode;
  assignor: string | null | undefined;
}) {
  return (
    <>
      <span>
        group epoch <span className="tabular-nums">{groupEpoch}</span>
      </span>
      <span>
        assignment epoch <span className="tabular-nums">{assignmentEpoch}</span>
      </span>
      <span>
        assignor <span className="font-mono">{assignor || "—"}</span>
      </span>
    </>
  );
}

/** A titled section whose heading shows how many rows it lists. */
function CountedSection({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  return (
    <section className="space-y-2">
      <h2 className="text-sm font-semibold text-slate-700 dark:text-slate-300">
        {title} <span className="font-normal tabular-nums text-slate-500">({count})</span>
      </h2>
      {children}
    </section>
  );
}

/** The group's members, one row per member. */
export function MembersSection<M extends { clientId: string }>({
  members,
  columns,
  emptyMessage,
}: {
  members: M[];
  columns: ColumnDef<M, unknown>[];
  emptyMessage: string;
}) {
  return (
    <CountedSection title="Members" count={members.length}>
      <DataTable
        testId="group-members-table"
        columns={columns}
        data={members}
        rowTestId={(m) => `group-member-row-${m.clientId}`}
        emptyTitle="No active members"
        emptyMessage={emptyMessage}
        maxHeight={320}
      />
    </CountedSection>
  );
}

/** The partitions the group has state for, one row per partition. */
export function PartitionsSection<P extends { topic: string; partition: number }>({
  partitions,
  columns,
  empty,
  searchPlaceholder,
  maxHeight,
}: {
  partitions: P[];
  columns: ColumnDef<P, unknown>[];
  empty: { title: string; message?: string };
  searchPlaceholder?: string;
  maxHeight?: number;
}) {
  return (
    <CountedSection title="Partitions" count={partitions.length}>
      <DataTable
        testId="group-partitions-table"
        columns={columns}
        data={partitions}
        searchPlaceholder={searchPlaceholder}
        rowTestId={(p) => `group-partition-row-${p.topic}-${p.partition}`}
        emptyTitle={empty.title}
        emptyMessage={empty.message}
        maxHeight={maxHeight}
      />
    </CountedSection>
  );
}

/** Tailwind needs each class written out in full. */
const STAT_COLUMNS = { 4: "sm:grid-cols-4", 7: "sm:grid-cols-7" } as const;

/** The card at the top of a group page: its numbers in a row, then lines about its protocol. */
export function GroupStatsCard({
  columns,
  stats,
  children,
}: {
  columns: keyof typeof STAT_COLUMNS;
  stats: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card>
      <dl className={cn("grid grid-cols-2 divide-slate-100 sm:divide-x dark:divide-slate-800", STAT_COLUMNS[columns])}>
        {stats}
      </dl>
      {children}
    </Card>
  );
}

const NOTE_TONE = {
  info: "border-brand-100 bg-brand-50 text-brand-800 dark:border-cyan-900 dark:bg-cyan-950/40 dark:text-cyan-200",
  warn: "border-amber-200 bg-amber-50 text-amber-900 dark:border-amber-900 dark:bg-amber-950/40 dark:text-amber-200",
};

/** A one-line note with an info icon, shown above or instead of a group's details. */
export function InfoNote({
  tone,
  testId,
  children,
}: {
  tone: keyof typeof NOTE_TONE;
  testId: string;
  children: ReactNode;
}) {
  return (
    <p
      className={cn("flex items-center gap-2 rounded-md border px-3 py-2 text-sm", NOTE_TONE[tone])}
      data-testid={testId}
    >
      <Info className="h-4 w-4 shrink-0" aria-hidden />
      {children}
    </p>
  );
}
