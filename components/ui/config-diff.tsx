import { ArrowRight } from "lucide-react";
import type { ConfigDiff } from "@/lib/schemas/topics";

const Value = ({ v }: { v: string | null }) =>
  v === null ? (
    <span className="italic text-slate-400">default</span>
  ) : (
    <span className="break-all font-mono text-xs">{v}</span>
  );

/** before → after for each changed key, as the broker's dry run reported it. */
export function ConfigDiffView({ diff }: { diff: ConfigDiff }) {
  if (!diff.changes.length) {
    return (
      <p className="text-sm text-slate-500" data-testid="config-diff-empty">
        Nothing would change: the topic already has this value.
      </p>
    );
  }
  return (
    <table className="w-full text-sm" data-testid="config-diff">
      <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
        <tr>
          <th className="py-1 pr-3 font-semibold">Config</th>
          <th className="py-1 pr-3 font-semibold">Before</th>
          <th className="w-6" aria-hidden />
          <th className="py-1 font-semibold">After</th>
        </tr>
      </thead>
      <tbody>
        {diff.changes.map((c) => (
          <tr
            key={c.name}
            className="border-t border-slate-100 align-top dark:border-slate-800"
            data-testid={`config-diff-${c.name}`}
          >
            <td className="py-2 pr-3 font-mono text-xs font-medium">{c.name}</td>
            <td className="py-2 pr-3 text-red-700 line-through decoration-red-300 dark:text-red-300 dark:decoration-red-800">
              <Value v={c.before} />
            </td>
            <td className="py-2 text-slate-400">
              <ArrowRight className="h-4 w-4" aria-label="becomes" />
            </td>
            <td className="py-2 text-emerald-700 dark:text-emerald-300">
              <Value v={c.after} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
