"use client";

import { useMemo } from "react";
import { cn } from "@/lib/cn";
import { lineDiff, type DiffRow } from "@/lib/schema-format";

const TONE = {
  same: "",
  removed: "bg-red-50 dark:bg-red-950/40",
  added: "bg-emerald-50 dark:bg-emerald-950/40",
  changed: "bg-amber-50 dark:bg-amber-950/40",
} as const;

function Side({ no, text, tone }: { no?: number; text?: string; tone: string }) {
  return (
    <>
      <td
        className={cn(
          "w-10 select-none border-r border-slate-100 px-2 text-right align-top text-slate-400 dark:border-slate-800",
          tone,
        )}
      >
        {no ?? ""}
      </td>
      <td className={cn("whitespace-pre-wrap break-all px-2 align-top", tone)}>{text ?? ""}</td>
    </>
  );
}

function Row({ row }: { row: DiffRow }) {
  const left = row.kind === "added" ? "" : TONE[row.kind];
  const right = row.kind === "removed" ? "" : TONE[row.kind];
  return (
    <tr data-diff={row.kind}>
      <Side no={"leftNo" in row ? row.leftNo : undefined} text={"left" in row ? row.left : undefined} tone={left} />
      <Side
        no={"rightNo" in row ? row.rightNo : undefined}
        text={"right" in row ? row.right : undefined}
        tone={right}
      />
    </tr>
  );
}

/** Two schema texts side by side, changed lines highlighted. */
export function SchemaDiff({
  left,
  right,
  leftLabel,
  rightLabel,
}: {
  left: string;
  right: string;
  leftLabel: string;
  rightLabel: string;
}) {
  const rows = useMemo(() => {
    try {
      return lineDiff(left, right);
    } catch (e) {
      return (e as Error).message;
    }
  }, [left, right]);
  if (typeof rows === "string") return <p className="text-sm text-slate-500">{rows}</p>;
  const changes = rows.filter((r) => r.kind !== "same").length;
  return (
    <div className="space-y-2" data-testid="schema-diff">
      <p className="text-xs text-slate-500" data-testid="schema-diff-summary">
        {changes === 0 ? "The two versions are identical." : `${changes} line${changes === 1 ? "" : "s"} differ.`}
      </p>
      <div className="max-h-[32rem] overflow-auto rounded-lg border border-slate-200 dark:border-slate-800">
        <table className="w-full table-fixed border-collapse font-mono text-xs">
          <colgroup>
            <col className="w-10" />
            <col />
            <col className="w-10" />
            <col />
          </colgroup>
          <thead className="sticky top-0 bg-slate-100 text-left text-slate-600 dark:bg-slate-800 dark:text-slate-300">
            <tr>
              <th colSpan={2} className="px-2 py-1.5 font-semibold">
                {leftLabel}
              </th>
              <th colSpan={2} className="border-l border-slate-200 px-2 py-1.5 font-semibold dark:border-slate-700">
                {rightLabel}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <Row key={i} row={row} />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
