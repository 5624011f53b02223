"use client";

import { useQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import { Info } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { ErrorState, Loading } from "@/components/ui/states";
import { ApiClientError } from "@/lib/api/client";
import { formatNumber } from "@/lib/format";
import { paths } from "@/lib/paths";
import { shareGroupOptions } from "@/lib/queries/groups";
import type { ShareGroupDetail } from "@/lib/schemas/groups";
import { displayHost } from "./display-host";
import { Assignments } from "./group-detail";
import { GroupStateBadge, GroupTypeBadge } from "./group-state-badge";
import { LagValue } from "./group-table";

type Member = ShareGroupDetail["members"][number];
type Partition = ShareGroupDetail["partitions"][number];

function Stat({ label, value, testId }: { label: string; value: ReactNode; testId: string }) {
  return (
    <div className="px-4 py-3">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

const mono = (v: string | null) =>
  v === null ? <span className="text-slate-400">—</span> : <span className="font-mono text-xs tabular-nums">{v}</span>;

const memberColumns: ColumnDef<Member, unknown>[] = [
  {
    accessorKey: "clientId",
    header: "Client id",
    cell: ({ row }) => <span className="font-mono text-xs">{row.original.clientId}</span>,
  },
  {
    accessorKey: "memberId",
    header: "Member id",
    cell: ({ row }) => (
      <span className="block max-w-[14rem] truncate font-mono text-xs" title={row.original.memberId}>
        {row.original.memberId}
      </span>
    ),
  },
  {
    accessorKey: "clientHost",
    header: "Host",
    cell: ({ row }) => <span className="font-mono text-xs">{displayHost(row.original.clientHost)}</span>,
  },
  {
    accessorKey: "memberEpoch",
    header: "Member epoch",
    cell: ({ row }) => <span className="tabular-nums">{row.original.memberEpoch}</span>,
  },
  {
    id: "subscription",
    header: "Subscribed to",
    accessorFn: (m) => m.subscribedTopics.join(","),
    enableSorting: false,
    cell: ({ row }) => <span className="font-mono text-xs">{row.original.subscribedTopics.join(", ") || "—"}</span>,
  },
  {
    id: "assignments",
    header: "Assigned partitions",
    accessorFn: (m) => m.assignments.map((a) => `${a.topic}: ${a.partitions.join(",")}`).join(" "),
    enableSorting: false,
    cell: ({ row }) => <Assignments assignments={row.original.assignments} />,
  },
  { id: "rack", header: "Rack", accessorFn: (m) => m.rackId ?? "", cell: ({ row }) => mono(row.original.rackId) },
];

function partitionColumns(clusterId: string, clients: Map<string, string>): ColumnDef<Partition, unknown>[] {
  return [
    {
      accessorKey: "topic",
      header: "Topic",
      cell: ({ row }) => (
        <Link
          href={paths.topic(clusterId, row.original.topic)}
          className="font-mono text-xs font-medium text-brand-700 hover:underline dark:text-cyan-300"
        >
          {row.original.topic}
        </Link>
      ),
    },
    {
      accessorKey: "partition",
      header: "Partition",
      cell: ({ getValue }) => <span className="tabular-nums">{String(getValue())}</span>,
    },
    {
      id: "start",
      header: "Start offset",
      accessorFn: (p) => Number(p.startOffset ?? -1),
      cell: ({ row }) => (
        <span title="The share-partition start offset: the earliest record still in flight; later records may already be delivered">
          {mono(row.original.startOffset)}
        </span>
      ),
    },
    {
      id: "end",
      header: "End offset",
      accessorFn: (p) => Number(p.endOffset ?? -1),
      cell: ({ row }) => mono(row.original.endOffset),
    },
    {
      id: "lag",
      header: "Lag",
      accessorFn: (p) => p.lag ?? -1,
      cell: ({ row }) => <LagValue lag={row.original.lag} />,
    },
    {
      id: "consumers",
      header: "Consumers",
      accessorFn: (p) => p.memberIds.length,
      cell: ({ row }) =>
        row.original.memberIds.length ? (
          <span className="font-mono text-xs">
            {row.original.memberIds.map((id) => clients.get(id) ?? id).join(", ")}
          </span>
        ) : (
          <span className="text-slate-400">unassigned</span>
        ),
    },
    {
      id: "error",
      header: "Error",
      accessorFn: (p) => p.error ?? "",
      cell: ({ row }) =>
        row.original.error ? <span className="text-xs text-red-600">{row.original.error}</span> : null,
    },
  ];
}

/** A share group (KIP-932): state, members and what they are assigned, and per partition its start offset and lag. */
export function ShareGroupDetailView({ clusterId, groupId }: { clusterId: string; groupId: string }) {
  const { data, error, isPending } = useQuery(shareGroupOptions(clusterId, groupId));
  if (isPending) return <Loading label="Loading the share group…" />;
  if (error) {
    const missing = error instanceof ApiClientError && error.status === 404;
    return (
      <ErrorState
        title={missing ? "Share group not found" : `Could not load ${groupId}`}
        message={error.message}
        action={
          <Link href={paths.groups(clusterId)} className="text-sm font-medium underline">
            Back to groups
          </Link>
        }
      />
    );
  }
  if (!data.supported || !data.group) {
    return (
      <p
        className="flex items-center gap-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950/40 dark:text-amber-200"
        data-testid="share-groups-unavailable"
      >
        <Info className="h-4 w-4 shrink-0" aria-hidden />
        {data.reason ?? "This cluster has no share groups."}
      </p>
    );
  }
  const g = data.group;
  const clients = new Map(g.members.map((m) => [m.memberId, m.clientId]));
  const lags = g.partitions.map((p) => p.lag);
  const totalLag = lags.some((l) => l === null) ? null : lags.reduce<number>((n, l) => n + (l ?? 0), 0);
  return (
    <div className="space-y-6">
      <Card>
        <dl className="grid grid-cols-2 divide-slate-100 sm:grid-cols-4 sm:divide-x dark:divide-slate-800">
          <Stat label="State" value={<GroupStateBadge state={g.state} />} testId="group-stat-state" />
          <Stat label="Members" value={formatNumber(g.members.length)} testId="group-stat-members" />
          <Stat
            label="Lag (not yet delivered and acknowledged)"
            value={totalLag === null ? "—" : formatNumber(totalLag)}
            testId="group-stat-lag"
          />
          <Stat label="Partitions" value={formatNumber(g.partitions.length)} testId="group-stat-partitions" />
        </dl>
        <p
          className="flex flex-wrap items-center gap-x-3 gap-y-1 border-t border-slate-100 px-4 py-2 text-xs text-slate-600 dark:border-slate-800 dark:text-slate-400"
          data-testid="group-protocol"
        >
          <span className="inline-flex items-center gap-1">
            Type <GroupTypeBadge type="share" />
          </span>
          <span>
            group epoch <span className="tabular-nums">{g.groupEpoch}</span>
          </span>
          <span>
            assignment epoch <span className="tabular-nums">{g.assignmentEpoch}</span>
          </span>
          <span>
            assignor <span className="font-mono">{g.assignor || "—"}</span>
          </span>
        </p>
      </Card>

      <section className="space-y-2">
        <h2 className="text-sm font-semibold text-slate-700 dark:text-slate-300">
          Members <span className="font-normal tabular-nums text-slate-500">({g.members.length})</span>
        </h2>
        <DataTable
          testId="group-members-table"
          columns={memberColumns}
          data={g.members}
          rowTestId={(m) => `group-member-row-${m.clientId}`}
          emptyTitle="No active members"
          emptyMessage="No share consumer is connected to this group right now."
          maxHeight={320}
        />
      </section>

      <section className="space-y-2">
        <h2 className="text-sm font-semibold text-slate-700 dark:text-slate-300">
          Partitions <span className="font-normal tabular-nums text-slate-500">({g.partitions.length})</span>
        </h2>
        <DataTable
          testId="group-partitions-table"
          columns={partitionColumns(clusterId, clients)}
          data={g.partitions}
          rowTestId={(p) => `group-partition-row-${p.topic}-${p.partition}`}
          emptyTitle="No share-partition state yet"
          emptyMessage="The group has not fetched from any partition yet."
        />
      </section>
    </div>
  );
}
