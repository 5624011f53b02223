"use client";

import { TextField } from "@/components/ui/text-field";

/** One whole-number input of a form: the value it edits, its label, id, error path and test id. */
export type NumberFieldSpec<K extends string> = { key: K; label: string; id: string; path?: string; testId?: string };

/** Whole-number inputs (at least 1) from a list; a field's error is the server's for its path (or its key). */
export function NumberFields<K extends string>({
  specs,
  values,
  onValue,
  fieldError,
}: {
  specs: NumberFieldSpec<K>[];
  values: Record<K, string | number>;
  onValue: (key: K, value: string) => void;
  fieldError: (path: string) => string | undefined;
}) {
  return specs.map((f) => (
    <TextField
      key={f.key}
      label={f.label}
      id={f.id}
      error={fieldError(f.path ?? f.key)}
      type="number"
      min={1}
      value={values[f.key]}
      onValue={(v) => onValue(f.key, v)}
      data-testid={f.testId}
    />
  ));
}
