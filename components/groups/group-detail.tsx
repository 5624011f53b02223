"use client";

import { useQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import { Info } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { ErrorState, Loading } from "@/components/ui/states";
import { ApiClientError } from "@/lib/api/client";
import { cn } from "@/lib/cn";
import { formatLagTime, formatNumber } from "@/lib/format";
import { paths } from "@/lib/paths";
import { groupDetailOptions } from "@/lib/queries/groups";
import type { GroupDetail, GroupPartition } from "@/lib/schemas/groups";
import { displayHost } from "./display-host";
import { GroupLagChart } from "@/components/charts/cluster-metrics";
import { GroupLagSeconds } from "./group-lag-seconds";
import { GroupStateBadge, GroupTypeBadge, HealthBadge } from "./group-state-badge";
import { LagTimeValue, LagValue } from "./group-table";

type Member = GroupDetail["members"][number];

function Stat({ label, value, testId, tone }: { label: string; value: ReactNode; testId: string; tone?: "warn" }) {
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

const offset = (v: string | null) =>
  v === null ? <span className="text-slate-400">—</span> : <span className="font-mono text-xs tabular-nums">{v}</span>;

/** "orders: 0,1,2" chips, one per assigned topic. */
export function Assignments({ assignments }: { assignments: Member["assignments"] }) {
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
  {
    accessorKey: "clientHost",
    header: "Host",
    cell: ({ row }) => <span className="font-mono text-xs">{displayHost(row.original.clientHost)}</span>,
  },
  {
    id: "assignments",
    header: "Assigned partitions",
    accessorFn: (m) => m.assignments.map((a) => `${a.topic}: ${a.partitions.join(",")}`).join(" "),
    enableSorting: false,
    cell: ({ row }) => <Assignments assignments={row.original.assignments} />,
  },
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
  {
    id: "target",
    header: "Target partitions",
    accessorFn: (m) => (m.targetAssignments ?? []).map((a) => `${a.topic}: ${a.partitions.join(",")}`).join(" "),
    enableSorting: false,
    cell: ({ row }) => <Assignments assignments={row.original.targetAssignments ?? []} />,
  },
  {
    id: "instance",
    header: "Instance id",
    accessorFn: (m) => m.instanceId ?? "",
    cell: ({ row }) => <span className="font-mono text-xs">{row.original.instanceId ?? "—"}</span>,
  },
];

function partitionColumns(clusterId: string): ColumnDef<GroupPartition, unknown>[] {
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
      id: "committed",
      header: "Committed offset",
      accessorFn: (p) => (p.committedOffset === null ? -1 : Number(p.committedOffset)),
      cell: ({ row }) =>
        row.original.committedOffset === null ? (
          <span title="Assigned to a consumer, which has not committed an offset yet">
            <Badge tone="warn">none</Badge>
          </span>
        ) : (
          offset(row.original.committedOffset)
        ),
    },
    {
      id: "end",
      header: "End offset",
      accessorFn: (p) => Number(p.endOffset ?? -1),
      cell: ({ row }) => offset(row.original.endOffset),
    },
    {
      id: "lag",
      header: "Lag",
      accessorFn: (p) => p.lag ?? -1,
      cell: ({ row }) => <LagValue lag={row.original.lag} />,
    },
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
    const missing = error instanceof ApiClientError && error.status === 404;
    return (
      <ErrorState
        title={missing ? "Consumer group not found" : `Could not load ${groupId}`}
        message={error.message}
        action={
          missing ? (
            <Link href={paths.groups(clusterId)} className="text-sm font-medium underline">
              Back to consumer groups
            </Link>
          ) : (
            <button type="button" className="text-sm font-medium underline" onClick={() => refetch()}>
              Retry
            </button>
          )
        }
      />
    );
  }

  const topics = new Set(data.partitions.map((p) => p.topic));
  const committed = data.partitions.some((p) => p.committedOffset !== null);
  let catchUp: ReactNode;
  if (data.catchUpSeconds === null) {
    catchUp = <span className="text-sm font-normal text-slate-500">{data.catchUpReason ?? "—"}</span>;
  } else if (data.catchUpSeconds === 0) {
    catchUp = "caught up";
  } else {
    catchUp = formatLagTime(data.catchUpSeconds);
  }
  let protocolDetail: ReactNode = null;
  if (data.type === "consumer") {
    protocolDetail = (
      <>
        <span>
          group epoch <span className="tabular-nums">{data.groupEpoch ?? "—"}</span>
        </span>
        <span>
          assignment epoch <span className="tabular-nums">{data.assignmentEpoch ?? "—"}</span>
        </span>
        <span>
          assignor <span className="font-mono">{data.assignor || "—"}</span>
        </span>
      </>
    );
  } else if (data.protocol) {
    protocolDetail = (
      <span>
        assignor <span className="font-mono">{data.protocol}</span>
      </span>
    );
  }
  return (
    <div className="space-y-6">
      <Card>
        <dl className="grid grid-cols-2 divide-slate-100 sm:grid-cols-7 sm:divide-x dark:divide-slate-800">
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
          <Stat label="Catches up in" value={catchUp} testId="group-stat-catchup" />
        </dl>
        <p
          className="flex flex-wrap items-center gap-x-3 gap-y-1 border-t border-slate-100 px-4 py-2 text-xs text-slate-600 dark:border-slate-800 dark:text-slate-400"
          data-testid="group-protocol"
        >
          <span className="inline-flex items-center gap-1">
            Type <GroupTypeBadge type={data.type} />
          </span>
          {protocolDetail}
        </p>
        <p
          className="border-t border-slate-100 px-4 py-2 text-xs text-slate-600 dark:border-slate-800 dark:text-slate-400"
          data-testid="group-health-rule"
        >
          <span className="font-medium">{data.status}:</span> {data.statusRule}
          {data.maxLagSeconds !== null
            ? ` · slowest partition about ${formatLagTime(data.maxLagSeconds)} behind (estimated)`
            : ""}
        </p>
      </Card>
      <GroupLagChart clusterId={clusterId} groupId={data.groupId} />
      {committed ? <GroupLagSeconds clusterId={clusterId} groupId={data.groupId} /> : null}

      {data.members.length === 0 && committed ? (
        <p
          className="flex items-center gap-2 rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-brand-800 dark:border-cyan-900 dark:bg-cyan-950/40 dark:text-cyan-200"
          data-testid="group-idle-note"
        >
          <Info className="h-4 w-4 shrink-0" aria-hidden />
          {readOnlyReason
            ? "No active members: offsets could be reset, but not from Sluice on this read-only cluster."
            : "No active members: offsets can be reset."}
        </p>
      ) : null}

      <section className="space-y-2">
        <h2 className="text-sm font-semibold text-slate-700 dark:text-slate-300">
          Members <span className="font-normal tabular-nums text-slate-500">({data.members.length})</span>
        </h2>
        <DataTable
          testId="group-members-table"
          columns={data.type === "consumer" ? [...memberColumns, ...consumerProtocolColumns] : memberColumns}
          data={data.members}
          rowTestId={(m) => `group-member-row-${m.clientId}`}
          emptyTitle="No active members"
          emptyMessage="No consumer is connected to this group right now."
          maxHeight={320}
        />
      </section>

      <section className="space-y-2">
        <h2 className="text-sm font-semibold text-slate-700 dark:text-slate-300">
          Partitions <span className="font-normal tabular-nums text-slate-500">({data.partitions.length})</span>
        </h2>
        <DataTable
          testId="group-partitions-table"
          columns={partitionColumns(clusterId)}
          data={data.partitions}
          searchPlaceholder={data.partitions.length > 10 ? "Filter partitions" : undefined}
          rowTestId={(p) => `group-partition-row-${p.topic}-${p.partition}`}
          emptyTitle="No committed offsets or assignments"
          maxHeight={640}
        />
      </section>
    </div>
  );
}
