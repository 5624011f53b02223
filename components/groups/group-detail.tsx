"use client";

import { useQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Loading, RetryButton } from "@/components/ui/states";
import { formatLagTime, formatNumber } from "@/lib/format";
import { paths } from "@/lib/paths";
import { groupDetailOptions } from "@/lib/queries/groups";
import type { GroupDetail, GroupPartition } from "@/lib/schemas/groups";
import { GroupLagChart } from "@/components/charts/cluster-metrics";
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
import { GroupLagSeconds } from "./group-lag-seconds";
import { GroupStateBadge, HealthBadge } from "./group-state-badge";
import { LagTimeValue } from "./group-table";

type Member = GroupDetail["members"][number];

const memberColumns: ColumnDef<Member, unknown>[] = [
  {
    accessorKey: "clientId",
    header: "Client id",
    cell: ({ row }) => (
      <span className="font-mono text-xs" title={row.original.memberId}>
        {row.original.clientId}
      </span>
    ),
  },
  hostColumn<Member>(),
  assignmentsColumn<Member>("assignments", "Assigned partitions", (m) => m.assignments),
];

/** Consumer-protocol (KIP-848) members also have an epoch, a subscription and a target assignment. */
const consumerProtocolColumns: ColumnDef<Member, unknown>[] = [
  {
    id: "memberId",
    header: "Member id",
    accessorFn: (m) => m.memberId,
    cell: ({ row }) => (
      <span
        className="block max-w-[14rem] truncate font-mono text-xs"
        title={row.original.memberId}
        data-testid="group-member-id"
      >
        {row.original.memberId}
      </span>
    ),
  },
  {
    id: "memberEpoch",
    header: "Member epoch",
    accessorFn: (m) => m.memberEpoch ?? -1,
    cell: ({ row }) => <span className="tabular-nums">{row.original.memberEpoch ?? "—"}</span>,
  },
  {
    id: "subscription",
    header: "Subscribed to",
    accessorFn: (m) => m.subscribedTopicRegex ?? (m.subscribedTopics ?? []).join(","),
    enableSorting: false,
    cell: ({ row }) =>
      row.original.subscribedTopicRegex ? (
        <span className="font-mono text-xs" title="regular expression">
          /{row.original.subscribedTopicRegex}/
        </span>
      ) : (
        <span className="font-mono text-xs">{(row.original.subscribedTopics ?? []).join(", ") || "—"}</span>
      ),
  },
  assignmentsColumn<Member>("target", "Target partitions", (m) => m.targetAssignments ?? []),
  {
    id: "instance",
    header: "Instance id",
    accessorFn: (m) => m.instanceId ?? "",
    cell: ({ row }) => <span className="font-mono text-xs">{row.original.instanceId ?? "—"}</span>,
  },
];

function partitionColumns(clusterId: string): ColumnDef<GroupPartition, unknown>[] {
  const base = partitionBaseColumns<GroupPartition>(clusterId);
  return [
    base.topic,
    base.partition,
    {
      id: "committed",
      header: "Committed offset",
      accessorFn: (p) => (p.committedOffset === null ? -1 : Number(p.committedOffset)),
      cell: ({ row }) =>
        row.original.committedOffset === null ? (
          <span title="Assigned to a consumer, which has not committed an offset yet">
            <Badge tone="warn">none</Badge>
          </span>
        ) : (
          mono(row.original.committedOffset)
        ),
    },
    base.end,
    base.lag,
    {
      id: "lagSeconds",
      header: "Lag (time, est.)",
      accessorFn: (p) => p.lagSeconds ?? -1,
      cell: ({ row }) => (
        <LagTimeValue seconds={row.original.lagSeconds} extrapolated={row.original.lagSecondsExtrapolated} />
      ),
    },
    {
      id: "health",
      header: "Health",
      accessorFn: (p) => p.status ?? "",
      cell: ({ row }) =>
        row.original.status ? <HealthBadge status={row.original.status} rule={row.original.statusRule ?? ""} /> : null,
    },
    {
      id: "consumer",
      header: "Consumer",
      accessorFn: (p) => p.clientId ?? "",
      cell: ({ row }) =>
        row.original.clientId ? (
          <span className="font-mono text-xs" title={row.original.memberId ?? undefined}>
            {row.original.clientId}
          </span>
        ) : (
          <span className="text-slate-400">unassigned</span>
        ),
    },
  ];
}

/** How soon the group catches up: a time, "caught up", or why there is no estimate. */
function catchUpOf(data: GroupDetail): ReactNode {
  if (data.catchUpSeconds === null) {
    return <span className="text-sm font-normal text-slate-500">{data.catchUpReason ?? "—"}</span>;
  }
  return data.catchUpSeconds === 0 ? "caught up" : formatLagTime(data.catchUpSeconds);
}

