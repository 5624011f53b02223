"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { useAlterTopicConfigMutation } from "@/lib/queries/topics";
import type { AlterTopicConfigBody, ConfigDiff } from "@/lib/schemas/topics";
import { validateTopicConfigValue } from "@/lib/topic-configs";
import { ConfigDiffView } from "./config-diff";
import { ConfigKeySelect, ConfigValueInput, configHint } from "./config-inputs";
import { MutationError } from "./form-errors";

export type ConfigChange = { kind: "edit"; key: string; value: string } | { kind: "reset"; key: string } | { kind: "add"; exclude: string[] };

type Props = { clusterId: string; topic: string; change: ConfigChange; onClose: () => void };

const TITLES = { edit: "Edit config", reset: "Reset to default", add: "Add config override" } as const;

/** Edit, reset or add one config: the broker's dry run shows the diff first; "Apply" makes the change. */
export function ConfigChangeDialog({ clusterId, topic, change, onClose }: Props) {
  const [key, setKey] = useState(change.kind === "add" ? "" : change.key);
  const [value, setValue] = useState(change.kind === "edit" ? change.value : "");
  const [fieldError, setFieldError] = useState<string>();
  const [diff, setDiff] = useState<{ body: AlterTopicConfigBody; diff: ConfigDiff } | null>(null);
  const dryRun = useAlterTopicConfigMutation(clusterId, topic);
  const apply = useAlterTopicConfigMutation(clusterId, topic);

  const preview = (body: AlterTopicConfigBody) => dryRun.mutate({ body, dryRun: true }, { onSuccess: (d) => setDiff({ body, diff: d }) });

  const previewEdit = () => {
    const problem = key ? validateTopicConfigValue(key, value) : "choose a config";
    setFieldError(problem ?? undefined);
    if (!problem) preview({ set: { [key]: value.trim() } });
  };

  // A reset has nothing to fill in: ask for its diff straight away.
  const resetKey = change.kind === "reset" ? change.key : null;
  useEffect(() => {
    if (resetKey) dryRun.mutate({ body: { reset: [resetKey] }, dryRun: true }, { onSuccess: (d) => setDiff({ body: { reset: [resetKey] }, diff: d }) });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the dialog opens
  }, [resetKey]);

  const busy = dryRun.isPending || apply.isPending;
  const needsInput = change.kind !== "reset" && !diff;

  return (
    <Dialog
      onClose={onClose}
      testId="config-change-dialog"
      title={TITLES[change.kind]}
      description={
        diff ? (
          <>
            The broker validated this change on <span className="font-mono">{topic}</span> without applying it. Apply it if the diff is what you expect.
          </>
        ) : (
          <>
            Changes to <span className="font-mono">{topic}</span> are previewed with a dry run before they are applied.
          </>
        )
      }
      footer={
        <>
          {diff && change.kind !== "reset" ? (
            <Button variant="ghost" className="mr-auto" onClick={() => (setDiff(null), apply.reset())} disabled={busy}>
              Back
            </Button>
          ) : null}
          <Button onClick={onClose}>Cancel</Button>
          {needsInput ? (
            <Button variant="primary" onClick={previewEdit} disabled={busy} data-testid="config-preview-button">
              {dryRun.isPending ? "Checking…" : "Preview change"}
            </Button>
          ) : (
            <Button variant="primary" onClick={() => diff && apply.mutate({ body: diff.body, dryRun: false }, { onSuccess: onClose })} disabled={busy || !diff || diff.diff.changes.length === 0} data-testid="config-apply-button">
              {apply.isPending ? "Applying…" : "Apply"}
            </Button>
          )}
        </>
      }
    >
      <div className="space-y-4">
        <MutationError action="check the change to" topic={topic} error={dryRun.error} testId="config-preview-error" />
        <MutationError action="change the configuration of" topic={topic} error={apply.error} testId="config-apply-error" />
        {needsInput ? (
          <form
            className="space-y-4"
            onSubmit={(e) => {
              e.preventDefault();
              previewEdit();
            }}
          >
            {change.kind === "add" ? (
              <Field label="Config" htmlFor="config-key" hint={key ? configHint(key) : "Any topic-level config Kafka accepts."}>
                <ConfigKeySelect id="config-key" value={key} onChange={(k) => (setKey(k), setValue(""), setFieldError(undefined))} exclude={change.exclude} testId="config-key-select" />
              </Field>
            ) : (
              <p className="text-sm">
                <span className="font-mono font-medium">{key}</span>
                <span className="block text-xs text-slate-500">{configHint(key)}</span>
              </p>
            )}
            <Field label="New value" htmlFor="config-value" error={fieldError} testId="config-value">
              <ConfigValueInput id="config-value" configKey={key} value={value} onChange={(v) => (setValue(v), setFieldError(undefined), dryRun.reset())} invalid={!!fieldError} testId="config-value-input" />
            </Field>
            <button type="submit" hidden />
          </form>
        ) : diff ? (
          <ConfigDiffView diff={diff.diff} />
        ) : dryRun.isPending ? (
          <p className="text-sm text-slate-500" role="status">
            Asking the broker what would change…
          </p>
        ) : null}
      </div>
    </Dialog>
  );
}
