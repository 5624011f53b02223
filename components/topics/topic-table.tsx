"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { ArrowDown, ArrowUp, ArrowUpDown, Loader2 } from "lucide-react";
import Link from "next/link";
import { useEffect, useRef, type ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/cn";
import { formatBytes, formatDuration, formatNumber } from "@/lib/format";
import { paths } from "@/lib/paths";
import type { TopicListItem, TopicSortKey } from "@/lib/schemas/topics";

type Column = {
  key: TopicSortKey;
  label: string;
  numeric?: boolean;
  title?: string;
  cell: (t: TopicListItem, clusterId: string) => ReactNode;
};

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
const ROW_HEIGHT = 40;

type TopicTableProps = {
  clusterId: string;
  topics: TopicListItem[];
  sort: TopicSortKey;
  dir: "asc" | "desc";
  onSort: (sort: TopicSortKey, dir: "asc" | "desc") => void;
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
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer returns new functions each render by design
  const virtualizer = useVirtualizer({
    count: topics.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 16,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.length ? items[items.length - 1].index : -1;

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= topics.length - 25) fetchNextPage();
  }, [lastIndex, topics.length, hasNextPage, isFetchingNextPage, fetchNextPage]);

  return (
    <div
      ref={scrollRef}
      className="max-h-[calc(100vh-15rem)] min-h-48 overflow-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
      data-testid="topic-table"
    >
      <div role="table" aria-label="Topics" aria-rowcount={topics.length + 1} className="min-w-[64rem] text-sm">
        <div
          role="row"
          className={cn(
            GRID,
            "sticky top-0 z-10 bg-slate-100 text-xs uppercase tracking-wide text-slate-600 dark:bg-slate-800 dark:text-slate-300",
          )}
        >
          {COLUMNS.map((c) => {
            const active = sort === c.key;
            return (
              <div
                key={c.key}
                role="columnheader"
                aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : "none"}
                className={cn("px-3 py-2 font-semibold", c.numeric && "text-right")}
              >
                <button
                  type="button"
                  title={c.title ? `Sort by ${c.title}` : `Sort by ${c.label.toLowerCase()}`}
                  className={cn(
                    "inline-flex items-center gap-1 whitespace-nowrap uppercase hover:text-slate-900 dark:hover:text-white",
                    c.numeric && "flex-row-reverse",
                    active && "text-slate-900 dark:text-white",
                  )}
                  onClick={() => onSort(c.key, active && dir === "asc" ? "desc" : "asc")}
                  data-testid={`sort-${c.key}`}
                >
                  {c.label}
                  {active ? (
                    dir === "asc" ? (
                      <ArrowUp className="h-3 w-3" />
                    ) : (
                      <ArrowDown className="h-3 w-3" />
                    )
                  ) : (
                    <ArrowUpDown className="h-3 w-3 opacity-40" />
                  )}
                </button>
              </div>
            );
          })}
        </div>
        {topics.length === 0 ? (
          empty
        ) : (
          <div role="rowgroup" className="relative" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((vi) => {
              const t = topics[vi.index];
              return (
                <div
                  key={t.name}
                  role="row"
                  aria-rowindex={vi.index + 2}
                  data-testid={`topic-row-${t.name}`}
                  className={cn(
                    GRID,
                    "absolute inset-x-0 items-center border-t border-slate-100 hover:bg-slate-50 dark:border-slate-800 dark:hover:bg-slate-800/50",
                  )}
                  style={{ height: ROW_HEIGHT, transform: `translateY(${vi.start}px)` }}
                >
                  {COLUMNS.map((c) => (
                    <div
                      key={c.key}
                      role="cell"
                      className={cn("min-w-0 truncate px-3", c.numeric && "text-right tabular-nums")}
                    >
                      {c.cell(t, clusterId)}
                    </div>
                  ))}
                </div>
              );
            })}
          </div>
        )}
        {isFetchingNextPage ? (
          <div
            className="flex items-center justify-center gap-2 border-t border-slate-100 py-2 text-xs text-slate-500 dark:border-slate-800"
            role="status"
          >
            <Loader2 className="h-3 w-3 animate-spin" /> Loading more topics…
          </div>
        ) : null}
      </div>
    </div>
  );
}