function ProtocolDetail({ data }: { data: GroupDetail }) {
  if (data.type === "consumer") {
    return (
      <EpochsAndAssignor
        groupEpoch={data.groupEpoch ?? "—"}
        assignmentEpoch={data.assignmentEpoch ?? "—"}
        assignor={data.assignor}
      />
    );
  }
  if (!data.protocol) return null;
  return (
    <span>
      assignor <span className="font-mono">{data.protocol}</span>
    </span>
  );
}

/** The group's numbers, its protocol and the rule behind its health. */
function GroupSummaryCard({ data }: { data: GroupDetail }) {
  const topics = new Set(data.partitions.map((p) => p.topic));
  return (
    <GroupStatsCard
      columns={7}
      stats={
        <>
          <Stat label="State" value={<GroupStateBadge state={data.state} />} testId="group-stat-state" />
          <Stat
            label="Health"
            value={<HealthBadge status={data.status} rule={data.statusRule} />}
            testId="group-stat-health"
          />
          <Stat label="Members" value={formatNumber(data.members.length)} testId="group-stat-members" />
          <Stat
            label="Total lag"
            value={data.totalLag === null ? "—" : formatNumber(data.totalLag)}
            testId="group-stat-lag"
            tone={data.totalLag ? "warn" : undefined}
          />
          <Stat label="Topics" value={formatNumber(topics.size)} testId="group-stat-topics" />
          <Stat label="Partitions" value={formatNumber(data.partitions.length)} testId="group-stat-partitions" />
          <Stat label="Catches up in" value={catchUpOf(data)} testId="group-stat-catchup" />
        </>
      }
    >
      <GroupProtocolLine type={data.type}>
        <ProtocolDetail data={data} />
      </GroupProtocolLine>
      <p
        className="border-t border-slate-100 px-4 py-2 text-xs text-slate-600 dark:border-slate-800 dark:text-slate-400"
        data-testid="group-health-rule"
      >
        <span className="font-medium">{data.status}:</span> {data.statusRule}
        {data.maxLagSeconds !== null
          ? ` · slowest partition about ${formatLagTime(data.maxLagSeconds)} behind (estimated)`
          : ""}
      </p>
    </GroupStatsCard>
  );
}

function IdleNote({ readOnly }: { readOnly: boolean }) {
  return (
    <InfoNote tone="info" testId="group-idle-note">
      {readOnly
        ? "No active members: offsets could be reset, but not from Sluice on this read-only cluster."
        : "No active members: offsets can be reset."}
    </InfoNote>
  );
}

function GroupDetailBody({
  clusterId,
  data,
  readOnlyReason,
}: {
  clusterId: string;
  data: GroupDetail;
  readOnlyReason?: string;
}) {
  const committed = data.partitions.some((p) => p.committedOffset !== null);
  return (
    <div className="space-y-6">
      <GroupSummaryCard data={data} />
      <GroupLagChart clusterId={clusterId} groupId={data.groupId} />
      {committed ? <GroupLagSeconds clusterId={clusterId} groupId={data.groupId} /> : null}

      {data.members.length === 0 && committed ? <IdleNote readOnly={!!readOnlyReason} /> : null}

      <MembersSection
        members={data.members}
        columns={data.type === "consumer" ? [...memberColumns, ...consumerProtocolColumns] : memberColumns}
        emptyMessage="No consumer is connected to this group right now."
      />
      <PartitionsSection
        partitions={data.partitions}
        columns={partitionColumns(clusterId)}
        empty={{ title: "No committed offsets or assignments" }}
        searchPlaceholder={data.partitions.length > 10 ? "Filter partitions" : undefined}
        maxHeight={640}
      />
    </div>
  );
}

/** The group's numbers, its members with their assignments, and every partition it has an offset for or is assigned. */
export function GroupDetailView({
  clusterId,
  groupId,
  readOnlyReason,
}: {
  clusterId: string;
  groupId: string;
  readOnlyReason?: string;
}) {
  const { data, error, isPending, refetch } = useQuery(groupDetailOptions(clusterId, groupId));
  if (isPending) return <Loading label="Loading the consumer group…" />;
  if (error) {
    return (
      <GroupLoadError
        error={error}
        groupId={groupId}
        notFound="Consumer group not found"
        action={(missing) =>
          missing ? (
            <Link href={paths.groups(clusterId)} className="text-sm font-medium underline">
              Back to consumer groups
            </Link>
          ) : (
            <RetryButton onRetry={() => refetch()} />
          )
        }
      />
    );
  }
  return <GroupDetailBody clusterId={clusterId} data={data} readOnlyReason={readOnlyReason} />;
}
