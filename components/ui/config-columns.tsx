import type { ColumnDef } from "@tanstack/react-table";
import { Lock } from "lucide-react";
import { Fragment } from "react";
import type { ConfigEntry } from "@/lib/schemas/clusters";

/** A dotted config name that may wrap after its dots (the text, and so search and copy, stays the same). */
const breakAtDots = (name: string) =>
  name.split(".").map((part, i) =>
    i ? (
      <Fragment key={i}>
        .<wbr />
        {part}
      </Fragment>
    ) : (
      part
    ),
  );

/**
 * The name and value columns every configuration table shares; sensitive values arrive masked and say so. Long values
 * wrap (two lines at most, the whole value in the title) and long names break after a dot, so the table fits the page
 * instead of scrolling sideways.
 */
export const configNameValueColumns: ColumnDef<ConfigEntry, unknown>[] = [
  {
    accessorKey: "name",
    header: "Name",
    cell: ({ getValue }) => (
      <span className="block min-w-36 whitespace-normal font-mono text-xs">{breakAtDots(String(getValue()))}</span>
    ),
  },
  {
    accessorKey: "value",
    header: "Value",
    cell: ({ row }) => {
      const e = row.original;
      if (e.isSensitive) {
        return (
          <span
            className="inline-flex items-center gap-1 text-slate-500"
            title="Sensitive: the value is never sent to the browser"
          >
            <Lock className="h-3 w-3" /> {e.value ?? "not set"}
          </span>
        );
      }
      return e.value === null ? (
        <span className="text-slate-400">null</span>
      ) : (
        <span className="line-clamp-2 min-w-40 max-w-md whitespace-normal break-all font-mono text-xs" title={e.value}>
          {e.value}
        </span>
      );
    },
  },
];
