"use client";

import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { useParams } from "next/navigation";
import { useMemo } from "react";
import { DataTable } from "@/components/ui/data-table";
import { formatNumber } from "@/lib/format";
import { paths } from "@/lib/paths";
import type { TopicDetail } from "@/lib/schemas/topics";

type Group = TopicDetail["consumerGroups"][number];

const columns = (clusterId: string): ColumnDef<Group, unknown>[] => [
  {
    accessorKey: "groupId",
    header: "Group",
    cell: ({ row }) => (
      <Link
        href={paths.group(clusterId, row.original.groupId)}
        className="font-mono text-xs font-medium text-brand-700 hover:underline dark:text-cyan-300"
      >
        {row.original.groupId}
      </Link>
    ),
  },
  {
    accessorKey: "lag",
    header: "Lag",
    cell: ({ row }) => {
      const lag = row.original.lag;
      if (lag === null) return <span className="text-slate-400">unknown</span>;
      return (
        <span className={lag > 0 ? "font-medium tabular-nums text-amber-700 dark:text-amber-300" : "tabular-nums"}>
          {formatNumber(lag)}
        </span>
      );
    },
  },
  {
    accessorKey: "partitionsWithOffsets",
    header: "Partitions with offsets",
    cell: ({ getValue }) => <span className="tabular-nums">{String(getValue())}</span>,
  },
];

export function TopicConsumerGroupsTable({ groups }: { groups: Group[] }) {
  // The topic page sits under /clusters/[clusterId]; read it from the route so the group ids can link.
  const clusterId = decodeURIComponent(useParams<{ clusterId: string }>().clusterId);
  const cols = useMemo(() => columns(clusterId), [clusterId]);
  return (
    <DataTable
      testId="topic-groups-table"
      columns={cols}
      data={groups}
      rowTestId={(g) => `group-row-${g.groupId}`}
      emptyTitle="No consumer group has committed offsets on this topic"
      initialSorting={[{ id: "lag", desc: true }]}
    />
  );
}
