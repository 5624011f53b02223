"use client";

import { useQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { Loading } from "@/components/ui/states";
import { formatNumber } from "@/lib/format";
import { paths } from "@/lib/paths";
import { shareGroupOptions } from "@/lib/queries/groups";
import type { ShareGroupDetail } from "@/lib/schemas/groups";
import {
  assignmentsColumn,
  EpochsAndAssignor,
  GroupLoadError,
  GroupProtocolLine,
  GroupStatsCard,
  hostColumn,
  InfoNote,
  MembersSection,
  mono,
  partitionBaseColumns,
  PartitionsSection,
  Stat,
} from "./group-detail-parts";
import { GroupStateBadge } from "./group-state-badge";

type Member = ShareGroupDetail["members"][number];
type Partition = ShareGroupDetail["partitions"][number];

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
  hostColumn<Member>(),
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
  assignmentsColumn<Member>("assignments", "Assigned partitions", (m) => m.assignments),
  { id: "rack", header: "Rack", accessorFn: (m) => m.rackId ?? "", cell: ({ row }) => mono(row.original.rackId) },
];

function partitionColumns(clusterId: string, clients: Map<string, string>): ColumnDef<Partition, unknown>[] {
  const base = partitionBaseColumns<Partition>(clusterId);
  return [
    base.topic,
    base.partition,
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
    base.end,
    base.lag,
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

function ShareGroupUnavailable({ reason }: { reason: string | null | undefined }) {
  return (
    <InfoNote tone="warn" testId="share-groups-unavailable">
      {reason ?? "This cluster has no share groups."}
    </InfoNote>
  );
}

function ShareGroupBody({ clusterId, g }: { clusterId: string; g: ShareGroupDetail }) {
  const clients = new Map(g.members.map((m) => [m.memberId, m.clientId]));
  const lags = g.partitions.map((p) => p.lag);
  const totalLag = lags.some((l) => l === null) ? null : lags.reduce<number>((n, l) => n + (l ?? 0), 0);
  return (
    <div className="space-y-6">
      <GroupStatsCard
        columns={4}
        stats={
          <>
            <Stat label="State" value={<GroupStateBadge state={g.state} />} testId="group-stat-state" />
            <Stat label="Members" value={formatNumber(g.members.length)} testId="group-stat-members" />
            <Stat
              label="Lag (not yet delivered and acknowledged)"
              value={totalLag === null ? "—" : formatNumber(totalLag)}
              testId="group-stat-lag"
            />
            <Stat label="Partitions" value={formatNumber(g.partitions.length)} testId="group-stat-partitions" />
          </>
        }
      >
        <GroupProtocolLine type="share">
          <EpochsAndAssignor groupEpoch={g.groupEpoch} assignmentEpoch={g.assignmentEpoch} assignor={g.assignor} />
        </GroupProtocolLine>
      </GroupStatsCard>

      <MembersSection
        members={g.members}
        columns={memberColumns}
        emptyMessage="No share consumer is connected to this group right now."
      />
      <PartitionsSection
        partitions={g.partitions}
        columns={partitionColumns(clusterId, clients)}
        empty={{ title: "No share-partition state yet", message: "The group has not fetched from any partition yet." }}
      />
    </div>
  );
}

/** A share group (KIP-932): state, members and what they are assigned, and per partition its start offset and lag. */
export function ShareGroupDetailView({ clusterId, groupId }: { clusterId: string; groupId: string }) {
  const { data, error, isPending } = useQuery(shareGroupOptions(clusterId, groupId));
  if (isPending) return <Loading label="Loading the share group…" />;
  if (error) {
    return (
      <GroupLoadError
        error={error}
        groupId={groupId}
        notFound="Share group not found"
        action={() => (
          <Link href={paths.groups(clusterId)} className="text-sm font-medium underline">
            Back to groups
          </Link>
        )}
      />
    );
  }
  if (!data.supported || !data.group) return <ShareGroupUnavailable reason={data.reason} />;
  return <ShareGroupBody clusterId={clusterId} g={data.group} />;
}
