"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { AlertTriangle, ArrowRight, CheckCircle2 } from "lucide-react";
import { useCallback, useMemo, useState, type ReactNode } from "react";
import { MutationError } from "@/components/ui/form-errors";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { BusyButton } from "@/components/ui/form-dialog-footer";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Loading } from "@/components/ui/states";
import { Textarea } from "@/components/ui/textarea";
import { topicKeys } from "@/lib/queries/topics";
import {
  reassignmentStatusOptions,
  replicaPaths,
  useCancelReassignment,
  usePreviewReassignment,
  useStartReassignment,
} from "@/lib/queries/replicas";
import {
  reassignmentPlanSchema,
  type ReassignmentPlanInput,
  type ReassignmentPreview,
  type ReassignmentStatus,
} from "@/lib/schemas/replicas";
import { useEventStream } from "@/lib/sse/use-event-stream";

type Props = { clusterId: string; topic: string; onClose: () => void };

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

const list = (ids: number[]) => (ids.length ? ids.join(", ") : "—");

/**
 * Change a topic's replica placement: a generated balanced plan (replication factor over chosen brokers) or a
 * hand-edited one, previewed (what moves where, checked by the broker), optionally throttled, then followed live
 * over SSE until done, with cancel.
 */
export function ReassignDialog({ clusterId, topic, onClose }: Props) {
  const current = useQuery(reassignmentStatusOptions(clusterId, topic));
  const [started, setStarted] = useState<number[] | null>(null);
  const inProgress = started !== null || (current.data?.inProgress ?? 0) > 0;

  return (
    <Dialog
      onClose={onClose}
      size="lg"
      testId="reassign-dialog"
      title="Reassign replicas"
      description={
        <>
          Change where the replicas of <span className="font-mono">{topic}</span> live, or how many there are.
        </>
      }
    >
      {current.isPending ? <Loading label="Reading the topic's placement…" /> : null}
      {current.error ? <MutationError action="read the placement of" topic={topic} error={current.error} /> : null}
      {current.data && !inProgress ? (
        <PlanStep clusterId={clusterId} topic={topic} status={current.data} onStarted={setStarted} onClose={onClose} />
      ) : null}
      {current.data && inProgress ? (
        <ProgressStep clusterId={clusterId} topic={topic} started={started ?? []} onClose={onClose} />
      ) : null}
    </Dialog>
  );
}

function PlanStep({
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
  const rfNow = Math.max(...status.partitions.map((p) => p.replicas.length));
  const [mode, setMode] = useState<"generate" | "manual">("generate");
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
  const reset = () => {
    preview.reset();
    start.reset();
  };

  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        const p = plan();
        if (p) preview.mutate(p);
      }}
    >
      <fieldset className="flex gap-4 text-sm" data-testid="reassign-mode">
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name="mode"
            checked={mode === "generate"}
            onChange={() => {
              setMode("generate");
              reset();
            }}
            data-testid="reassign-mode-generate"
          />{" "}
          Generate a balanced plan
        </label>
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name="mode"
            checked={mode === "manual"}
            onChange={() => {
              setMode("manual");
              reset();
            }}
            data-testid="reassign-mode-manual"
          />{" "}
          Edit the plan by hand
        </label>
      </fieldset>

      {mode === "generate" ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label="Replication factor"
            htmlFor="reassign-rf"
            hint={`Now ${rfNow}; ${status.brokers.length} brokers are registered.`}
          >
            <Input
              id="reassign-rf"
              type="number"
              min={1}
              value={rf}
              onChange={(e) => {
                setRf(e.target.value);
                reset();
              }}
              data-testid="reassign-rf"
            />
          </Field>
          <div className="space-y-1 text-sm">
            <p className="font-medium">Brokers to place replicas on</p>
            {status.brokers.map((b) => (
              <label key={b.id} className="flex items-center gap-2">
                <input
                  type="checkbox"
                  checked={brokers.includes(b.id)}
                  onChange={(e) => {
                    setBrokers((xs) =>
                      e.target.checked ? [...xs, b.id].sort((x, y) => x - y) : xs.filter((x) => x !== b.id),
                    );
                    reset();
                  }}
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
      ) : (
        <Field
          label="Replicas per partition"
          htmlFor="reassign-plan"
          hint={`One line per partition: "partition: broker, broker, …"; the first broker is the preferred leader. Lines left as they are change nothing.`}
        >
          <Textarea
            id="reassign-plan"
            rows={Math.min(10, status.partitions.length + 1)}
            className="font-mono"
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              reset();
            }}
            data-testid="reassign-plan"
          />
        </Field>
      )}

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
          value={throttle}
          onChange={(e) => {
            setThrottle(e.target.value);
            start.reset();
          }}
          placeholder="no throttle"
          data-testid="reassign-throttle"
        />
      </Field>

      {formError ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300" data-testid="reassign-form-error">
          {formError}
        </p>
      ) : null}
      <MutationError
        action="plan a reassignment of"
        topic={topic}
        error={preview.error}
        testId="reassign-preview-error"
      />
      <MutationError
        action="start the reassignment of"
        topic={topic}
        error={start.error}
        testId="reassign-start-error"
      />

      {preview.data ? <PreviewTable preview={preview.data} /> : null}

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
          onClick={() => {
            const p = plan();
            const t = throttleBytes();
            if (p && t !== null) {
              start.mutate(
                { plan: p, ...(t ? { throttleBytesPerSecond: t } : {}) },
                { onSuccess: (r) => onStarted(r.moves.map((m) => m.partition)) },
              );
            }
          }}
        >
          Start reassignment
        </BusyButton>
      </div>
    </form>
  );
}

