"use client";

import { useState } from "react";
import { ConfigDiffView } from "@/components/ui/config-diff";
import { MutationError } from "@/components/ui/form-errors";
import { Button } from "@/components/ui/button";
import { BusyButton, FormDialogFooter } from "@/components/ui/form-dialog-footer";
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
  const [scope, setScope] = useState<number | "default">(broker);
  const [key, setKey] = useState(initialKey);
  const [op, setOp] = useState<Op>(initialOp);
  const [value, setValue] = useState(initialValue);
  const [preview, setPreview] = useState<{ body: BrokerConfigChangeBody; diff: ConfigDiff } | null>(null);
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

  const previewView = preview?.diff.changes.length ? (
    <ConfigDiffView diff={preview.diff} />
  ) : (
    <p className="text-sm text-slate-500" data-testid="config-diff-empty">
      Nothing would change: {where} already has this value.
    </p>
  );
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
        <FormDialogFooter
          onCancel={onClose}
          back={
            preview ? (
              <Button variant="ghost" className="mr-auto" onClick={reset} disabled={mutation.isPending}>
                Back
              </Button>
            ) : null
          }
        >
          {preview ? (
            <BusyButton
              variant="primary"
              onClick={apply}
              disabled={mutation.isPending || preview.diff.changes.length === 0}
              busy={mutation.isPending}
              busyLabel="Applying…"
              data-testid="broker-config-apply"
            >
              Apply
            </BusyButton>
          ) : (
            <BusyButton
              variant="primary"
              onClick={runPreview}
              disabled={mutation.isPending || !!missing}
              title={missing ?? undefined}
              busy={mutation.isPending}
              busyLabel="Checking…"
              data-testid="broker-config-preview"
            >
              Preview change
            </BusyButton>
          )}
        </FormDialogFooter>
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
          previewView
        ) : (
          <form
            className="space-y-4"
            onSubmit={(e) => {
              e.preventDefault();
              if (!missing) runPreview();
            }}
          >
            {typeof broker === "number" ? (
              <Field label="Applies to" htmlFor="broker-config-scope">
                <Select
                  id="broker-config-scope"
                  value={String(scope)}
                  onChange={(e) => {
                    setScope(e.target.value === "default" ? "default" : broker);
                    reset();
                  }}
                  data-testid="broker-config-scope"
                >
                  <option value={String(broker)}>Broker {broker} only</option>
                  <option value="default">Every broker (cluster-wide default)</option>
                </Select>
              </Field>
            ) : null}
            <Field
              label="Config"
              htmlFor="broker-config-key"
              hint="A dynamic broker config, e.g. log.cleaner.threads or message.max.bytes."
            >
              <Input
                id="broker-config-key"
                value={key}
                onChange={(e) => {
                  setKey(e.target.value);
                  reset();
                }}
                className="font-mono"
                autoComplete="off"
                data-testid="broker-config-key"
              />
            </Field>
            <Field label="Operation" htmlFor="broker-config-op">
              <Select
                id="broker-config-op"
                value={op}
                onChange={(e) => {
                  setOp(e.target.value as Op);
                  reset();
                }}
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
              <Field label={op === "set" ? "New value" : "Items (comma-separated)"} htmlFor="broker-config-value">
                <Input
                  id="broker-config-value"
                  value={value}
                  onChange={(e) => {
                    setValue(e.target.value);
                    reset();
                  }}
                  className="font-mono"
                  autoComplete="off"
                  data-testid="broker-config-value"
                />
              </Field>
            ) : null}
            <button type="submit" hidden />
          </form>
        )}
      </div>
    </Dialog>
  );
}
