"use client";

import { AlertTriangle } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { VirtualGrid, type GridColumn, type SortDir } from "@/components/ui/virtual-grid";
import { cn } from "@/lib/cn";
import { formatLagTime, formatNumber } from "@/lib/format";
import { paths } from "@/lib/paths";
import type { GroupListItem } from "@/lib/schemas/groups";
import { GroupStateBadge, GroupTypeBadge, HealthBadge } from "./group-state-badge";
import type { GroupSortKey } from "./use-group-search-params";

type Column = GridColumn<GroupSortKey> & { cell: (g: GroupListItem, clusterId: string) => ReactNode };

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
type Props = {
  clusterId: string;
  groups: GroupListItem[];
  sort: GroupSortKey;
  dir: SortDir;
  onSort: (sort: GroupSortKey, dir: SortDir) => void;
  /** Called when the rows shown come within 50 of the end (the next page loads). */
  onNearEnd?: () => void;
  empty: ReactNode;
};

/** The group list: server-sorted headers and a virtualised body. */
export function GroupTable({ clusterId, groups, sort, dir, onSort, onNearEnd, empty }: Props) {
  return (
    <VirtualGrid
      rows={groups}
      rowKey={(g) => g.groupId}
      columns={COLUMNS}
      renderCell={(g, c) => c.cell(g, clusterId)}
      grid={GRID}
      label="Consumer groups"
      testId="group-table"
      className="min-w-[43rem] xl:min-w-[60rem]"
      rowTestId={(g) => `group-row-${g.groupId}`}
      cellTestId={(c) => `group-cell-${c.key}`}
      sort={sort}
      dir={dir}
      onSort={onSort}
      sortTestId={(c) => `groups-sort-${c.key}`}
      // A first click on a number column shows the biggest first; a second flips it.
      numericSortsDescFirst
      labelClassName="xl:whitespace-nowrap"
      nearEnd={groups.length > 0 && onNearEnd ? { rows: 50, onReach: onNearEnd } : undefined}
      empty={empty}
    />
  );
}
