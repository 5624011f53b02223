import type { SelectHTMLAttributes } from "react";
import { cn } from "@/lib/cn";

/** A native select styled like the inputs. */
export function Select({ className, ...props }: SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <select
      className={cn(
        "h-9 rounded-md border border-slate-300 bg-white px-2 text-sm focus:outline-none focus:ring-2 focus:ring-brand-500 dark:border-slate-700 dark:bg-slate-900",
        className,
      )}
      {...props}
    />
  );
}

/** One option per value, labelled by `label` (the value itself by default). */
export function Options<T extends string | number>({
  values,
  label,
}: {
  values: readonly T[];
  label?: (value: T) => string;
}) {
  return values.map((v) => (
    <option key={v} value={v}>
      {label ? label(v) : v}
    </option>
  ));
}
