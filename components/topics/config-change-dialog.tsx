"use client";

import { useEffect, useState, type ReactNode } from "react";
import { PreviewApplyFooter } from "@/components/ui/form-dialog-footer";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Options, Select } from "@/components/ui/select";
import { useAlterTopicConfigMutation } from "@/lib/queries/topics";
import type { AlterTopicConfigBody, ConfigDiff } from "@/lib/schemas/topics";
import { TOPIC_CONFIGS, validateTopicConfigValue } from "@/lib/topic-configs";
import { ConfigDiffView } from "@/components/ui/config-diff";
import { ConfigKeySelect, ConfigValueInput, configHint } from "./config-inputs";
import { MutationError } from "@/components/ui/form-errors";

export type ConfigChange =
  | { kind: "edit"; key: string; value: string; override?: boolean }
  | { kind: "reset"; key: string }
  | { kind: "add"; exclude: string[] };

type Op = "set" | "reset" | "append" | "subtract";
/** The value field's label where the operation reads differently from setting a value. */
const VALUE_LABELS: Partial<Record<Op, string>> = {
  append: "Items to append (comma-separated)",
  subtract: "Items to remove (comma-separated)",
};

const OP_LABELS: Record<Op, string> = {
  set: "Set the value",
  reset: "Reset to default (remove the override)",
  append: "Append to the list",
  subtract: "Subtract from the list",
};

/** List-type keys (cleanup.policy, the throttled-replica lists) also take APPEND and SUBTRACT. */
const isListConfig = (key: string) => TOPIC_CONFIGS[key]?.type === "list" || TOPIC_CONFIGS[key]?.type === "replicas";

/** The operations the dialog offers for a key: reset only for an override, append/subtract only for lists. */
function opsFor(change: ConfigChange, key: string): Op[] {
  return [
    "set" as const,
    ...(change.kind === "edit" && change.override ? (["reset"] as const) : []),
    ...(isListConfig(key) ? (["append", "subtract"] as const) : []),
  ];
}

type Props = { clusterId: string; topic: string; change: ConfigChange; onClose: () => void };

const TITLES = { edit: "Edit config", reset: "Reset to default", add: "Add config override" } as const;

/** The key (chosen when adding), the operation where there is a choice, and the value. */
function ConfigChangeForm({
  change,
  configKey,
  ops,
  op,
  value,
  fieldError,
  onKey,
  onOp,
  onValue,
  onSubmit,
}: {
  change: ConfigChange;
  configKey: string;
  ops: Op[];
  op: Op;
  value: string;
  fieldError?: string;
  onKey: (key: string) => void;
  onOp: (op: Op) => void;
  onValue: (value: string) => void;
  onSubmit: () => void;
}) {
  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {change.kind === "add" ? (
        <Field
          label="Config"
          htmlFor="config-key"
          hint={configKey ? configHint(configKey) : "Any topic-level config Kafka accepts."}
        >
          <ConfigKeySelect
            id="config-key"
            value={configKey}
            onChange={onKey}
            exclude={change.exclude}
            testId="config-key-select"
          />
        </Field>
      ) : (
        <p className="text-sm">
          <span className="font-mono font-medium">{configKey}</span>
          <span className="block text-xs text-slate-500">{configHint(configKey)}</span>
        </p>
      )}
      {ops.length > 1 ? (
        <Field label="Operation" htmlFor="config-op">
          <Select
            id="config-op"
            className="w-full"
            value={op}
            onChange={(e) => onOp(e.target.value as Op)}
            data-testid="config-op-select"
          >
            <Options values={ops} label={(o) => OP_LABELS[o]} />
          </Select>
        </Field>
      ) : null}
      {op !== "reset" ? (
        <Field label={VALUE_LABELS[op] ?? "New value"} htmlFor="config-value" error={fieldError} testId="config-value">
          <ConfigValueInput
            id="config-value"
            configKey={configKey}
            value={value}
            onChange={onValue}
            invalid={!!fieldError}
            testId="config-value-input"
          />
        </Field>
      ) : null}
      <button type="submit" hidden />
    </form>
  );
}

/** Back (from a diff to the form), Cancel, then "Preview change" while there is input to give, else "Apply". */
function ConfigChangeFooter({
  onCancel,
  onBack,
  busy,
  needsInput,
  checking,
  onPreview,
  applying,
  onApply,
}: {
  onCancel: () => void;
  onBack?: () => void;
  busy: boolean;
  needsInput: boolean;
  checking: boolean;
  onPreview: () => void;
  applying: boolean;
  /** Absent until there is a diff with changes to apply. */
  onApply?: () => void;
}) {
  return (
    <PreviewApplyFooter
      onCancel={onCancel}
      onBack={onBack}
      backDisabled={busy}
      previewing={needsInput}
      preview={{ onClick: onPreview, disabled: busy, busy: checking, testId: "config-preview-button" }}
      apply={{ onClick: onApply, disabled: busy || !onApply, busy: applying, testId: "config-apply-button" }}
    />
  );
}

