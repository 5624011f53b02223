"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { DataTable } from "@/components/ui/data-table";
import { formatNumber } from "@/lib/format";
import type { TopicDetail } from "@/lib/schemas/topics";

type Group = TopicDetail["consumerGroups"][number];

const columns: ColumnDef<Group, unknown>[] = [
  { accessorKey: "groupId", header: "Group", cell: ({ getValue }) => <span className="font-mono text-xs">{String(getValue())}</span> },
  {
    accessorKey: "lag",
    header: "Lag",
    cell: ({ row }) => {
      const lag = row.original.lag;
      if (lag === null) return <span className="text-slate-400">unknown</span>;
      return <span className={lag > 0 ? "font-medium tabular-nums text-amber-700 dark:text-amber-300" : "tabular-nums"}>{formatNumber(lag)}</span>;
    },
  },
  { accessorKey: "partitionsWithOffsets", header: "Partitions with offsets", cell: ({ getValue }) => <span className="tabular-nums">{String(getValue())}</span> },
];

export function TopicConsumerGroupsTable({ groups }: { groups: Group[] }) {
  return (
    <DataTable
      testId="topic-groups-table"
      columns={columns}
      data={groups}
      rowTestId={(g) => `group-row-${g.groupId}`}
      emptyTitle="No consumer group has committed offsets on this topic"
      initialSorting={[{ id: "lag", desc: true }]}
    />
  );
}
