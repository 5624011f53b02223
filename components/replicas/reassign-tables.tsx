"use client";

import { ArrowRight } from "lucide-react";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import type { ReassignmentPreview, ReassignmentStatus } from "@/lib/schemas/replicas";

export const list = (ids: number[]) => (ids.length ? ids.join(", ") : "—");

/** A small scrolling table of partitions: the headers, then one row per partition with its cells. */
function PartitionTable<R extends { partition: number }>({
  headers,
  rows,
  rowTestId,
  cells,
}: {
  headers: string[];
  rows: R[];
  rowTestId: (r: R) => string;
  cells: (r: R) => ReactNode;
}) {
  return (
    <div className="max-h-64 overflow-auto rounded-md border border-slate-200 dark:border-slate-700">
      <table className="w-full text-sm">
        <thead className="bg-slate-50 text-left text-xs uppercase text-slate-500 dark:bg-slate-800/60">
          <tr>
            {headers.map((h) => (
              <th key={h} className="px-3 py-2">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              key={r.partition}
              className="border-t border-slate-100 dark:border-slate-800"
              data-testid={rowTestId(r)}
            >
              {cells(r)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const mono = "px-3 py-1.5 font-mono";

/** What a plan moves: per partition the replicas before and after, which brokers gain or lose one, the leader. */
export function PreviewTable({ preview }: { preview: ReassignmentPreview }) {
  if (!preview.moves.length) {
    return (
      <p
        className="rounded-md border border-slate-200 px-3 py-2 text-sm dark:border-slate-700"
        data-testid="reassign-preview"
      >
        Nothing moves: every partition already has these replicas.
      </p>
    );
  }
  return (
    <div className="space-y-2" data-testid="reassign-preview">
      <p className="text-sm">
        {preview.moves.length} partition{preview.moves.length === 1 ? "" : "s"} change, {preview.unchanged} stay.
        Replication factor {preview.replicationFactor.from}
        {preview.replicationFactor.from !== preview.replicationFactor.to ? ` → ${preview.replicationFactor.to}` : ""}.
      </p>
      <PartitionTable
        headers={["Partition", "Replicas now → after", "Copied to", "Removed from", "Leader"]}
        rows={preview.moves}
        rowTestId={(m) => `reassign-move-${m.partition}`}
        cells={(m) => (
          <>
            <td className={mono}>{m.partition}</td>
            <td className={mono}>
              {list(m.current)} <ArrowRight className="inline h-3 w-3" aria-label="becomes" /> {list(m.target)}
            </td>
            <td className={`${mono} text-emerald-700 dark:text-emerald-300`}>{list(m.adding)}</td>
            <td className={`${mono} text-red-700 dark:text-red-300`}>{list(m.removing)}</td>
            <td className="px-3 py-1.5">
              {m.leaderChanges ? (
                <Badge tone="warn">moves to {m.target[0]}</Badge>
              ) : (
                <span className="text-slate-500">stays</span>
              )}
            </td>
          </>
        )}
      />
    </div>
  );
}

/** The partitions being moved, live: replicas, in-sync replicas, where they are still copying to, brokers down. */
export function ProgressTable({ rows, live }: { rows: ReassignmentStatus["partitions"]; live: Set<number> }) {
  return (
    <PartitionTable
      headers={["Partition", "Replicas", "In sync", "Copying to", "State"]}
      rows={rows}
      rowTestId={(p) => `reassign-partition-${p.partition}`}
      cells={(p) => {
        const down = p.replicas.filter((b) => !live.has(b) || p.offline.includes(b));
        return (
          <>
            <td className={mono}>{p.partition}</td>
            <td className={mono}>{list(p.replicas)}</td>
            <td className={mono}>{list(p.isr)}</td>
            <td className={mono}>{list(p.adding)}</td>
            <td className="px-3 py-1.5">
              {p.inProgress ? <Badge tone="info">copying</Badge> : <Badge tone="ok">done</Badge>}
              {down.length ? (
                <Badge tone="bad" className="ml-1" data-testid="reassign-broker-down">
                  broker {down.join(", ")} down
                </Badge>
              ) : null}
            </td>
          </>
        );
      }}
    />
  );
}
