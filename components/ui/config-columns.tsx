import type { ColumnDef } from "@tanstack/react-table";
import { Lock } from "lucide-react";
import type { ConfigEntry } from "@/lib/schemas/clusters";

/** The name and value columns every configuration table shares; sensitive values arrive masked and say so. */
export const configNameValueColumns: ColumnDef<ConfigEntry, unknown>[] = [
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
      return e.value === null ? <span className="text-slate-400">null</span> : <span className="inline-block max-w-md truncate align-middle font-mono text-xs" title={e.value}>{e.value}</span>;
    },
  },
];
