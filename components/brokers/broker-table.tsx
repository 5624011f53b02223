"use client";

import { useQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { ErrorState, Loading, RetryButton } from "@/components/ui/states";
import { paths } from "@/lib/paths";
import { brokerListOptions } from "@/lib/queries/clusters";
import type { Broker } from "@/lib/schemas/clusters";

function columns(clusterId: string): ColumnDef<Broker, unknown>[] {
  return [
    {
      accessorKey: "nodeId",
      header: "ID",
      cell: ({ row }) => (
        <Link
          className="font-medium text-brand-700 hover:underline dark:text-cyan-300"
          href={paths.broker(clusterId, row.original.nodeId)}
        >
          {row.original.nodeId}
        </Link>
      ),
    },
    {
      id: "address",
      accessorFn: (b) => `${b.host}:${b.port}`,
      header: "Host:port",
      cell: ({ getValue }) => <span className="font-mono">{String(getValue())}</span>,
    },
    {
      accessorKey: "rack",
      header: "Rack",
      cell: ({ getValue }) => (getValue() as string | null) ?? <span className="text-slate-400">none</span>,
    },
    {
      accessorKey: "leaderPartitions",
      header: "Partitions led",
      cell: ({ getValue }) => <span className="tabular-nums">{String(getValue())}</span>,
    },
    {
      accessorKey: "replicaPartitions",
      header: "Replicas held",
      cell: ({ getValue }) => <span className="tabular-nums">{String(getValue())}</span>,
    },
    {
      accessorKey: "quorumRole",
      header: "Role",
      cell: ({ getValue }) => {
        const role = getValue() as Broker["quorumRole"];
        if (!role) return null;
        return (
          <Badge
            tone={role === "active controller" ? "ok" : "info"}
            title="The node's place in the KRaft metadata quorum, as DescribeQuorum reports it."
          >
            {role}
          </Badge>
        );
      },
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
        action={<RetryButton onRetry={() => refetch()} />}
      />
    );
  }
  return (
    <DataTable
      testId="broker-table"
      columns={columns(clusterId)}
      data={data.brokers}
      rowTestId={(b) => `broker-row-${b.nodeId}`}
      emptyTitle="No brokers reported"
    />
  );
}
