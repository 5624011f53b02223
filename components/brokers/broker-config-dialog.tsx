"use client";

import { useState } from "react";
import { ConfigDiffView } from "@/components/ui/config-diff";
import { MutationError } from "@/components/ui/form-errors";
import { PreviewApplyFooter } from "@/components/ui/form-dialog-footer";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useAlterBrokerConfigMutation } from "@/lib/queries/clusters";
import type { BrokerConfigChangeBody } from "@/lib/schemas/configs";
import type { ConfigDiff } from "@/lib/schemas/topics";

type Op = "set" | "reset" | "append" | "subtract";
const OPS: { value: Op; label: string }[] = [
  { value: "set", label: "Set the value" },
  { value: "reset", label: "Reset (remove the override)" },
  { value: "append", label: "Append list items" },
  { value: "subtract", label: "Subtract list items" },
];

type Props = {
  clusterId: string;
  /** the broker whose page opened the dialog; "default" when opened from the cluster-wide defaults */
  broker: number | "default";
  initialKey?: string;
  initialValue?: string;
  initialOp?: Op;
  onClose: () => void;
};

function bodyOf(op: Op, key: string, value: string): BrokerConfigChangeBody {
  if (op === "reset") return { reset: [key] };
  return { [op]: { [key]: value } };
}

type Scope = number | "default";
type Preview = { body: BrokerConfigChangeBody; diff: ConfigDiff };

/** A monospace text input for a config's name or value. */
function ConfigTextField({
  id,
  label,
  hint,
  value,
  onChange,
}: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <Field label={label} htmlFor={id} hint={hint}>
      <Input
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className="font-mono"
        autoComplete="off"
        data-testid={id}
      />
    </Field>
  );
}

type FormProps = {
  broker: Scope;
  scope: Scope;
  keyName: string;
  op: Op;
  value: string;
  /** every change makes the preview stale */
  onChange: (change: Partial<{ scope: Scope; key: string; op: Op; value: string }>) => void;
  onSubmit: () => void;
};

/** Which broker (or every broker), which config, which operation and value. */
function BrokerConfigForm({ broker, scope, keyName, op, value, onChange, onSubmit }: FormProps) {
  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {typeof broker === "number" ? (
        <Field label="Applies to" htmlFor="broker-config-scope">
          <Select
            id="broker-config-scope"
            value={String(scope)}
            onChange={(e) => onChange({ scope: e.target.value === "default" ? "default" : broker })}
            data-testid="broker-config-scope"
          >
            <option value={String(broker)}>Broker {broker} only</option>
            <option value="default">Every broker (cluster-wide default)</option>
          </Select>
        </Field>
      ) : null}
      <ConfigTextField
        id="broker-config-key"
        label="Config"
        hint="A dynamic broker config, e.g. log.cleaner.threads or message.max.bytes."
        value={keyName}
        onChange={(key) => onChange({ key })}
      />
      <Field label="Operation" htmlFor="broker-config-op">
        <Select
          id="broker-config-op"
          value={op}
          onChange={(e) => onChange({ op: e.target.value as Op })}
          data-testid="broker-config-op"
        >
          {OPS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
      </Field>
      {op !== "reset" ? (
        <ConfigTextField
          id="broker-config-value"
          label={op === "set" ? "New value" : "Items (comma-separated)"}
          value={value}
          onChange={(v) => onChange({ value: v })}
        />
      ) : null}
      <button type="submit" hidden />
    </form>
  );
}

function PreviewView({ preview, where }: { preview: Preview; where: string }) {
  if (preview.diff.changes.length) return <ConfigDiffView diff={preview.diff} />;
  return (
    <p className="text-sm text-slate-500" data-testid="config-diff-empty">
      Nothing would change: {where} already has this value.
    </p>
  );
}

function BrokerConfigFooter({
  preview,
  pending,
  missing,
  onBack,
  onPreview,
  onApply,
  onClose,
}: {
  preview: Preview | null;
  pending: boolean;
  missing: string | null;
  onBack: () => void;
  onPreview: () => void;
  onApply: () => void;
  onClose: () => void;
}) {
  return (
    <PreviewApplyFooter
      onCancel={onClose}
      onBack={preview ? onBack : undefined}
      backDisabled={pending}
      previewing={!preview}
      preview={{
        onClick: onPreview,
        disabled: pending || !!missing,
        title: missing ?? undefined,
        busy: pending,
        testId: "broker-config-preview",
      }}
      apply={{
        onClick: onApply,
        disabled: pending || !preview?.diff.changes.length,
        busy: pending,
        testId: "broker-config-apply",
      }}
    />
  );
}

/**
 * Changes one dynamic broker config — on one broker or as the cluster-wide default — with IncrementalAlterConfigs.
 * "Preview" asks the broker to validate the change (validateOnly) and shows the diff or the broker's refusal;
 * "Apply" is possible only after a successful preview of exactly what is applied.
 */
export function BrokerConfigDialog({
  clusterId,
  broker,
  initialKey = "",
  initialValue = "",
  initialOp = "set",
  onClose,
}: Props) {
  const [form, setForm] = useState({ scope: broker as Scope, key: initialKey, op: initialOp, value: initialValue });
  const { scope, key, op, value } = form;
  const [preview, setPreview] = useState<Preview | null>(null);
  const perBroker = useAlterBrokerConfigMutation(clusterId, typeof broker === "number" ? broker : -1);
  const clusterDefault = useAlterBrokerConfigMutation(clusterId, "default");
  const mutation = scope === "default" ? clusterDefault : perBroker;
  const where = scope === "default" ? "every broker (cluster-wide default)" : `broker ${scope}`;

  const reset = () => {
    setPreview(null);
    perBroker.reset();
    clusterDefault.reset();
  };
  const runPreview = () => {
    const body = bodyOf(op, key.trim(), value);
    mutation.mutate({ body, dryRun: true }, { onSuccess: (diff) => setPreview({ body, diff }) });
  };
  const apply = () => preview && mutation.mutate({ body: preview.body, dryRun: false }, { onSuccess: onClose });
  const missing = !key.trim()
    ? "give the config's name"
    : op !== "reset" && op !== "set" && !value.trim()
      ? "give the items, comma-separated"
      : null;

  return (
    <Dialog
      onClose={onClose}
      testId="broker-config-dialog"
      title="Change a dynamic broker config"
      description={
        preview ? (
          <>
            The broker validated this change for {where} without applying it. Apply it if the diff is what you expect.
          </>
        ) : (
          <>Changes are validated by the broker first (validateOnly) and applied only when you confirm.</>
        )
      }
      footer={
        <BrokerConfigFooter
          preview={preview}
          pending={mutation.isPending}
          missing={missing}
          onBack={reset}
          onPreview={runPreview}
          onApply={apply}
          onClose={onClose}
        />
      }
    >
      <div className="space-y-4">
        <MutationError
          action={preview ? "apply the change to" : "validate the change for"}
          topic={where}
          error={mutation.error}
          testId="broker-config-error"
        />
        {preview ? (
          <PreviewView preview={preview} where={where} />
        ) : (
          <BrokerConfigForm
            broker={broker}
            scope={scope}
            keyName={key}
            op={op}
            value={value}
            onChange={(change) => {
              setForm((f) => ({ ...f, ...change }));
              reset();
            }}
            onSubmit={() => {
              if (!missing) runPreview();
            }}
          />
        )}
      </div>
    </Dialog>
  );
}
