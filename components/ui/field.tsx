import type { ReactNode } from "react";

/** A labelled form field with an optional hint and an inline error announced to screen readers. */
export function Field({
  label,
  htmlFor,
  hint,
  error,
  children,
  testId,
}: {
  label: ReactNode;
  htmlFor: string;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
  testId?: string;
}) {
  let note: ReactNode = null;
  if (error) {
    note = (
      <p
        className="text-xs text-red-600 dark:text-red-400"
        role="alert"
        data-testid={testId ? `${testId}-error` : undefined}
      >
        {error}
      </p>
    );
  } else if (hint) {
    note = <p className="text-xs text-slate-500 dark:text-slate-400">{hint}</p>;
  }
  return (
    <div className="space-y-1">
      <label htmlFor={htmlFor} className="block text-sm font-medium text-slate-700 dark:text-slate-300">
        {label}
      </label>
      {children}
      {note}
    </div>
  );
}
