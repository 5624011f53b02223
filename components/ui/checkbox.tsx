import type { ReactNode } from "react";

/** A checkbox with its label after it, the whole label clickable. */
export function Checkbox({
  checked,
  onChange,
  children,
  className,
  inputClassName,
  disabled,
  testId,
}: {
  checked: boolean;
  onChange: (on: boolean) => void;
  children: ReactNode;
  /** The label's classes (layout, text size). */
  className?: string;
  inputClassName?: string;
  disabled?: boolean;
  testId?: string;
}) {
  return (
    <label className={className}>
      <input
        type="checkbox"
        className={inputClassName}
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
        data-testid={testId}
      />
      {children}
    </label>
  );
}
