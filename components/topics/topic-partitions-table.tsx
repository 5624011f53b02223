"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { cn } from "@/lib/cn";
import { formatNumber } from "@/lib/format";
import type { TopicDetail } from "@/lib/schemas/topics";

type Partition = TopicDetail["partitions"][number];

const offset = (v: string | null) =>
  v === null ? <span className="text-slate-400">—</span> : <span className="font-mono text-xs tabular-nums">{v}</span>;

/** How a replica's chip looks: offline wins over out of sync. */
const REPLICA_CHIP = {
  offline: {
    className: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300",
    title: (id: number): string | undefined => `Broker ${id} is offline`,
  },
  lagging: {
    className: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300",
    title: (id: number): string | undefined => `Broker ${id} is out of sync (not in the ISR)`,
  },
  ok: { className: "bg-slate-100 dark:bg-slate-800", title: (): string | undefined => undefined },
};

function chipState(off: boolean, lagging: boolean): keyof typeof REPLICA_CHIP {
  if (off) return "offline";
  if (lagging) return "lagging";
  return "ok";
}

/** Broker ids as chips; those outside the ISR (out of sync) or offline are highlighted. */
function ReplicaList({ ids, p, kind }: { ids: number[]; p: Partition; kind: "replicas" | "isr" }) {
  const outOfSync = kind === "replicas" ? p.replicas.filter((r) => !p.isr.includes(r)) : [];
  return (
    <span className="inline-flex flex-wrap gap-1">
      {ids.map((id) => {
        const off = p.offlineReplicas.includes(id);
        const lagging = outOfSync.includes(id);
        const chip = REPLICA_CHIP[chipState(off, lagging)];
        return (
          <span
            key={id}
            title={chip.title(id)}
            className={cn(
              "rounded px-1.5 font-mono text-xs tabular-nums",
              chip.className,
              id === p.leader && kind === "replicas" && "font-semibold",
            )}
            data-testid={lagging ? "replica-out-of-sync" : undefined}
          >
            {id}
          </span>
        );
      })}
    </span>
  );
}

const columns: ColumnDef<Partition, unknown>[] = [
  {
    accessorKey: "partition",
    header: "Partition",
    cell: ({ getValue }) => <span className="font-medium tabular-nums">{String(getValue())}</span>,
  },
  {
    accessorKey: "leader",
    header: "Leader",
    cell: ({ row }) =>
      row.original.leader < 0 ? (
        <Badge tone="bad">none</Badge>
      ) : (
        <span className="tabular-nums">{row.original.leader}</span>
      ),
  },
  {
    id: "replicas",
    header: "Replicas",
    enableSorting: false,
    cell: ({ row }) => <ReplicaList ids={row.original.replicas} p={row.original} kind="replicas" />,
  },
  {
    id: "isr",
    header: "In sync (ISR)",
    enableSorting: false,
    cell: ({ row }) => <ReplicaList ids={row.original.isr} p={row.original} kind="isr" />,
  },
  {
    id: "status",
    header: "Status",
    accessorFn: (p) => (p.offline ? 2 : p.underReplicated ? 1 : 0),
    cell: ({ row }) =>
      row.original.offline ? (
        <Badge tone="bad">offline</Badge>
      ) : row.original.underReplicated ? (
        <Badge tone="warn">under-replicated</Badge>
      ) : (
        <Badge tone="ok">in sync</Badge>
      ),
  },
  {
    id: "start",
    header: "Start offset",
    accessorFn: (p) => Number(p.startOffset ?? -1),
    cell: ({ row }) => offset(row.original.startOffset),
  },
  {
    id: "end",
    header: "End offset",
    accessorFn: (p) => Number(p.endOffset ?? -1),
    cell: ({ row }) => offset(row.original.endOffset),
  },
  {
    accessorKey: "records",
    header: "Records",
    cell: ({ row }) =>
      row.original.records === null ? (
        <span className="text-slate-400">—</span>
      ) : (
        <span className="tabular-nums">{formatNumber(row.original.records)}</span>
      ),
  },
];

export function TopicPartitionsTable({ partitions }: { partitions: Partition[] }) {
  return (
    <DataTable
      testId="partition-table"
      columns={columns}
      data={partitions}
      rowTestId={(p) => `partition-row-${p.partition}`}
      emptyTitle="No partitions reported"
      maxHeight={640}
    />
  );
}