function PreviewTable({ preview }: { preview: ReassignmentPreview }) {
  if (!preview.moves.length) {
    return (
      <p
        className="rounded-md border border-slate-200 px-3 py-2 text-sm dark:border-slate-700"
        data-testid="reassign-preview"
      >
        Nothing moves: every partition already has these replicas.
      </p>
    );
  }
  return (
    <div className="space-y-2" data-testid="reassign-preview">
      <p className="text-sm">
        {preview.moves.length} partition{preview.moves.length === 1 ? "" : "s"} change, {preview.unchanged} stay.
        Replication factor {preview.replicationFactor.from}
        {preview.replicationFactor.from !== preview.replicationFactor.to ? ` → ${preview.replicationFactor.to}` : ""}.
      </p>
      <div className="max-h-64 overflow-auto rounded-md border border-slate-200 dark:border-slate-700">
        <table className="w-full text-sm">
          <thead className="bg-slate-50 text-left text-xs uppercase text-slate-500 dark:bg-slate-800/60">
            <tr>
              <th className="px-3 py-2">Partition</th>
              <th className="px-3 py-2">Replicas now → after</th>
              <th className="px-3 py-2">Copied to</th>
              <th className="px-3 py-2">Removed from</th>
              <th className="px-3 py-2">Leader</th>
            </tr>
          </thead>
          <tbody>
            {preview.moves.map((m) => (
              <tr
                key={m.partition}
                className="border-t border-slate-100 dark:border-slate-800"
                data-testid={`reassign-move-${m.partition}`}
              >
                <td className="px-3 py-1.5 font-mono">{m.partition}</td>
                <td className="px-3 py-1.5 font-mono">
                  {list(m.current)} <ArrowRight className="inline h-3 w-3" aria-label="becomes" /> {list(m.target)}
                </td>
                <td className="px-3 py-1.5 font-mono text-emerald-700 dark:text-emerald-300">{list(m.adding)}</td>
                <td className="px-3 py-1.5 font-mono text-red-700 dark:text-red-300">{list(m.removing)}</td>
                <td className="px-3 py-1.5">
                  {m.leaderChanges ? (
                    <Badge tone="warn">moves to {m.target[0]}</Badge>
                  ) : (
                    <span className="text-slate-500">stays</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function ProgressStep({
  clusterId,
  topic,
  started,
  onClose,
}: {
  clusterId: string;
  topic: string;
  started: number[];
  onClose: () => void;
}) {
  const [status, setStatus] = useState<ReassignmentStatus>();
  const [complete, setComplete] = useState<{ throttleRemoved: boolean; throttleLeftOn: number[] }>();
  const [streamProblem, setStreamProblem] = useState<string>();
  const [moving, setMoving] = useState<Set<number>>(() => new Set(started));
  const cancel = useCancelReassignment(clusterId, topic);
  const qc = useQueryClient();
  const onEvent = useCallback(
    (e: { event: string; data: string }) => {
      const data = JSON.parse(e.data);
      if (e.event === "progress") {
        const s = data as ReassignmentStatus;
        setStatus(s);
        setStreamProblem(undefined);
        setMoving((prev) => new Set([...prev, ...s.partitions.filter((p) => p.inProgress).map((p) => p.partition)]));
      } else if (e.event === "complete") {
        setComplete(data);
        // The topic page behind the dialog shows the new replicas and replication factor.
        void qc.invalidateQueries({ queryKey: topicKeys.all(clusterId) });
      } else if (e.event === "error") {
        setStreamProblem(data.message);
      }
    },
    [qc, clusterId],
  );
  const stream = useEventStream({ url: cancel.isSuccess ? null : replicaPaths.stream(clusterId, topic), onEvent });
  const live = useMemo(() => new Set(status?.brokers.map((b) => b.id) ?? []), [status]);
  const total = moving.size;
  const left = status?.inProgress ?? total;
  const done = complete ? total : Math.max(0, total - left);
  const rows = status?.partitions.filter((p) => moving.has(p.partition)) ?? [];

  let progress: ReactNode;
  if (cancel.isSuccess) {
    progress = (
      <p
        className="rounded-md border border-slate-200 px-3 py-2 text-sm dark:border-slate-700"
        data-testid="reassign-cancelled"
      >
        Cancelled: partition{cancel.data.cancelled.length === 1 ? "" : "s"} {cancel.data.cancelled.join(", ")} went back
        to their earlier replicas; the throttle was removed.
      </p>
    );
  } else if (complete) {
    progress = (
      <p
        className="flex items-center gap-2 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:border-emerald-900 dark:bg-emerald-950/40 dark:text-emerald-200"
        data-testid="reassign-complete"
      >
        <CheckCircle2 className="h-4 w-4" aria-hidden /> Reassignment complete.
        {complete.throttleRemoved ? " The replication throttle was removed." : ""}
        {complete.throttleLeftOn.length
          ? ` Brokers ${complete.throttleLeftOn.join(", ")} still carry a throttle (they did not answer).`
          : ""}
      </p>
    );
  } else {
    progress = (
      <div className="space-y-1">
        <div className="flex justify-between text-sm">
          <span>
            {done} of {total || "…"} partition{total === 1 ? "" : "s"} moved
          </span>
          <span className="text-slate-500">{stream.state === "open" ? "live" : stream.state}</span>
        </div>
        <div
          className="h-2 overflow-hidden rounded bg-slate-100 dark:bg-slate-800"
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={total}
          aria-valuenow={done}
        >
          <div
            className="h-full bg-brand-600 transition-all"
            style={{ width: `${total ? (100 * done) / total : 0}%` }}
          />
        </div>
      </div>
    );
  }
  return (
    <div className="space-y-4" data-testid="reassign-progress">
      {progress}
      {streamProblem ? (
        <p
          role="status"
          className="flex items-start gap-2 text-sm text-amber-800 dark:text-amber-300"
          data-testid="reassign-stream-problem"
        >
          <AlertTriangle className="mt-0.5 h-4 w-4 shrink-0" aria-hidden /> {streamProblem} Retrying…
        </p>
      ) : null}
      <MutationError
        action="cancel the reassignment of"
        topic={topic}
        error={cancel.error}
        testId="reassign-cancel-error"
      />
      {rows.length ? (
        <div className="max-h-64 overflow-auto rounded-md border border-slate-200 dark:border-slate-700">
          <table className="w-full text-sm">
            <thead className="bg-slate-50 text-left text-xs uppercase text-slate-500 dark:bg-slate-800/60">
              <tr>
                <th className="px-3 py-2">Partition</th>
                <th className="px-3 py-2">Replicas</th>
                <th className="px-3 py-2">In sync</th>
                <th className="px-3 py-2">Copying to</th>
                <th className="px-3 py-2">State</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => {
                const down = p.replicas.filter((b) => !live.has(b) || p.offline.includes(b));
                return (
                  <tr
                    key={p.partition}
                    className="border-t border-slate-100 dark:border-slate-800"
                    data-testid={`reassign-partition-${p.partition}`}
                  >
                    <td className="px-3 py-1.5 font-mono">{p.partition}</td>
                    <td className="px-3 py-1.5 font-mono">{list(p.replicas)}</td>
                    <td className="px-3 py-1.5 font-mono">{list(p.isr)}</td>
                    <td className="px-3 py-1.5 font-mono">{list(p.adding)}</td>
                    <td className="px-3 py-1.5">
                      {p.inProgress ? <Badge tone="info">copying</Badge> : <Badge tone="ok">done</Badge>}
                      {down.length ? (
                        <Badge tone="bad" className="ml-1" data-testid="reassign-broker-down">
                          broker {down.join(", ")} down
                        </Badge>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      <div className="flex justify-end gap-2 border-t border-slate-100 pt-4 dark:border-slate-800">
        {!complete && !cancel.isSuccess ? (
          <BusyButton
            variant="danger"
            onClick={() => cancel.mutate()}
            disabled={cancel.isPending}
            busy={cancel.isPending}
            busyLabel="Cancelling…"
            data-testid="reassign-cancel-button"
          >
            Cancel reassignment
          </BusyButton>
        ) : null}
        <Button onClick={onClose}>Close</Button>
      </div>
    </div>
  );
}
