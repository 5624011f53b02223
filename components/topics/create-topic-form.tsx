"use client";

import { Plus, Trash2 } from "lucide-react";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { ConfigKeySelect, ConfigValueInput, configHint } from "./config-inputs";
import type { FieldErrors } from "@/components/ui/form-errors";

export type OverrideRow = { id: number; key: string; value: string };
export type TopicDraft = { name: string; partitions: string; replicationFactor: string; overrides: OverrideRow[] };

type Props = { draft: TopicDraft; onChange: (d: TopicDraft) => void; errors: FieldErrors; brokerCount?: number };

let nextRowId = 1;
export const newOverrideRow = (): OverrideRow => ({ id: nextRowId++, key: "", value: "" });

/** A whole-number input with its label, hint and error. */
function NumberField({
  label,
  id,
  testId,
  error,
  hint,
  value,
  onChange,
}: {
  label: string;
  id: string;
  testId: string;
  error?: string;
  hint: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <Field label={label} htmlFor={id} error={error} hint={hint} testId={testId}>
      <Input
        id={id}
        type="number"
        min={1}
        inputMode="numeric"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={!!error || undefined}
        data-testid={`${testId}-input`}
      />
    </Field>
  );
}

/** One config override: the key, its value, a remove button, and the error or the config's hint below. */
function OverrideEditor({
  row,
  index: i,
  error: err,
  used,
  onChange,
  onRemove,
}: {
  row: OverrideRow;
  index: number;
  error?: string;
  used: string[];
  onChange: (patch: Partial<OverrideRow>) => void;
  onRemove: () => void;
}) {
  let note: ReactNode = null;
  if (err) {
    note = (
      <p className="text-xs text-red-600 dark:text-red-400" role="alert" data-testid={`override-error-${i}`}>
        {err}
      </p>
    );
  } else if (row.key) {
    note = <p className="text-xs text-slate-500 dark:text-slate-400">{configHint(row.key)}</p>;
  }
  return (
    <div className="space-y-1" data-testid={`override-row-${i}`}>
      <div className="grid grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto] gap-2">
        <ConfigKeySelect
          id={`override-key-${row.id}`}
          value={row.key}
          onChange={(key) => onChange({ key, value: "" })}
          exclude={used}
          invalid={!!err}
          testId={`override-key-${i}`}
        />
        <ConfigValueInput
          id={`override-value-${row.id}`}
          configKey={row.key}
          value={row.value}
          onChange={(value) => onChange({ value })}
          invalid={!!err}
          testId={`override-value-${i}`}
        />
        <Button
          type="button"
          variant="ghost"
          size="icon"
          aria-label={`Remove override ${row.key || i + 1}`}
          onClick={onRemove}
        >
          <Trash2 className="h-4 w-4" />
        </Button>
      </div>
      {note}
    </div>
  );
}

/** Name, partitions, replication factor and config overrides; errors are keyed by the zod/server path. */
export function CreateTopicForm({ draft, onChange, errors, brokerCount }: Props) {
  const set = (patch: Partial<TopicDraft>) => onChange({ ...draft, ...patch });
  const setRow = (id: number, patch: Partial<OverrideRow>) =>
    set({ overrides: draft.overrides.map((r) => (r.id === id ? { ...r, ...patch } : r)) });
  const used = draft.overrides.map((r) => r.key).filter(Boolean);

  return (
    <div className="space-y-4">
      <Field
        label="Name"
        htmlFor="topic-name"
        error={errors.name}
        hint="Letters, digits, '.', '_' and '-'; up to 249 characters."
        testId="topic-name"
      >
        <Input
          id="topic-name"
          value={draft.name}
          onChange={(e) => set({ name: e.target.value })}
          autoFocus
          autoComplete="off"
          spellCheck={false}
          className="font-mono"
          aria-invalid={!!errors.name || undefined}
          data-testid="topic-name-input"
        />
      </Field>
      <div className="grid grid-cols-2 gap-4">
        <NumberField
          label="Partitions"
          id="topic-partitions"
          testId="topic-partitions"
          error={errors.partitions}
          hint="Can be increased later, never decreased."
          value={draft.partitions}
          onChange={(partitions) => set({ partitions })}
        />
        <NumberField
          label="Replication factor"
          id="topic-rf"
          testId="topic-rf"
          error={errors.replicationFactor}
          hint={
            brokerCount
              ? `At most ${brokerCount}: the cluster has ${brokerCount} broker${brokerCount === 1 ? "" : "s"}.`
              : "Copies of each partition, on different brokers."
          }
          value={draft.replicationFactor}
          onChange={(replicationFactor) => set({ replicationFactor })}
        />
      </div>

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700 dark:text-slate-300">Config overrides</legend>
        {draft.overrides.length === 0 ? (
          <p className="text-xs text-slate-500">None: the topic takes the broker&apos;s defaults.</p>
        ) : null}
        {draft.overrides.map((row, i) => (
          <OverrideEditor
            key={row.id}
            row={row}
            index={i}
            error={errors[`configs.${row.key}`] ?? errors[`overrides.${row.id}`]}
            used={used}
            onChange={(patch) => setRow(row.id, patch)}
            onRemove={() => set({ overrides: draft.overrides.filter((r) => r.id !== row.id) })}
          />
        ))}
        <Button
          type="button"
          size="sm"
          variant="ghost"
          onClick={() => set({ overrides: [...draft.overrides, newOverrideRow()] })}
          data-testid="add-override-row"
        >
          <Plus className="h-4 w-4" /> Add override
        </Button>
      </fieldset>
    </div>
  );
}
