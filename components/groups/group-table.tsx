"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { AlertTriangle, ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import Link from "next/link";
import { useEffect, useRef, type ReactNode } from "react";
import { cn } from "@/lib/cn";
import { formatLagTime, formatNumber } from "@/lib/format";
import { paths } from "@/lib/paths";
import type { GroupListItem } from "@/lib/schemas/groups";
import { GroupStateBadge, GroupTypeBadge, HealthBadge } from "./group-state-badge";
import type { GroupSortKey } from "./use-group-search-params";

type Column = {
  key: GroupSortKey;
  label: string;
  numeric?: boolean;
  title?: string;
  className?: string;
  cell: (g: GroupListItem, clusterId: string) => ReactNode;
};

const TOPICS_SHOWN = 2;

function TopicsCell({ topics }: { topics: string[] }) {
  if (topics.length === 0) return <span className="text-slate-400">—</span>;
  const rest = topics.length - TOPICS_SHOWN;
  return (
    <span className="flex min-w-0 items-center gap-1.5" title={topics.join("\n")}>
      <span className="truncate font-mono text-xs">{topics.slice(0, TOPICS_SHOWN).join(", ")}</span>
      {rest > 0 ? (
        <span className="shrink-0 rounded bg-slate-100 px-1.5 text-xs tabular-nums text-slate-600 dark:bg-slate-800 dark:text-slate-300">
          +{rest}
        </span>
      ) : null}
    </span>
  );
}

/** Lag is the number people look for: amber and bold when behind, grey dash when it could not be read. */
export function LagValue({ lag }: { lag: number | null }) {
  if (lag === null) {
    return (
      <span className="text-slate-400" title="End offsets could not be read">
        —
      </span>
    );
  }
  return (
    <span
      className={cn(
        "tabular-nums",
        lag > 0 ? "font-semibold text-amber-700 dark:text-amber-300" : "text-slate-500 dark:text-slate-400",
      )}
    >
      {formatNumber(lag)}
    </span>
  );
}

/** An estimated lag in time; "—" until enough end offsets have been sampled, "≈" when extrapolated past them. */
export function LagTimeValue({ seconds, extrapolated = false }: { seconds: number | null; extrapolated?: boolean }) {
  if (seconds === null) {
    return (
      <span className="text-slate-400" title="Not enough sampled end offsets yet">
        —
      </span>
    );
  }
  return (
    <span
      className="tabular-nums"
      title={
        extrapolated
          ? "Older than the sampled history: extrapolated at the average produce rate"
          : "Interpolated between sampled end offsets"
      }
    >
      {extrapolated ? "≈ " : ""}
      {formatLagTime(seconds)}
    </span>
  );
}

const COLUMNS: Column[] = [
  {
    key: "groupId",
    label: "Group",
    cell: (g, clusterId) => (
      <span className="flex min-w-0 flex-col">
        <span className="flex min-w-0 items-center gap-2">
          <Link
            href={g.type === "share" ? paths.shareGroup(clusterId, g.groupId) : paths.group(clusterId, g.groupId)}
            className="truncate font-mono text-[13px] font-medium text-brand-700 hover:underline dark:text-cyan-300"
            title={g.groupId}
          >
            {g.groupId}
          </Link>
          {g.error ? (
            <span title={g.error} className="shrink-0 text-red-600 dark:text-red-400">
              <AlertTriangle className="h-3.5 w-3.5" aria-label={`Could not read offsets: ${g.error}`} />
            </span>
          ) : null}
        </span>
        {/* narrower windows have no Topics column: the topics go under the group id */}
        {g.topics.length ? (
          <span className="text-slate-500 xl:hidden" data-testid="group-topics-inline">
            <TopicsCell topics={g.topics} />
          </span>
        ) : null}
      </span>
    ),
  },
  {
    key: "state",
    label: "State · type",
    cell: (g) => (
      <span className="inline-flex flex-wrap items-center gap-x-1">
        <GroupStateBadge state={g.state} />
        <GroupTypeBadge type={g.type} />
      </span>
    ),
  },
  {
    key: "members",
    label: "Members",
    numeric: true,
    cell: (g) => (g.members > 0 ? formatNumber(g.members) : <span className="text-slate-400">0</span>),
  },
  { key: "topics", label: "Topics", className: "hidden xl:block", cell: (g) => <TopicsCell topics={g.topics} /> },
  {
    key: "status",
    label: "Health",
    title: "Burrow-style verdict over the last samples; hover for the rule",
    cell: (g) => <HealthBadge status={g.status} rule={g.statusRule} />,
  },
  {
    key: "totalLag",
    label: "Total lag",
    numeric: true,
    title: "total lag (end minus committed offset, summed)",
    cell: (g) => <LagValue lag={g.totalLag} />,
  },
  {
    key: "maxLagSeconds",
    label: "Lag (time)",
    numeric: true,
    title: "estimated: how long ago the log end was where the group's slowest partition is now",
    cell: (g) => <LagTimeValue seconds={g.maxLagSeconds} />,
  },
];

