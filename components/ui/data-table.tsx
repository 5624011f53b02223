"use client";

import {
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type Row,
  type SortDirection,
  type SortingState,
  type Table,
} from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { useState } from "react";
import { cn } from "@/lib/cn";
import { Input } from "./input";
import { EmptyState } from "./states";
import { useRowVirtualizer } from "./use-row-virtualizer";

type DataTableProps<T> = {
  columns: ColumnDef<T, unknown>[];
  data: T[];
  /** Placeholder of the search box; no search box without it. */
  searchPlaceholder?: string;
  rowTestId?: (row: T) => string;
  emptyTitle?: string;
  emptyMessage?: string;
  /** Height of the scrolling body; rows are virtualised, so thousands stay smooth. */
  maxHeight?: number;
  initialSorting?: SortingState;
  testId?: string;
};

const ROW_HEIGHT = 37;

const ARIA_SORT = { asc: "ascending", desc: "descending" } as const;

function SortIcon({ sorted }: { sorted: false | SortDirection }) {
  if (sorted === "asc") return <ArrowUp className="h-3 w-3" />;
  if (sorted === "desc") return <ArrowDown className="h-3 w-3" />;
  return <ArrowUpDown className="h-3 w-3 opacity-40" />;
}

function DataTableSearch({
  placeholder,
  value,
  onChange,
  shown,
  total,
  testId,
}: {
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  shown: number;
  total: number;
  testId?: string;
}) {
  return (
    <div className="flex items-center gap-3">
      <Input
        aria-label={placeholder}
        placeholder={placeholder}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className="max-w-sm"
        data-testid={testId ? `${testId}-search` : undefined}
      />
      <span className="text-xs text-slate-500" data-testid={testId ? `${testId}-count` : undefined}>
        {shown === total ? `${total} rows` : `${shown} of ${total} rows`}
      </span>
    </div>
  );
}

/** The sticky header row(s); a sortable column's header is a button that cycles its sort. */
function DataTableHead<T>({ table }: { table: Table<T> }) {
  return (
    <thead className="sticky top-0 z-10 bg-slate-100 text-left text-xs uppercase tracking-wide text-slate-600 dark:bg-slate-800 dark:text-slate-300">
      {table.getHeaderGroups().map((hg) => (
        <tr key={hg.id}>
          {hg.headers.map((h) => {
            const sorted = h.column.getIsSorted();
            return (
              <th
                key={h.id}
                className="whitespace-nowrap px-3 py-2 font-semibold"
                aria-sort={sorted ? ARIA_SORT[sorted] : undefined}
              >
                {h.column.getCanSort() ? (
                  <button
                    type="button"
                    className="inline-flex items-center gap-1 hover:text-slate-900 dark:hover:text-white"
                    onClick={h.column.getToggleSortingHandler()}
                  >
                    {flexRender(h.column.columnDef.header, h.getContext())}
                    <SortIcon sorted={sorted} />
                  </button>
                ) : (
                  flexRender(h.column.columnDef.header, h.getContext())
                )}
              </th>
            );
          })}
        </tr>
      ))}
    </thead>
  );
}

function DataTableRow<T>({ row, testId }: { row: Row<T>; testId?: string }) {
  return (
    <tr
      data-testid={testId}
      className={cn("border-t border-slate-100 hover:bg-slate-50 dark:border-slate-800 dark:hover:bg-slate-800/50")}
      style={{ height: ROW_HEIGHT }}
    >
      {row.getVisibleCells().map((cell) => (
        <td key={cell.id} className="whitespace-nowrap px-3 py-1.5 align-middle">
          {flexRender(cell.column.columnDef.cell, cell.getContext())}
        </td>
      ))}
    </tr>
  );
}

/** A sortable, searchable table whose body is virtualised. */
export function DataTable<T>({
  columns,
  data,
  searchPlaceholder,
  rowTestId,
  emptyTitle = "Nothing to show",
  emptyMessage,
  maxHeight = 560,
  initialSorting = [],
  testId,
}: DataTableProps<T>) {
  const [sorting, setSorting] = useState<SortingState>(initialSorting);
  const [globalFilter, setGlobalFilter] = useState("");
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Table returns new functions each render by design
  const table = useReactTable({
    data,
    columns,
    state: { sorting, globalFilter },
    onSortingChange: setSorting,
    onGlobalFilterChange: setGlobalFilter,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
  });
  const rows = table.getRowModel().rows;
  const { scrollRef, virtualizer, items } = useRowVirtualizer(rows.length, ROW_HEIGHT, 12);
  const padTop = items.length ? items[0].start : 0;
  const padBottom = items.length ? virtualizer.getTotalSize() - items[items.length - 1].end : 0;
  const colCount = table.getVisibleLeafColumns().length;

  return (
    <div data-testid={testId} className="space-y-3">
      {searchPlaceholder ? (
        <DataTableSearch
          placeholder={searchPlaceholder}
          value={globalFilter}
          onChange={setGlobalFilter}
          shown={rows.length}
          total={data.length}
          testId={testId}
        />
      ) : null}
      <div
        ref={scrollRef}
        className="overflow-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
        style={{ maxHeight }}
      >
        <table className="w-full border-collapse text-sm">
          <DataTableHead table={table} />
          <tbody>
            {padTop > 0 ? <tr style={{ height: padTop }} aria-hidden /> : null}
            {items.map((vi) => {
              const row = rows[vi.index];
              return <DataTableRow key={row.id} row={row} testId={rowTestId?.(row.original)} />;
            })}
            {padBottom > 0 ? <tr style={{ height: padBottom }} aria-hidden /> : null}
            {rows.length === 0 ? (
              <tr>
                <td colSpan={colCount}>
                  <EmptyState
                    title={emptyTitle}
                    message={globalFilter ? `No row matches "${globalFilter}".` : emptyMessage}
                  />
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
    </div>
  );
}
