"use client";

import { useQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import { useState } from "react";
import { useCan } from "@/components/ui/me-context";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { ErrorState, Loading } from "@/components/ui/states";
import { brokerConfigsOptions } from "@/lib/queries/clusters";
import type { ConfigEntry } from "@/lib/schemas/clusters";
import { configNameValueColumns } from "@/components/ui/config-columns";
import { BrokerConfigDialog } from "./broker-config-dialog";
import { ConfigEditButtons, type ConfigEdit } from "./config-edit-buttons";

type Editing = ConfigEdit | null;

function columns(canEdit: boolean, edit: (e: Editing) => void): ColumnDef<ConfigEntry, unknown>[] {
  return [
    ...configNameValueColumns,
    {
      accessorKey: "source",
      header: "Source",
      cell: ({ getValue }) => <span className="block whitespace-normal text-xs">{String(getValue())}</span>,
    },
    {
      accessorKey: "isDefault",
      header: "Default",
      cell: ({ getValue }) => (getValue() ? <Badge>default</Badge> : <Badge tone="info">overridden</Badge>),
    },
    // Editors see "read-only" in the actions column instead (an Edit button means editable): one column less to fit.
    ...(canEdit
      ? []
      : [
          {
            accessorKey: "readOnly",
            header: "Dynamic",
            cell: ({ getValue }) => (getValue() ? <span className="text-slate-400">read-only</span> : "editable"),
          } satisfies ColumnDef<ConfigEntry, unknown>,
        ]),
    ...(canEdit
      ? [
          {
            id: "actions",
            header: "",
            cell: ({ row }: { row: { original: ConfigEntry } }) => {
              const e = row.original;
              if (e.readOnly) return <span className="block text-right text-xs text-slate-400">read-only</span>;
              return (
                <span className="flex justify-end gap-1">
                  <ConfigEditButtons
                    entry={e}
                    canReset={e.source === "dynamic broker config"}
                    onEdit={edit}
                    editTestId={`config-edit-${e.name}`}
                    resetTestId={`config-reset-${e.name}`}
                  />
                </span>
              );
            },
          } satisfies ColumnDef<ConfigEntry, unknown>,
        ]
      : []),
  ];
}

export function BrokerConfigTable({ clusterId, brokerId }: { clusterId: string; brokerId: number }) {
  const { data, error, isPending } = useQuery(brokerConfigsOptions(clusterId, brokerId));
  const canEdit = useCan(clusterId, "brokers:configure");
  const [editing, setEditing] = useState<Editing>(null);
  if (isPending) return <Loading label="Loading broker configuration…" />;
  if (error) {
    return <ErrorState title={`Could not load the configuration of broker ${brokerId}`} message={error.message} />;
  }
  return (
    <>
      {canEdit ? (
        <div className="mb-3 flex items-center justify-between gap-3 text-sm text-slate-500">
          <p>
            Dynamic configs (marked editable) can be changed on this broker or for every broker; the broker validates
            each change before it is applied.
          </p>
          <Button
            variant="primary"
            size="sm"
            className="shrink-0"
            onClick={() => setEditing({ key: "", value: "" })}
            data-testid="broker-config-change"
          >
            Change a config
          </Button>
        </div>
      ) : null}
      <DataTable
        testId="broker-config-table"
        columns={columns(canEdit, setEditing)}
        data={data.configs}
        searchPlaceholder="Search config names and values"
        rowTestId={(e) => `config-row-${e.name}`}
        emptyTitle="No configuration reported"
        maxHeight={640}
      />
      {editing ? (
        <BrokerConfigDialog
          clusterId={clusterId}
          broker={brokerId}
          initialKey={editing.key}
          initialValue={editing.value}
          initialOp={editing.op}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </>
  );
}
