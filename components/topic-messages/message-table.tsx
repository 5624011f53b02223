"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useRef } from "react";
import { Time, TimeZoneLabel } from "@/components/ui/time-zone";
import { cn } from "@/lib/cn";
import type { Message } from "@/lib/schemas/messages";

const ROW = 34;
const GRID =
  "grid grid-cols-[4.5rem_6.5rem_11.5rem_minmax(6rem,12rem)_minmax(12rem,1fr)_3.5rem_5rem_4.5rem] gap-3 px-3";

export const messageId = (m: Pick<Message, "partition" | "offset">) => `${m.partition}-${m.offset}`;

function formatBytes(n: number): string {
  return n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

/** One line of a key or value: what it is, then the start of its text. */
function Preview({ field }: { field: Message["key"] }) {
  if (field.encoding === "null") return <span className="text-slate-400">null</span>;
  return (
    <span
      className={cn("truncate font-mono text-xs", field.error && "text-amber-700 dark:text-amber-400")}
      title={field.error}
    >
      {field.encoding !== "string" && field.encoding !== "json" ? (
        <span className="mr-1 rounded bg-slate-100 px-1 text-[10px] uppercase text-slate-600 dark:bg-slate-800 dark:text-slate-300">
          {field.encoding}
        </span>
      ) : null}
      {field.text?.slice(0, 300)}
    </span>
  );
}

/**
 * Records as a virtualised list: only the visible rows are in the DOM, so thousands of records (a search, a
 * busy tail) scroll smoothly. Click a row for its detail.
 */
export function MessageTable({
  messages,
  selected,
  onSelect,
  testId = "message-table",
  emptyText,
}: {
  messages: Message[];
  selected: string | null;
  onSelect: (m: Message) => void;
  testId?: string;
  emptyText: string;
}) {
  const parent = useRef<HTMLDivElement>(null);
  // TanStack Virtual returns functions that the React compiler cannot memoise; this component opts out.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtual = useVirtualizer({
    count: messages.length,
    getScrollElement: () => parent.current,
    estimateSize: () => ROW,
    overscan: 12,
  });
  return (
    <div className="overflow-hidden rounded-lg border border-slate-200 dark:border-slate-800" data-testid={testId}>
      <div
        className={cn(
          GRID,
          "border-b border-slate-200 bg-slate-50 py-2 text-xs font-semibold uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:bg-slate-900",
        )}
        role="row"
      >
        <span>Partition</span>
        <span>Offset</span>
        <span>
          Timestamp (<TimeZoneLabel />)
        </span>
        <span>Key</span>
        <span>Value</span>
        <span title="headers">Hdrs</span>
        <span>Size</span>
        <span>Codec</span>
      </div>
      {messages.length === 0 ? (
        <p className="px-3 py-10 text-center text-sm text-slate-500" data-testid={`${testId}-empty`}>
          {emptyText}
        </p>
      ) : (
        <div ref={parent} className="max-h-[60vh] overflow-auto" role="rowgroup">
          <div style={{ height: virtual.getTotalSize(), position: "relative" }}>
            {virtual.getVirtualItems().map((v) => {
              const m = messages[v.index];
              const id = messageId(m);
              return (
                <button
                  type="button"
                  key={id}
                  role="row"
                  onClick={() => onSelect(m)}
                  data-testid={`message-row-${id}`}
                  className={cn(
                    GRID,
                    "absolute left-0 top-0 w-full items-center border-b border-slate-100 text-left text-sm hover:bg-slate-50 dark:border-slate-800/60 dark:hover:bg-slate-900",
                    selected === id && "bg-brand-50 dark:bg-cyan-950/40",
                  )}
                  style={{ height: ROW, transform: `translateY(${v.start}px)` }}
                >
                  <span className="tabular-nums">{m.partition}</span>
                  <span className="font-mono text-xs tabular-nums">{m.offset}</span>
                  <span
                    className="font-mono text-xs tabular-nums text-slate-600 dark:text-slate-400"
                    title={`${m.timestampType} ${m.timestamp}`}
                  >
                    <Time t={m.timestamp} millis />
                  </span>
                  <Preview field={m.key} />
                  <Preview field={m.value} />
                  <span className="tabular-nums text-slate-500">{m.headers.length || ""}</span>
                  <span className="tabular-nums text-slate-500">{formatBytes(m.size)}</span>
                  <span className="text-xs text-slate-500">{m.compression === "none" ? "" : m.compression}</span>
                </button>
              );
            })}
          </div>
        </div>
      )}
    </div>
  );
}

export { formatBytes };
