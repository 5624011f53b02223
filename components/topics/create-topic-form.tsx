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
        <Field
          label="Partitions"
          htmlFor="topic-partitions"
          error={errors.partitions}
          hint="Can be increased later, never decreased."
          testId="topic-partitions"
        >
          <Input
            id="topic-partitions"
            type="number"
            min={1}
            inputMode="numeric"
            value={draft.partitions}
            onChange={(e) => set({ partitions: e.target.value })}
            aria-invalid={!!errors.partitions || undefined}
            data-testid="topic-partitions-input"
          />
        </Field>
        <Field
          label="Replication factor"
          htmlFor="topic-rf"
          error={errors.replicationFactor}
          hint={
            brokerCount
              ? `At most ${brokerCount}: the cluster has ${brokerCount} broker${brokerCount === 1 ? "" : "s"}.`
              : "Copies of each partition, on different brokers."
          }
          testId="topic-rf"
        >
          <Input
            id="topic-rf"
            type="number"
            min={1}
            inputMode="numeric"
            value={draft.replicationFactor}
            onChange={(e) => set({ replicationFactor: e.target.value })}
            aria-invalid={!!errors.replicationFactor || undefined}
            data-testid="topic-rf-input"
          />
        </Field>
      </div>

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700 dark:text-slate-300">Config overrides</legend>
        {draft.overrides.length === 0 ? (
          <p className="text-xs text-slate-500">None: the topic takes the broker&apos;s defaults.</p>
        ) : null}
        {draft.overrides.map((row, i) => {
          const err = errors[`configs.${row.key}`] ?? errors[`overrides.${row.id}`];
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
            <div key={row.id} className="space-y-1" data-testid={`override-row-${i}`}>
              <div className="grid grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto] gap-2">
                <ConfigKeySelect
                  id={`override-key-${row.id}`}
                  value={row.key}
                  onChange={(key) => setRow(row.id, { key, value: "" })}
                  exclude={used}
                  invalid={!!err}
                  testId={`override-key-${i}`}
                />
                <ConfigValueInput
                  id={`override-value-${row.id}`}
                  configKey={row.key}
                  value={row.value}
                  onChange={(value) => setRow(row.id, { value })}
                  invalid={!!err}
                  testId={`override-value-${i}`}
                />
                <Button
                  type="button"
                  variant="ghost"
                  size="icon"
                  aria-label={`Remove override ${row.key || i + 1}`}
                  onClick={() => set({ overrides: draft.overrides.filter((r) => r.id !== row.id) })}
                >
                  <Trash2 className="h-4 w-4" />
                </Button>
              </div>
              {note}
            </div>
          );
        })}
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
