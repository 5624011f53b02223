import { Info } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

/**
 * Controls the user may not be able to use, with why shown as text right under them (not only on hover) and, in
 * the sentence, the way forward. Several controls with the same reason share one line; distinct reasons are listed.
 */
export function Blocked({
  reason,
  children,
  className,
}: {
  reason?: string | (string | undefined)[];
  children: ReactNode;
  className?: string;
}) {
  const reasons = [...new Set((Array.isArray(reason) ? reason : [reason]).filter((r): r is string => !!r))];
  return (
    <div className={cn("flex flex-col items-end gap-1", className)}>
      <div className="flex flex-wrap items-center justify-end gap-2">{children}</div>
      {reasons.map((r) => (
        <p
          key={r}
          className="flex max-w-md items-start gap-1 text-right text-xs text-slate-500 dark:text-slate-400"
          data-testid="blocked-reason"
        >
          <Info className="mt-px h-3.5 w-3.5 shrink-0" aria-hidden />
          {r}
        </p>
      ))}
    </div>
  );
}
