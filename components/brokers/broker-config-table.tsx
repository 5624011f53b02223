"use client";

import { useQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import { Lock } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { ErrorState, Loading } from "@/components/ui/states";
import { brokerConfigsOptions } from "@/lib/queries/clusters";
import type { ConfigEntry } from "@/lib/schemas/clusters";

const columns: ColumnDef<ConfigEntry, unknown>[] = [
  { accessorKey: "name", header: "Name", cell: ({ getValue }) => <span className="font-mono text-xs">{String(getValue())}</span> },
  {
    accessorKey: "value",
    header: "Value",
    cell: ({ row }) => {
      const e = row.original;
      if (e.isSensitive) {
        return (
          <span className="inline-flex items-center gap-1 text-slate-500" title="Sensitive: the value is never sent to the browser">
            <Lock className="h-3 w-3" /> {e.value ?? "not set"}
          </span>
        );
      }
      return e.value === null ? <span className="text-slate-400">null</span> : <span className="block max-w-xl truncate font-mono text-xs" title={e.value}>{e.value}</span>;
    },
  },
  { accessorKey: "source", header: "Source" },
  { accessorKey: "isDefault", header: "Default", cell: ({ getValue }) => (getValue() ? <Badge>default</Badge> : <Badge tone="info">overridden</Badge>) },
  { accessorKey: "readOnly", header: "Dynamic", cell: ({ getValue }) => (getValue() ? <span className="text-slate-400">read-only</span> : "editable") },
];

export function BrokerConfigTable({ clusterId, brokerId }: { clusterId: string; brokerId: number }) {
  const { data, error, isPending } = useQuery(brokerConfigsOptions(clusterId, brokerId));
  if (isPending) return <Loading label="Loading broker configuration…" />;
  if (error) return <ErrorState title={`Could not load the configuration of broker ${brokerId}`} message={error.message} />;
  return (
    <DataTable
      testId="broker-config-table"
      columns={columns}
      data={data.configs}
      searchPlaceholder="Search config names and values"
      rowTestId={(e) => `config-row-${e.name}`}
      emptyTitle="No configuration reported"
      maxHeight={640}
    />
  );
}
