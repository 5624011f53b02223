"use client";

import { useQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { ErrorState, Loading } from "@/components/ui/states";
import { paths } from "@/lib/paths";
import { brokerListOptions } from "@/lib/queries/clusters";
import type { Broker } from "@/lib/schemas/clusters";

function columns(clusterId: string): ColumnDef<Broker, unknown>[] {
  return [
    {
      accessorKey: "nodeId",
      header: "ID",
      cell: ({ row }) => (
        <Link className="font-medium text-brand-700 hover:underline dark:text-cyan-300" href={paths.broker(clusterId, row.original.nodeId)}>
          {row.original.nodeId}
        </Link>
      ),
    },
    { id: "address", accessorFn: (b) => `${b.host}:${b.port}`, header: "Host:port", cell: ({ getValue }) => <span className="font-mono">{String(getValue())}</span> },
    { accessorKey: "rack", header: "Rack", cell: ({ getValue }) => (getValue() as string | null) ?? <span className="text-slate-400">none</span> },
    { accessorKey: "leaderPartitions", header: "Partitions led", cell: ({ getValue }) => <span className="tabular-nums">{String(getValue())}</span> },
    { accessorKey: "replicaPartitions", header: "Replicas held", cell: ({ getValue }) => <span className="tabular-nums">{String(getValue())}</span> },
    {
      accessorKey: "isMetadataController",
      header: "Role",
      cell: ({ getValue }) =>
        getValue() ? (
          <Badge tone="info" title="The broker the Metadata response names as controller. In KRaft it forwards admin requests to the active quorum controller; it is not necessarily the quorum leader.">
            metadata controller
          </Badge>
        ) : null,
    },
  ];
}

export function BrokerTable({ clusterId }: { clusterId: string }) {
  const { data, error, isPending, refetch } = useQuery(brokerListOptions(clusterId));
  if (isPending) return <Loading label="Loading brokers…" />;
  if (error) {
    return (
      <ErrorState
        title="Could not load brokers"
        message={error.message}
        action={
          <button type="button" className="text-sm font-medium underline" onClick={() => refetch()}>
            Retry
          </button>
        }
      />
    );
  }
  return <DataTable testId="broker-table" columns={columns(clusterId)} data={data.brokers} rowTestId={(b) => `broker-row-${b.nodeId}`} emptyTitle="No brokers reported" />;
}
