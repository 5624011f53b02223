"use client";

import { useQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import { Plus } from "lucide-react";
import Link from "next/link";
import { useEffect, useMemo, type ReactNode } from "react";
import { Blocked } from "@/components/ui/blocked";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { ErrorState, Loading } from "@/components/ui/states";
import { paths } from "@/lib/paths";
import { connectorsOptions } from "@/lib/queries/connect";
import type { ConnectorRow } from "@/lib/schemas/connect";
import { stateTone, useConnectStream } from "./use-connect-stream";

const shortClass = (c: string) => c.split(".").pop() ?? c;

/** Connectors of one Connect cluster, states live over SSE. */
export function ConnectorsView({
  clusterId,
  connectId,
  blocked,
}: {
  clusterId: string;
  connectId: string;
  blocked?: string;
}) {
  const q = useQuery(connectorsOptions(clusterId, connectId));
  const { states, unavailable } = useConnectStream(clusterId, connectId);
  const { refetch } = q;
  // A connector the stream knows and the list does not (created elsewhere) or the reverse: reload the list.
  const names = states ? [...states.keys()].join("\n") : null;
  const listed = q.data ? q.data.connectors.map((c) => c.name).join("\n") : null;
  useEffect(() => {
    if (names !== null && listed !== null && names !== listed) void refetch();
  }, [names, listed, refetch]);

  const rows = useMemo(
    () =>
      (q.data?.connectors ?? []).map((c): ConnectorRow => {
        const live = states?.get(c.name);
        if (!live) return c;
        const t = live.tasks;
        return {
          ...c,
          state: live.state,
          tasks: {
            total: t.length,
            running: t.filter((x) => x.state === "RUNNING").length,
            failed: t.filter((x) => x.state === "FAILED").length,
            paused: t.filter((x) => x.state === "PAUSED").length,
          },
        };
      }),
    [q.data, states],
  );

  const columns = useMemo(() => connectorColumns(clusterId, connectId), [clusterId, connectId]);

  let list: ReactNode;
  if (q.isPending) {
    list = <Loading label="Loading connectors…" />;
  } else if (q.error) {
    list = unavailable ? null : <ErrorState title="Could not list the connectors" message={q.error.message} />;
  } else {
    list = (
      <DataTable
        columns={columns}
        data={rows}
        searchPlaceholder="Filter connectors"
        rowTestId={(r) => `connector-row-${r.name}`}
        emptyTitle="No connectors yet"
        testId="connectors-table"
      />
    );
  }
  return (
    <div className="space-y-4">
      <div className="flex justify-end">
        <Blocked reason={blocked}>
          {blocked ? (
            <Button variant="primary" disabled>
              <Plus className="h-4 w-4" /> Create connector
            </Button>
          ) : (
            <Button variant="primary" asChild data-testid="connector-create">
              <Link href={paths.connectorNew(clusterId, connectId)}>
                <Plus className="h-4 w-4" /> Create connector
              </Link>
            </Button>
          )}
        </Blocked>
      </div>
      {unavailable ? <ErrorState title="The Connect worker does not answer" message={unavailable} /> : null}
      {list}
    </div>
  );
}

const connectorColumns = (clusterId: string, connectId: string): ColumnDef<ConnectorRow, unknown>[] => [
  {
    accessorKey: "name",
    header: "Name",
    cell: ({ row }) => (
      <Link
        href={paths.connector(clusterId, connectId, row.original.name)}
        className="font-mono text-brand-700 hover:underline dark:text-cyan-300"
      >
        {row.original.name}
      </Link>
    ),
  },
  {
    accessorKey: "state",
    header: "State",
    cell: ({ row }) => (
      <Badge tone={stateTone(row.original.state)} data-testid={`connector-state-${row.original.name}`}>
        {row.original.state}
      </Badge>
    ),
  },
  { accessorKey: "type", header: "Type" },
  {
    accessorKey: "className",
    header: "Class",
    cell: ({ row }) => <span title={row.original.className}>{shortClass(row.original.className)}</span>,
  },
  {
    id: "tasks",
    header: "Tasks running / failed",
    accessorFn: (r) => r.tasks.failed * 1e6 + r.tasks.running,
    cell: ({ row }) => (
      <span>
        {row.original.tasks.running}/{row.original.tasks.total}
        {row.original.tasks.failed ? (
          <span className="ml-2 font-medium text-red-700 dark:text-red-400">{row.original.tasks.failed} failed</span>
        ) : null}
      </span>
    ),
  },
  {
    id: "topics",
    header: "Topics",
    accessorFn: (r) => r.topics.join(", "),
    cell: ({ row }) => <span className="font-mono text-xs">{row.original.topics.join(", ") || "—"}</span>,
  },
];
