import { AlertTriangle, Inbox, Loader2 } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

export function ErrorState({
  title,
  message,
  action,
  className,
}: {
  title: string;
  message: string;
  action?: ReactNode;
  className?: string;
}) {
  return (
    <div
      role="alert"
      data-testid="error-state"
      className={cn(
        "flex items-start gap-3 rounded-lg border border-red-200 bg-red-50 p-4 text-sm dark:border-red-900 dark:bg-red-950/40",
        className,
      )}
    >
      <AlertTriangle className="mt-0.5 h-5 w-5 shrink-0 text-red-600" aria-hidden />
      <div className="space-y-1">
        <p className="font-medium text-red-900 dark:text-red-200">{title}</p>
        <p className="text-red-800 dark:text-red-300">{message}</p>
        {action ? <div className="pt-2">{action}</div> : null}
      </div>
    </div>
  );
}

export function EmptyState({ title, message }: { title: string; message?: string }) {
  return (
    <div className="flex flex-col items-center justify-center gap-2 py-12 text-center text-sm text-slate-500">
      <Inbox className="h-8 w-8" aria-hidden />
      <p className="font-medium text-slate-700 dark:text-slate-300">{title}</p>
      {message ? <p>{message}</p> : null}
    </div>
  );
}

export function Loading({ label = "Loading…" }: { label?: string }) {
  return (
    <div className="flex items-center gap-2 py-8 text-sm text-slate-500" role="status">
      <Loader2 className="h-4 w-4 animate-spin" aria-hidden /> {label}
    </div>
  );
}

export function Skeleton({ className }: { className?: string }) {
  return <div className={cn("animate-pulse rounded bg-slate-200 dark:bg-slate-800", className)} />;
}

/** The Retry link of an ErrorState's action. */
export function RetryButton({ onRetry }: { onRetry: () => void }) {
  return (
    <button type="button" className="text-sm font-medium underline" onClick={onRetry}>
      Retry
    </button>
  );
}