/** The dialog's draft (key, operation, value), its dry run and diff, and the apply mutation. */
function useConfigChange(clusterId: string, topic: string, change: ConfigChange) {
  const [key, setKey] = useState(change.kind === "add" ? "" : change.key);
  const [value, setValue] = useState(change.kind === "edit" ? change.value : "");
  const [op, setOp] = useState<Op>("set");
  const [fieldError, setFieldError] = useState<string>();
  const [diff, setDiff] = useState<{ body: AlterTopicConfigBody; diff: ConfigDiff } | null>(null);
  const dryRun = useAlterTopicConfigMutation(clusterId, topic);
  const apply = useAlterTopicConfigMutation(clusterId, topic);

  const preview = (body: AlterTopicConfigBody) =>
    dryRun.mutate({ body, dryRun: true }, { onSuccess: (d) => setDiff({ body, diff: d }) });

  const ops = opsFor(change, key);
  const chooseOp = (next: Op) => {
    setOp(next);
    // the current value is what "set" edits; a list operation starts from no items
    setValue(next === "set" && change.kind === "edit" ? change.value : "");
    setFieldError(undefined);
    dryRun.reset();
  };

  const previewEdit = () => {
    if (key && op === "reset") return preview({ reset: [key] });
    const items = op === "append" || op === "subtract";
    const problem = !key
      ? "choose a config"
      : items && !value.trim()
        ? "give the items, comma-separated"
        : validateTopicConfigValue(key, value);
    setFieldError(problem ?? undefined);
    if (!problem) preview(items ? { [op]: { [key]: value.trim() } } : { set: { [key]: value.trim() } });
  };

  // A reset has nothing to fill in: ask for its diff straight away.
  const resetKey = change.kind === "reset" ? change.key : null;
  useEffect(() => {
    if (resetKey) {
      dryRun.mutate(
        { body: { reset: [resetKey] }, dryRun: true },
        { onSuccess: (d) => setDiff({ body: { reset: [resetKey] }, diff: d }) },
      );
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the dialog opens
  }, [resetKey]);

  return {
    key,
    value,
    op,
    ops,
    fieldError,
    diff,
    dryRun,
    apply,
    chooseOp,
    previewEdit,
    chooseKey: (k: string) => {
      setKey(k);
      setValue("");
      setOp("set");
      setFieldError(undefined);
    },
    editValue: (v: string) => {
      setValue(v);
      setFieldError(undefined);
      dryRun.reset();
    },
    back: () => {
      setDiff(null);
      apply.reset();
    },
  };
}

/** Edit, reset or add one config: the broker's dry run shows the diff first; "Apply" makes the change. */
export function ConfigChangeDialog({ clusterId, topic, change, onClose }: Props) {
  const { key, value, op, ops, fieldError, diff, dryRun, apply, chooseOp, chooseKey, editValue, previewEdit, back } =
    useConfigChange(clusterId, topic, change);
  const busy = dryRun.isPending || apply.isPending;
  const needsInput = change.kind !== "reset" && !diff;

  let body: ReactNode = null;
  if (needsInput) {
    body = (
      <ConfigChangeForm
        change={change}
        configKey={key}
        ops={ops}
        op={op}
        value={value}
        fieldError={fieldError}
        onKey={chooseKey}
        onOp={chooseOp}
        onValue={editValue}
        onSubmit={previewEdit}
      />
    );
  } else if (diff) {
    body = <ConfigDiffView diff={diff.diff} />;
  } else if (dryRun.isPending) {
    body = (
      <p className="text-sm text-slate-500" role="status">
        Asking the broker what would change…
      </p>
    );
  }
  return (
    <Dialog
      onClose={onClose}
      testId="config-change-dialog"
      title={TITLES[change.kind]}
      description={
        diff ? (
          <>
            The broker validated this change on <span className="font-mono">{topic}</span> without applying it. Apply it
            if the diff is what you expect.
          </>
        ) : (
          <>
            Changes to <span className="font-mono">{topic}</span> are previewed with a dry run before they are applied.
          </>
        )
      }
      footer={
        <ConfigChangeFooter
          onCancel={onClose}
          onBack={diff && change.kind !== "reset" ? back : undefined}
          busy={busy}
          needsInput={needsInput}
          checking={dryRun.isPending}
          onPreview={previewEdit}
          applying={apply.isPending}
          onApply={
            diff && diff.diff.changes.length > 0
              ? () => apply.mutate({ body: diff.body, dryRun: false }, { onSuccess: onClose })
              : undefined
          }
        />
      }
    >
      <div className="space-y-4">
        <MutationError action="check the change to" topic={topic} error={dryRun.error} testId="config-preview-error" />
        <MutationError
          action="change the configuration of"
          topic={topic}
          error={apply.error}
          testId="config-apply-error"
        />
        {body}
      </div>
    </Dialog>
  );
}
