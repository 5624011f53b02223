"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { Pencil, Plus, RotateCcw } from "lucide-react";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Blocked } from "@/components/ui/blocked";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { Tooltip } from "@/components/ui/tooltip";
import type { ConfigEntry } from "@/lib/schemas/clusters";
import { configNameValueColumns } from "@/components/ui/config-columns";
import { TOPIC_CONFIG_KEYS } from "@/lib/topic-configs";
import { ConfigChangeDialog, type ConfigChange } from "./config-change-dialog";

/** A key set on the topic itself (the only kind "Reset to default" can remove). */
export const isOverride = (e: ConfigEntry) => e.source === "dynamic topic config";

type Props = { clusterId: string; topic: string; configs: ConfigEntry[]; readOnlyReason?: string };

function columns(
  readOnlyReason: string | undefined,
  open: (c: ConfigChange) => void,
): ColumnDef<ConfigEntry, unknown>[] {
  return [
    ...configNameValueColumns,
    {
      accessorKey: "source",
      header: "Source",
      cell: ({ getValue }) => <span className="text-xs text-slate-600 dark:text-slate-400">{String(getValue())}</span>,
    },
    {
      id: "state",
      header: "State",
      accessorFn: (e) => (isOverride(e) ? 0 : 1),
      cell: ({ row }) => (isOverride(row.original) ? <Badge tone="info">overridden</Badge> : <Badge>default</Badge>),
    },
    {
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      enableSorting: false,
      cell: ({ row }) => {
        const e = row.original;
        const editable = !e.readOnly && TOPIC_CONFIG_KEYS.has(e.name);
        const why = readOnlyReason ?? (editable ? undefined : "Kafka does not allow changing this key per topic.");
        return (
          <span className="flex justify-end gap-1">
            <Tooltip content={why}>
              <Button
                size="sm"
                variant="ghost"
                disabled={!!why}
                onClick={() =>
                  open({
                    kind: "edit",
                    key: e.name,
                    value: e.isSensitive ? "" : (e.value ?? ""),
                    override: isOverride(e),
                  })
                }
                data-testid={`config-edit-${e.name}`}
              >
                <Pencil className="h-3.5 w-3.5" /> Edit
              </Button>
            </Tooltip>
            {isOverride(e) ? (
              <Tooltip content={readOnlyReason}>
                <Button
                  size="sm"
                  variant="ghost"
                  disabled={!!readOnlyReason}
                  onClick={() => open({ kind: "reset", key: e.name })}
                  data-testid={`config-reset-${e.name}`}
                >
                  <RotateCcw className="h-3.5 w-3.5" /> Reset to default
                </Button>
              </Tooltip>
            ) : null}
          </span>
        );
      },
    },
  ];
}

/** The topic's effective configuration, searchable; overrides are edited through a dry-run diff. */
export function TopicConfigTable({ clusterId, topic, configs, readOnlyReason }: Props) {
  const [change, setChange] = useState<ConfigChange | null>(null);
  const overrides = configs.filter(isOverride).map((e) => e.name);
  return (
    <div className="space-y-3">
      <div className="flex items-center justify-between gap-3">
        <p className="text-sm text-slate-500 dark:text-slate-400">
          {overrides.length} override{overrides.length === 1 ? "" : "s"}; everything else comes from the broker.
        </p>
        <Blocked reason={readOnlyReason}>
          <Button
            size="sm"
            onClick={() => setChange({ kind: "add", exclude: overrides })}
            disabled={!!readOnlyReason}
            data-testid="add-override-button"
          >
            <Plus className="h-4 w-4" /> Add override
          </Button>
        </Blocked>
      </div>
      <DataTable
        testId="topic-config-table"
        columns={columns(readOnlyReason, setChange)}
        data={configs}
        searchPlaceholder="Search config names and values"
        rowTestId={(e) => `config-row-${e.name}`}
        emptyTitle="No configuration reported"
        initialSorting={[{ id: "state", desc: false }]}
        maxHeight={640}
      />
      {change ? (
        <ConfigChangeDialog clusterId={clusterId} topic={topic} change={change} onClose={() => setChange(null)} />
      ) : null}
    </div>
  );
}
