"use client";

import { Loader2 } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { VirtualGrid, type GridColumn, type SortDir } from "@/components/ui/virtual-grid";
import { formatBytes, formatDuration, formatNumber } from "@/lib/format";
import { paths } from "@/lib/paths";
import type { TopicListItem, TopicSortKey } from "@/lib/schemas/topics";

type Column = GridColumn<TopicSortKey> & { cell: (t: TopicListItem, clusterId: string) => ReactNode };

const num = (n: number | null) => (n === null ? <span className="text-slate-400">—</span> : formatNumber(n));
const countBadge = (n: number, tone: "warn" | "bad") =>
  n > 0 ? <Badge tone={tone}>{formatNumber(n)}</Badge> : <span className="text-slate-400">0</span>;

const COLUMNS: Column[] = [
  {
    key: "name",
    label: "Name",
    cell: (t, clusterId) => (
      <span className="flex min-w-0 items-center gap-2">
        <Link
          href={paths.topic(clusterId, t.name)}
          className="truncate font-medium text-brand-700 hover:underline dark:text-cyan-300"
          title={t.name}
        >
          {t.name}
        </Link>
        {t.internal ? <Badge className="shrink-0">internal</Badge> : null}
      </span>
    ),
  },
  { key: "partitions", label: "Partitions", numeric: true, cell: (t) => formatNumber(t.partitions) },
  {
    key: "replicationFactor",
    label: "RF",
    numeric: true,
    title: "Replication factor",
    cell: (t) => t.replicationFactor,
  },
  {
    key: "underReplicated",
    label: "Under-repl.",
    numeric: true,
    title: "Under-replicated partitions",
    cell: (t) => countBadge(t.underReplicated, "warn"),
  },
  {
    key: "offline",
    label: "Offline",
    numeric: true,
    title: "Offline partitions",
    cell: (t) => countBadge(t.offline, "bad"),
  },
  {
    key: "records",
    label: "Records",
    numeric: true,
    title: "End minus start offsets, summed over partitions",
    cell: (t) => num(t.records),
  },
  {
    key: "size",
    label: "Size",
    numeric: true,
    title: "Bytes on disk of one copy (each partition's largest replica), from DescribeLogDirs",
    cell: (t) => (t.size === null ? <span className="text-slate-400">—</span> : formatBytes(t.size)),
  },
  {
    key: "cleanupPolicy",
    label: "Cleanup",
    title: "cleanup.policy",
    cell: (t) => t.cleanupPolicy ?? <span className="text-slate-400">—</span>,
  },
  {
    key: "retentionMs",
    label: "Retention",
    numeric: true,
    title: "retention.ms",
    cell: (t) => formatDuration(t.retentionMs),
  },
];

/** Name takes the slack; the number columns keep fixed widths so rows stay aligned while virtualised. */
const GRID = "grid grid-cols-[minmax(16rem,1fr)_6.5rem_4rem_8rem_5.5rem_7.5rem_6.5rem_8rem_7rem]";
type TopicTableProps = {
  clusterId: string;
  topics: TopicListItem[];
  sort: TopicSortKey;
  dir: SortDir;
  onSort: (sort: TopicSortKey, dir: SortDir) => void;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => void;
  empty: ReactNode;
};

/** The topic list: server-sorted headers and a virtualised body that asks for the next page near the end. */
export function TopicTable({
  clusterId,
  topics,
  sort,
  dir,
  onSort,
  hasNextPage,
  isFetchingNextPage,
  fetchNextPage,
  empty,
}: TopicTableProps) {
  return (
    <VirtualGrid
      rows={topics}
      rowKey={(t) => t.name}
      columns={COLUMNS}
      renderCell={(t, c) => c.cell(t, clusterId)}
      grid={GRID}
      label="Topics"
      testId="topic-table"
      className="min-w-[64rem]"
      rowTestId={(t) => `topic-row-${t.name}`}
      sort={sort}
      dir={dir}
      onSort={onSort}
      sortTestId={(c) => `sort-${c.key}`}
      nearEnd={{
        rows: 25,
        onReach: () => {
          if (hasNextPage && !isFetchingNextPage) fetchNextPage();
        },
      }}
      empty={empty}
      footer={
        isFetchingNextPage ? (
          <div
            className="flex items-center justify-center gap-2 border-t border-slate-100 py-2 text-xs text-slate-500 dark:border-slate-800"
            role="status"
          >
            <Loader2 className="h-3 w-3 animate-spin" /> Loading more topics…
          </div>
        ) : null
      }
    />
  );
}