/**
 * Group id takes the slack; the other columns keep fixed widths so rows stay aligned while virtualised. Below the xl
 * breakpoint (a 1024 px window) the Topics column folds under the group id so the table fits without scrolling sideways.
 */
const GRID =
  "grid grid-cols-[minmax(8rem,1fr)_10rem_6rem_6rem_6rem_6.5rem] xl:grid-cols-[minmax(12rem,1.3fr)_13.5rem_6rem_minmax(8rem,1fr)_6rem_7rem_7.5rem]";
const ROW_HEIGHT = 40;

type Props = {
  clusterId: string;
  groups: GroupListItem[];
  sort: GroupSortKey;
  dir: "asc" | "desc";
  onSort: (sort: GroupSortKey, dir: "asc" | "desc") => void;
  /** Called when the rows shown come within 50 of the end (the next page loads). */
  onNearEnd?: () => void;
  empty: ReactNode;
};

/** The group list: server-sorted headers and a virtualised body. */
export function GroupTable({ clusterId, groups, sort, dir, onSort, onNearEnd, empty }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer returns new functions each render by design
  const virtualizer = useVirtualizer({
    count: groups.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 16,
  });
  const items = virtualizer.getVirtualItems();
  const lastShown = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (groups.length > 0 && lastShown >= groups.length - 50) onNearEnd?.();
  }, [lastShown, groups.length, onNearEnd]);

  return (
    <div
      ref={scrollRef}
      className="max-h-[calc(100vh-15rem)] min-h-48 overflow-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
      data-testid="group-table"
    >
      <div
        role="table"
        aria-label="Consumer groups"
        aria-rowcount={groups.length + 1}
        className="min-w-[43rem] text-sm xl:min-w-[60rem]"
      >
        <div
          role="row"
          className={cn(
            GRID,
            "sticky top-0 z-10 bg-slate-100 text-xs uppercase tracking-wide text-slate-600 dark:bg-slate-800 dark:text-slate-300",
          )}
        >
          {COLUMNS.map((c) => {
            const active = sort === c.key;
            // A first click on a number column shows the biggest first; a second flips it.
            const nextDir = active ? (dir === "asc" ? "desc" : "asc") : c.numeric ? "desc" : "asc";
            return (
              <div
                key={c.key}
                role="columnheader"
                aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : "none"}
                className={cn("px-3 py-2 font-semibold", c.numeric && "text-right", c.className)}
              >
                <button
                  type="button"
                  title={`Sort by ${c.title ?? c.label.toLowerCase()}`}
                  className={cn(
                    "inline-flex items-center gap-1 uppercase xl:whitespace-nowrap hover:text-slate-900 dark:hover:text-white",
                    c.numeric && "flex-row-reverse",
                    active && "text-slate-900 dark:text-white",
                  )}
                  onClick={() => onSort(c.key, nextDir)}
                  data-testid={`groups-sort-${c.key}`}
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
        {groups.length === 0 ? (
          empty
        ) : (
          <div role="rowgroup" className="relative" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((vi) => {
              const g = groups[vi.index];
              return (
                <div
                  key={g.groupId}
                  role="row"
                  aria-rowindex={vi.index + 2}
                  data-testid={`group-row-${g.groupId}`}
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
                      className={cn("min-w-0 truncate px-3", c.numeric && "text-right tabular-nums", c.className)}
                      data-testid={`group-cell-${c.key}`}
                    >
                      {c.cell(g, clusterId)}
                    </div>
                  ))}
                </div>
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}
