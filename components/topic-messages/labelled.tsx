import { cn } from "@/lib/cn";

/** A control with its small label above it. */
export function Labelled({
  label,
  htmlFor,
  children,
  className,
}: {
  label: string;
  htmlFor: string;
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <div className={cn("flex flex-col gap-1", className)}>
      <label htmlFor={htmlFor} className="text-xs font-medium text-slate-500">
        {label}
      </label>
      {children}
    </div>
  );
}

/** The props of a small labelled text control: its id (also its test id), label, value and change handler. */
export type LabelledTextProps = { id: string; label: string; value: string; onChange: (value: string) => void };
