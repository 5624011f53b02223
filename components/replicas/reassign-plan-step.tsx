"use client";

import { useState } from "react";
import { MutationError } from "@/components/ui/form-errors";
import { Button } from "@/components/ui/button";
import { BusyButton } from "@/components/ui/form-dialog-footer";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { usePreviewReassignment, useStartReassignment } from "@/lib/queries/replicas";
import { reassignmentPlanSchema, type ReassignmentPlanInput, type ReassignmentStatus } from "@/lib/schemas/replicas";
import { PreviewTable } from "./reassign-tables";

type Mode = "generate" | "manual";

const MODES: { mode: Mode; label: string }[] = [
  { mode: "generate", label: "Generate a balanced plan" },
  { mode: "manual", label: "Edit the plan by hand" },
];

/** "0: 1,2,3" per line → manual plan partitions; null with the reason when a line cannot be read. */
export function parsePlanText(
  text: string,
): { partitions: { partition: number; replicas: number[] }[] } | { error: string } {
  const partitions: { partition: number; replicas: number[] }[] = [];
  for (const [i, raw] of text.split("\n").entries()) {
    const line = raw.trim();
    if (!line) continue;
    const m = /^(\d+)\s*:\s*(\d+(?:\s*,\s*\d+)*)$/.exec(line);
    if (!m) return { error: `line ${i + 1}: write "partition: broker, broker, …" (for example "0: 1, 2, 3")` };
    partitions.push({ partition: Number(m[1]), replicas: m[2].split(",").map((s) => Number(s.trim())) });
  }
  return { partitions };
}

/** The plan form: generated (replication factor over chosen brokers) or by hand, the throttle, preview and start. */
function usePlanForm(clusterId: string, topic: string, status: ReassignmentStatus) {
  const rfNow = Math.max(...status.partitions.map((p) => p.replicas.length));
  const [mode, setMode] = useState<Mode>("generate");
  const [rf, setRf] = useState(String(rfNow));
  const [brokers, setBrokers] = useState<number[]>(status.brokers.map((b) => b.id));
  const [text, setText] = useState(() =>
    status.partitions.map((p) => `${p.partition}: ${p.replicas.join(", ")}`).join("\n"),
  );
  const [throttle, setThrottle] = useState("");
  const [formError, setFormError] = useState<string>();
  const preview = usePreviewReassignment(clusterId, topic);
  const start = useStartReassignment(clusterId, topic);

  const plan = (): ReassignmentPlanInput | null => {
    let candidate: unknown;
    if (mode === "generate") {
      candidate = { mode, replicationFactor: rf.trim() === "" ? Number.NaN : Number(rf), brokers };
    } else {
      const parsed = parsePlanText(text);
      if ("error" in parsed) return (setFormError(parsed.error), null);
      candidate = { mode, partitions: parsed.partitions };
    }
    const r = reassignmentPlanSchema.safeParse(candidate);
    if (!r.success) return (setFormError(r.error.issues[0].message), null);
    setFormError(undefined);
    return r.data;
  };
  const throttleBytes = (): number | undefined | null => {
    if (!throttle.trim()) return undefined;
    const mb = Number(throttle);
    if (!Number.isFinite(mb) || mb <= 0) return (setFormError("the throttle is a positive number of MB/s"), null);
    return Math.max(1024, Math.round(mb * 1024 * 1024));
  };
  /** Any change to the plan makes the preview (and a failed start) stale. */
  const changed = (fn: () => void) => {
    fn();
    preview.reset();
    start.reset();
  };
  return {
    rfNow,
    mode,
    rf,
    brokers,
    text,
    throttle,
    formError,
    preview,
    start,
    chooseMode: (m: Mode) => changed(() => setMode(m)),
    changeRf: (v: string) => changed(() => setRf(v)),
    toggleBroker: (id: number, on: boolean) =>
      changed(() => setBrokers((xs) => (on ? [...xs, id].sort((x, y) => x - y) : xs.filter((x) => x !== id)))),
    changeText: (v: string) => changed(() => setText(v)),
    changeThrottle: (v: string) => {
      setThrottle(v);
      start.reset();
    },
    runPreview: () => {
      const p = plan();
      if (p) preview.mutate(p);
    },
    runStart: (onStarted: (partitions: number[]) => void) => {
      const p = plan();
      const t = throttleBytes();
      if (p && t !== null) {
        start.mutate(
          { plan: p, ...(t ? { throttleBytesPerSecond: t } : {}) },
          { onSuccess: (r) => onStarted(r.moves.map((m) => m.partition)) },
        );
      }
    },
  };
}

type PlanForm = ReturnType<typeof usePlanForm>;

