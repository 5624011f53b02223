"use client";

import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { useEffect, type ReactNode } from "react";
import { cn } from "@/lib/cn";
import { useRowVirtualizer } from "./use-row-virtualizer";

export type SortDir = "asc" | "desc";

/** One column of a {@link VirtualGrid}: its sort key, header text and alignment; the cell is rendered by the caller. */
export type GridColumn<K extends string = string> = {
  key: K;
  label: string;
  /** Right-aligned, tabular figures. */
  numeric?: boolean;
  /** What the header's "Sort by …" tooltip names (the label, lower-cased, without it). */
  title?: string;
  /** Classes on the header and every cell of the column (e.g. hide it below a breakpoint). */
  className?: string;
};

const ROW_HEIGHT = 40;
const ARIA_SORT = { asc: "ascending", desc: "descending" } as const;
const OTHER_DIR = { asc: "desc", desc: "asc" } as const;

function SortIcon({ active, dir }: { active: boolean; dir: SortDir }) {
  if (!active) return <ArrowUpDown className="h-3 w-3 opacity-40" />;
  return dir === "asc" ? <ArrowUp className="h-3 w-3" /> : <ArrowDown className="h-3 w-3" />;
}

type HeaderProps<C extends GridColumn> = {
  columns: readonly C[];
  grid: string;
  sort: C["key"];
  dir: SortDir;
  onSort: (sort: C["key"], dir: SortDir) => void;
  sortTestId: (column: C) => string;
  numericSortsDescFirst: boolean;
  labelClassName: string;
};

/** The sticky header row: each column is a button sorting by it (server-side); a second click flips the direction. */
function SortHeader<C extends GridColumn>(props: HeaderProps<C>) {
  const { columns, grid, sort, dir, onSort } = props;
  return (
    <div
      role="row"
      className={cn(
        grid,
        "sticky top-0 z-10 bg-slate-100 text-xs uppercase tracking-wide text-slate-600 dark:bg-slate-800 dark:text-slate-300",
      )}
    >
      {columns.map((c) => {
        const active = sort === c.key;
        const firstDir = props.numericSortsDescFirst && c.numeric ? "desc" : "asc";
        const nextDir = active ? OTHER_DIR[dir] : firstDir;
        return (
          <div
            key={c.key}
            role="columnheader"
            aria-sort={active ? ARIA_SORT[dir] : "none"}
            className={cn("px-3 py-2 font-semibold", c.numeric && "text-right", c.className)}
          >
            <button
              type="button"
              title={`Sort by ${c.title ?? c.label.toLowerCase()}`}
              className={cn(
                "inline-flex items-center gap-1 uppercase hover:text-slate-900 dark:hover:text-white",
                props.labelClassName,
                c.numeric && "flex-row-reverse",
                active && "text-slate-900 dark:text-white",
              )}
              onClick={() => onSort(c.key, nextDir)}
              data-testid={props.sortTestId(c)}
            >
              {c.label}
              <SortIcon active={active} dir={dir} />
            </button>
          </div>
        );
      })}
    </div>
  );
}

type VirtualGridProps<T, C extends GridColumn> = Omit<HeaderProps<C>, "numericSortsDescFirst" | "labelClassName"> & {
  rows: readonly T[];
  rowKey: (row: T) => string;
  renderCell: (row: T, column: C) => ReactNode;
  /** Accessible name of the table. */
  label: string;
  testId: string;
  /** Minimum widths of the table (it scrolls sideways below them). */
  className: string;
  rowTestId: (row: T) => string;
  cellTestId?: (column: C) => string;
  /** A first click on a numeric column sorts biggest first. */
  numericSortsDescFirst?: boolean;
  /** Wrapping of the header labels (default: never wrap). */
  labelClassName?: string;
  /** Called (on every render) while the last row shown is within `nearEnd.rows` of the end: load the next page. */
  nearEnd?: { rows: number; onReach: () => void };
  /** Shown instead of the body when there are no rows. */
  empty: ReactNode;
  /** Below the body (e.g. "loading more…"). */
  footer?: ReactNode;
};

/**
 * A server-sorted list as a CSS grid: a sticky header of sort buttons and a virtualised body of fixed-height rows
 * (the columns keep fixed widths, given by `grid`, so the rows stay aligned while only the visible ones exist).
 */
export function VirtualGrid<T, C extends GridColumn>({
  rows,
  rowKey,
  renderCell,
  columns,
  grid,
  label,
  testId,
  className,
  rowTestId,
  cellTestId,
  numericSortsDescFirst = false,
  labelClassName = "whitespace-nowrap",
  nearEnd,
  empty,
  footer,
  ...header
}: VirtualGridProps<T, C>) {
  const { scrollRef, virtualizer, items } = useRowVirtualizer(rows.length, ROW_HEIGHT, 16);
  const lastShown = items.at(-1)?.index ?? -1;
  useEffect(() => {
    if (nearEnd && lastShown >= rows.length - nearEnd.rows) nearEnd.onReach();
  });

  return (
    <div
      ref={scrollRef}
      className="max-h-[calc(100vh-15rem)] min-h-48 overflow-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
      data-testid={testId}
    >
      <div role="table" aria-label={label} aria-rowcount={rows.length + 1} className={cn("text-sm", className)}>
        <SortHeader
          {...header}
          columns={columns}
          grid={grid}
          numericSortsDescFirst={numericSortsDescFirst}
          labelClassName={labelClassName}
        />
        {rows.length === 0 ? (
          empty
        ) : (
          <div role="rowgroup" className="relative" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((vi) => {
              const row = rows[vi.index];
              return (
                <div
                  key={rowKey(row)}
                  role="row"
                  aria-rowindex={vi.index + 2}
                  data-testid={rowTestId(row)}
                  className={cn(
                    grid,
                    "absolute inset-x-0 items-center border-t border-slate-100 hover:bg-slate-50 dark:border-slate-800 dark:hover:bg-slate-800/50",
                  )}
                  style={{ height: ROW_HEIGHT, transform: `translateY(${vi.start}px)` }}
                >
                  {columns.map((c) => (
                    <div
                      key={c.key}
                      role="cell"
                      className={cn("min-w-0 truncate px-3", c.numeric && "text-right tabular-nums", c.className)}
                      data-testid={cellTestId?.(c)}
                    >
                      {renderCell(row, c)}
                    </div>
                  ))}
                </div>
              );
            })}
          </div>
        )}
        {footer}
      </div>
    </div>
  );
}
