"use client";

import { useQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import { AlertTriangle, RefreshCw } from "lucide-react";
import Link from "next/link";
import { useState, type ReactNode } from "react";
import { useCan } from "@/components/ui/me-context";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { ErrorState, Loading } from "@/components/ui/states";
import { cn } from "@/lib/cn";
import { formatRelativeTime } from "@/lib/format";
import { paths } from "@/lib/paths";
import { requestListOptions, useCheckDrift, type RequestScope } from "@/lib/queries/requests";
import type { TopicRequestDto } from "@/lib/schemas/requests";
import { KIND_LABEL, RequestStatusBadge } from "./request-status";
import { useLiveRequests } from "./use-live-requests";

const columns = (clusterId: string): ColumnDef<TopicRequestDto, unknown>[] => [
  {
    accessorKey: "topicName",
    header: "Topic or principal",
    cell: ({ row }) => (
      <Link
        href={paths.request(clusterId, row.original.id)}
        className="font-mono text-brand-700 hover:underline dark:text-cyan-300"
        data-testid="request-link"
      >
        {row.original.topicName || row.original.principal}
      </Link>
    ),
  },
  { accessorKey: "kind", header: "Kind", cell: ({ row }) => KIND_LABEL[row.original.kind] },
  { id: "team", accessorFn: (r) => r.team.name, header: "Team" },
  { id: "decides", accessorFn: (r) => r.decidingTeam?.name ?? "admins", header: "Decided by" },
  {
    accessorKey: "status",
    header: "Status",
    cell: ({ row }) => (
      <span className="inline-flex items-center gap-2">
        <RequestStatusBadge status={row.original.status} />
        {row.original.drift ? (
          <span
            className="inline-flex items-center gap-1 text-xs text-amber-700 dark:text-amber-300"
            data-testid="request-drift-flag"
          >
            <AlertTriangle className="h-3 w-3" /> drift
          </span>
        ) : null}
      </span>
    ),
  },
  { id: "requester", accessorFn: (r) => r.requester.name, header: "Requested by" },
  {
    accessorKey: "createdAt",
    header: "Submitted",
    cell: ({ row }) => <span title={row.original.createdAt}>{formatRelativeTime(row.original.createdAt)}</span>,
  },
];

const TABS: { scope: RequestScope; label: string }[] = [
  { scope: "all", label: "All" },
  { scope: "mine", label: "Mine" },
  { scope: "queue", label: "To decide" },
];

/** The cluster's requests the user may see, live over SSE, with the approver's queue as a tab. */
export function RequestsView({ clusterId }: { clusterId: string }) {
  const [scope, setScope] = useState<RequestScope>("all");
  const list = useQuery(requestListOptions(clusterId, scope));
  const queue = useQuery(requestListOptions(clusterId, "queue"));
  const canDecide = useCan(clusterId, "requests:decide");
  const drift = useCheckDrift(clusterId);
  useLiveRequests(clusterId);
  let table: ReactNode;
  if (list.isPending) {
    table = <Loading />;
  } else if (list.error) {
    table = <ErrorState title="Could not load requests" message={list.error.message} />;
  } else {
    table = (
      <DataTable
        columns={columns(clusterId)}
        data={list.data}
        searchPlaceholder="Filter by topic, team, requester…"
        rowTestId={(r) => `request-row-${r.topicName}`}
        emptyTitle={scope === "queue" ? "Nothing waiting for you" : "No requests yet"}
        emptyMessage={
          scope === "queue"
            ? "Pending requests your teams decide appear here."
            : "Use “New request” to ask for a topic, access, a credential or a quota."
        }
        testId="requests-table"
      />
    );
  }
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="inline-flex rounded-md border border-slate-200 p-0.5 dark:border-slate-700" role="tablist">
          {TABS.filter((t) => t.scope !== "queue" || canDecide).map((t) => (
            <button
              key={t.scope}
              role="tab"
              aria-selected={scope === t.scope}
              onClick={() => setScope(t.scope)}
              className={cn(
                "rounded px-3 py-1 text-sm",
                scope === t.scope
                  ? "bg-brand-600 text-white"
                  : "text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800",
              )}
              data-testid={`requests-tab-${t.scope}`}
            >
              {t.label}
              {t.scope === "queue" && queue.data?.length ? (
                <span className="ml-1.5 rounded-full bg-amber-500 px-1.5 text-xs text-white">{queue.data.length}</span>
              ) : null}
            </button>
          ))}
        </div>
        <div className="flex items-center gap-2 text-xs text-slate-500">
          {drift.data ? (
            <span data-testid="drift-result">
              Checked {drift.data.checked} provisioned topic(s) and grant(s):{" "}
              {drift.data.drifted.length ? `${drift.data.drifted.length} drifted` : "no drift"}.
            </span>
          ) : null}
          {drift.error ? <span className="text-red-600">{drift.error.message}</span> : null}
          <Button size="sm" onClick={() => drift.mutate()} disabled={drift.isPending} data-testid="check-drift">
            <RefreshCw className={cn("h-3.5 w-3.5", drift.isPending && "animate-spin")} /> Check drift now
          </Button>
        </div>
      </div>
      {table}
    </div>
  );
}