function ModePicker({ form }: { form: PlanForm }) {
  return (
    <fieldset className="flex gap-4 text-sm" data-testid="reassign-mode">
      {MODES.map((m) => (
        <label key={m.mode} className="flex items-center gap-2">
          <input
            type="radio"
            name="mode"
            checked={form.mode === m.mode}
            onChange={() => form.chooseMode(m.mode)}
            data-testid={`reassign-mode-${m.mode}`}
          />{" "}
          {m.label}
        </label>
      ))}
    </fieldset>
  );
}

function GenerateFields({ form, status }: { form: PlanForm; status: ReassignmentStatus }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field
        label="Replication factor"
        htmlFor="reassign-rf"
        hint={`Now ${form.rfNow}; ${status.brokers.length} brokers are registered.`}
      >
        <Input
          id="reassign-rf"
          type="number"
          min={1}
          value={form.rf}
          onChange={(e) => form.changeRf(e.target.value)}
          data-testid="reassign-rf"
        />
      </Field>
      <div className="space-y-1 text-sm">
        <p className="font-medium">Brokers to place replicas on</p>
        {status.brokers.map((b) => (
          <label key={b.id} className="flex items-center gap-2">
            <input
              type="checkbox"
              checked={form.brokers.includes(b.id)}
              onChange={(e) => form.toggleBroker(b.id, e.target.checked)}
              data-testid={`reassign-broker-${b.id}`}
            />
            Broker {b.id}{" "}
            <span className="font-mono text-slate-500">
              {b.host}:{b.port}
            </span>
          </label>
        ))}
      </div>
    </div>
  );
}

function ManualPlanField({ form, partitions }: { form: PlanForm; partitions: number }) {
  return (
    <Field
      label="Replicas per partition"
      htmlFor="reassign-plan"
      hint={`One line per partition: "partition: broker, broker, …"; the first broker is the preferred leader. Lines left as they are change nothing.`}
    >
      <Textarea
        id="reassign-plan"
        rows={Math.min(10, partitions + 1)}
        className="font-mono"
        value={form.text}
        onChange={(e) => form.changeText(e.target.value)}
        data-testid="reassign-plan"
      />
    </Field>
  );
}

function ThrottleField({ form }: { form: PlanForm }) {
  return (
    <Field
      label="Throttle (MB/s, optional)"
      htmlFor="reassign-throttle"
      hint="Limits replication traffic on the brokers involved while replicas copy; removed when the reassignment is done or cancelled."
    >
      <Input
        id="reassign-throttle"
        type="number"
        min={0}
        step="any"
        value={form.throttle}
        onChange={(e) => form.changeThrottle(e.target.value)}
        placeholder="no throttle"
        data-testid="reassign-throttle"
      />
    </Field>
  );
}

function PlanErrors({ form, topic }: { form: PlanForm; topic: string }) {
  return (
    <>
      {form.formError ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300" data-testid="reassign-form-error">
          {form.formError}
        </p>
      ) : null}
      <MutationError
        action="plan a reassignment of"
        topic={topic}
        error={form.preview.error}
        testId="reassign-preview-error"
      />
      <MutationError
        action="start the reassignment of"
        topic={topic}
        error={form.start.error}
        testId="reassign-start-error"
      />
    </>
  );
}

function PlanActions({
  form,
  onStarted,
  onClose,
}: {
  form: PlanForm;
  onStarted: (partitions: number[]) => void;
  onClose: () => void;
}) {
  const { preview, start } = form;
  return (
    <div className="flex justify-end gap-2 border-t border-slate-100 pt-4 dark:border-slate-800">
      <Button type="button" onClick={onClose}>
        Close
      </Button>
      <BusyButton
        type="submit"
        disabled={preview.isPending}
        busy={preview.isPending}
        busyLabel="Checking…"
        data-testid="reassign-preview-button"
      >
        Preview
      </BusyButton>
      <BusyButton
        type="button"
        variant="primary"
        disabled={!preview.data?.moves.length || start.isPending}
        busy={start.isPending}
        busyLabel="Starting…"
        data-testid="reassign-start-button"
        onClick={() => form.runStart(onStarted)}
      >
        Start reassignment
      </BusyButton>
    </div>
  );
}

/** Choose the new placement, preview it, and start it. */
export function PlanStep({
  clusterId,
  topic,
  status,
  onStarted,
  onClose,
}: {
  clusterId: string;
  topic: string;
  status: ReassignmentStatus;
  onStarted: (partitions: number[]) => void;
  onClose: () => void;
}) {
  const form = usePlanForm(clusterId, topic, status);
  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        form.runPreview();
      }}
    >
      <ModePicker form={form} />
      {form.mode === "generate" ? (
        <GenerateFields form={form} status={status} />
      ) : (
        <ManualPlanField form={form} partitions={status.partitions.length} />
      )}
      <ThrottleField form={form} />
      <PlanErrors form={form} topic={topic} />
      {form.preview.data ? <PreviewTable preview={form.preview.data} /> : null}
      <PlanActions form={form} onStarted={onStarted} onClose={onClose} />
    </form>
  );
}
