import { AlertTriangle } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/cn";
import type { CreateTopicResult } from "@/lib/schemas/topics";

/** What the broker says the topic will be: overrides first and highlighted, then the defaults it inherits. */
export function CreateTopicPreview({ result }: { result: CreateTopicResult }) {
  const configs = [...result.configs].sort((a, b) =>
    a.source === b.source ? a.name.localeCompare(b.name) : a.source === "override" ? -1 : 1,
  );
  return (
    <div className="space-y-4" data-testid="create-topic-preview">
      <dl className="grid grid-cols-3 gap-3 rounded-md bg-slate-50 px-4 py-3 text-sm dark:bg-slate-800/60">
        <div className="min-w-0">
          <dt className="text-xs text-slate-500">Name</dt>
          <dd className="truncate font-mono font-medium" title={result.name}>
            {result.name}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">Partitions</dt>
          <dd className="font-medium tabular-nums">{result.partitions}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">Replication factor</dt>
          <dd className="font-medium tabular-nums">{result.replicationFactor}</dd>
        </div>
      </dl>
      {result.warnings.map((w) => (
        <p
          key={w}
          className="flex items-start gap-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950/40 dark:text-amber-200"
          data-testid="create-topic-warning"
        >
          <AlertTriangle className="mt-0.5 h-4 w-4 shrink-0" aria-hidden /> {w}
        </p>
      ))}
      <div className="max-h-72 overflow-auto rounded-md border border-slate-200 dark:border-slate-800">
        <table className="w-full text-sm">
          <thead className="sticky top-0 bg-slate-100 text-left text-xs uppercase tracking-wide text-slate-600 dark:bg-slate-800 dark:text-slate-300">
            <tr>
              <th className="px-3 py-2 font-semibold">Config</th>
              <th className="px-3 py-2 font-semibold">Value</th>
              <th className="px-3 py-2 font-semibold">Source</th>
            </tr>
          </thead>
          <tbody>
            {configs.map((c) => (
              <tr
                key={c.name}
                className={cn(
                  "border-t border-slate-100 dark:border-slate-800",
                  c.source === "override" && "bg-brand-50 dark:bg-cyan-950/40",
                )}
                data-testid={`preview-config-${c.name}`}
              >
                <td className={cn("px-3 py-1.5 font-mono text-xs", c.source === "override" && "font-semibold")}>
                  {c.name}
                </td>
                <td className="max-w-56 truncate px-3 py-1.5 font-mono text-xs" title={c.value ?? undefined}>
                  {c.value ?? <span className="text-slate-400">null</span>}
                </td>
                <td className="px-3 py-1.5">
                  {c.source === "override" ? (
                    <Badge tone="info">override</Badge>
                  ) : (
                    <span className="text-xs text-slate-500">default</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
