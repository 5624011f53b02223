"use client";

import { CheckCircle2, XCircle } from "lucide-react";
import { ErrorState } from "@/components/ui/states";
import type { RequestPreview } from "@/lib/schemas/requests";

/** The policy's answer to a dry run: its violations, or that the request passes (unless it is a duplicate). */
function PolicyVerdict({ violations, conflict }: { violations: RequestPreview["violations"]; conflict?: string }) {
  if (violations.length) {
    return (
      <div data-testid="request-violations">
        <p className="mb-1 text-sm font-medium text-red-700 dark:text-red-300">The policy refuses this request:</p>
        <ul className="space-y-1 text-sm">
          {violations.map((v, i) => (
            <li key={i} className="flex items-start gap-2 text-red-700 dark:text-red-300">
              <XCircle className="mt-0.5 h-4 w-4 shrink-0" /> {v.issue}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  if (conflict) return null;
  return (
    <p className="flex items-center gap-2 text-sm font-medium text-emerald-700 dark:text-emerald-300">
      <CheckCircle2 className="h-4 w-4" /> Passes the cluster&apos;s policy. On approval Sluice will:
    </p>
  );
}

/** The effective configs a new topic would get, its overrides highlighted. */
function EffectiveConfigs({ configs }: { configs: NonNullable<RequestPreview["configs"]> }) {
  return (
    <details className="text-xs">
      <summary className="cursor-pointer text-slate-500">
        Effective configs of the new topic ({configs.filter((c) => c.source === "override").length} override(s))
      </summary>
      <table className="mt-2 w-full font-mono">
        <tbody>
          {configs.map((c) => (
            <tr
              key={c.name}
              className={c.source === "override" ? "font-semibold text-brand-700 dark:text-cyan-300" : "text-slate-500"}
            >
              <td className="pr-3">{c.name}</td>
              <td className="pr-3">{c.value ?? "—"}</td>
              <td>{c.source}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

/** A dry run's answer: a conflict, the policy's verdict, the plan, warnings and (for a new topic) its configs. */
export function RequestPreviewPanel({ preview }: { preview: RequestPreview & { conflict?: string } }) {
  return (
    <div
      className="space-y-3 rounded-md border border-slate-200 p-3 dark:border-slate-700"
      data-testid="request-preview"
    >
      {preview.conflict ? <ErrorState title="Already requested or existing" message={preview.conflict} /> : null}
      <PolicyVerdict violations={preview.violations} conflict={preview.conflict} />
      {preview.plan.length ? (
        <ul className="list-disc space-y-0.5 pl-5 text-sm" data-testid="request-plan">
          {preview.plan.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      ) : null}
      {preview.warnings.map((w, i) => (
        <p key={i} className="text-xs text-amber-700 dark:text-amber-300">
          {w}
        </p>
      ))}
      {preview.configs ? <EffectiveConfigs configs={preview.configs} /> : null}
    </div>
  );
}
