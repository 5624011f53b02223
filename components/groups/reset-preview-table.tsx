"use client";

import { ArrowRight } from "lucide-react";
import { cn } from "@/lib/cn";
import { formatNumber } from "@/lib/format";
import type { ResetPreview } from "@/lib/schemas/groups";

const cell = "px-3 py-1.5 tabular-nums";

/** What a reset moves (or, once applied, moved): per partition the offset before and after and the lag left. */
export function PreviewTable({ preview, applied }: { preview: ResetPreview; applied: boolean }) {
  return (
    <div
      className="max-h-72 overflow-auto rounded-md border border-slate-200 dark:border-slate-800"
      data-testid={applied ? "reset-result" : "reset-preview"}
    >
      <table className="w-full text-sm">
        <thead className="sticky top-0 bg-slate-100 text-left text-xs uppercase tracking-wide text-slate-600 dark:bg-slate-800 dark:text-slate-300">
          <tr>
            {["Topic", "Partition", applied ? "Was → now" : "Current → new offset", "Lag after"].map((h, i) => (
              <th key={h} className={cn("px-3 py-2 font-semibold", i > 0 && "text-right")}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.partitions.map((p) => {
            const same = p.current === p.next;
            return (
              <tr
                key={`${p.topic}-${p.partition}`}
                className="border-t border-slate-100 dark:border-slate-800"
                data-testid={`reset-preview-row-${p.topic}-${p.partition}`}
              >
                <td className="max-w-48 truncate px-3 py-1.5 font-mono text-xs" title={p.topic}>
                  {p.topic}
                </td>
                <td className={cn(cell, "text-right")}>{p.partition}</td>
                <td className={cn(cell, "text-right font-mono text-xs")}>
                  <span className="inline-flex items-center gap-1.5">
                    <span data-testid="reset-current">
                      {p.current ?? <span className="font-sans text-slate-400">none</span>}
                    </span>
                    <ArrowRight className="h-3 w-3 text-slate-400" aria-label="to" />
                    <span
                      data-testid="reset-next"
                      className={cn(!same && "font-semibold text-brand-700 dark:text-cyan-300")}
                    >
                      {p.next}
                    </span>
                  </span>
                  {p.note ? (
                    <span
                      className="block font-sans text-[11px] text-amber-700 dark:text-amber-300"
                      data-testid="reset-note"
                    >
                      {p.note}
                    </span>
                  ) : null}
                </td>
                <td className={cn(cell, "text-right")} data-testid="reset-lag-after">
                  <span
                    className={p.lagAfter > 0 ? "font-medium text-amber-700 dark:text-amber-300" : "text-slate-500"}
                  >
                    {formatNumber(p.lagAfter)}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
