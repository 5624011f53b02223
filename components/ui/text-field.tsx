import type { InputHTMLAttributes, ReactNode } from "react";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

/**
 * A labelled text input: a Field around one Input whose value is a string. `onValue` gets the new text; the other
 * props (type, placeholder, data-testid…) go to the input.
 */
export function TextField({
  label,
  id,
  hint,
  error,
  testId,
  value,
  onValue,
  ...input
}: Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "value" | "onChange"> & {
  label: ReactNode;
  id: string;
  hint?: ReactNode;
  error?: string;
  /** The field's test id (its error is `<testId>-error`). */
  testId?: string;
  value: string | number;
  onValue: (value: string) => void;
}) {
  return (
    <Field label={label} htmlFor={id} hint={hint} error={error} testId={testId}>
      <Input id={id} value={value} onChange={(e) => onValue(e.target.value)} {...input} />
    </Field>
  );
}
