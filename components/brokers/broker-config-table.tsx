"use client";

import { useQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { ErrorState, Loading } from "@/components/ui/states";
import { brokerConfigsOptions } from "@/lib/queries/clusters";
import type { ConfigEntry } from "@/lib/schemas/clusters";
import { configNameValueColumns } from "@/components/ui/config-columns";

const columns: ColumnDef<ConfigEntry, unknown>[] = [
  ...configNameValueColumns,
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
