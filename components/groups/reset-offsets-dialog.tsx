"use client";

import { ArrowRight, Users } from "lucide-react";
import { useMemo, useState, type ReactNode } from "react";
import { MutationError } from "@/components/ui/form-errors";
import { Button } from "@/components/ui/button";
import { BusyButton, FormDialogFooter } from "@/components/ui/form-dialog-footer";
import { Dialog } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Tooltip } from "@/components/ui/tooltip";
import { cn } from "@/lib/cn";
import { formatNumber } from "@/lib/format";
import { useResetOffsetsMutation } from "@/lib/queries/groups";
import {
  resetOffsetsBodySchema,
  type GroupDetail,
  type ResetOffsetsBody,
  type ResetPreview,
} from "@/lib/schemas/groups";
import { displayHost } from "./display-host";

type Props = { clusterId: string; group: GroupDetail; onClose: () => void };
type TargetType = ResetOffsetsBody["to"]["type"];

const TARGETS: { type: TargetType; label: string; hint: string }[] = [
  { type: "earliest", label: "Earliest", hint: "the first record still kept" },
  { type: "latest", label: "Latest", hint: "the end: skip everything not yet read" },
  { type: "timestamp", label: "Timestamp", hint: "the first record at or after a time" },
  { type: "offset", label: "Specific offset", hint: "the same offset on every chosen partition" },
  { type: "shift", label: "Shift by ±N", hint: "move each committed offset back (−) or forward (+)" },
];

const cell = "px-3 py-1.5 tabular-nums";
const inputCls = "h-8 w-56 font-mono text-xs";

/** The form as the API body; timestamp is the browser's local time. Numbers that do not parse become NaN so zod explains. */
function toBody(
  topics: Record<string, number[]>,
  type: TargetType,
  v: { time: string; offset: string; shift: string; clamp: boolean },
): ResetOffsetsBody {
  const to: ResetOffsetsBody["to"] =
    type === "timestamp"
      ? { type, timestamp: v.time ? new Date(v.time).getTime() : Number.NaN }
      : type === "offset"
        ? { type, offset: v.offset.trim(), clamp: v.clamp }
        : type === "shift"
          ? { type, by: v.shift.trim() === "" ? Number.NaN : Number(v.shift), clamp: v.clamp }
          : { type };
  return {
    topics: Object.entries(topics).map(([topic, partitions]) =>
      partitions.length ? { topic, partitions: [...partitions].sort((a, b) => a - b) } : { topic },
    ),
    to,
  };
}

function PreviewTable({ preview, applied }: { preview: ResetPreview; applied: boolean }) {
  return (
    <div
      className="max-h-72 overflow-auto rounded-md border border-slate-200 dark:border-slate-800"
      data-testid={applied ? "reset-result" : "reset-preview"}
    >
      <table className="w-full text-sm">
        <thead className="sticky top-0 bg-slate-100 text-left text-xs uppercase tracking-wide text-slate-600 dark:bg-slate-800 dark:text-slate-300">
          <tr>
            {["Topic", "Partition", applied ? "Was → now" : "Current → new offset", "Lag after"].map((h, i) => (
              <th key={h} className={cn("px-3 py-2 font-semibold", i > 0 && "text-right")}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.partitions.map((p) => {
            const same = p.current === p.next;
            return (
              <tr
                key={`${p.topic}-${p.partition}`}
                className="border-t border-slate-100 dark:border-slate-800"
                data-testid={`reset-preview-row-${p.topic}-${p.partition}`}
              >
                <td className="max-w-48 truncate px-3 py-1.5 font-mono text-xs" title={p.topic}>
                  {p.topic}
                </td>
                <td className={cn(cell, "text-right")}>{p.partition}</td>
                <td className={cn(cell, "text-right font-mono text-xs")}>
                  <span className="inline-flex items-center gap-1.5">
                    <span data-testid="reset-current">
                      {p.current ?? <span className="font-sans text-slate-400">none</span>}
                    </span>
                    <ArrowRight className="h-3 w-3 text-slate-400" aria-label="to" />
                    <span
                      data-testid="reset-next"
                      className={cn(!same && "font-semibold text-brand-700 dark:text-cyan-300")}
                    >
                      {p.next}
                    </span>
                  </span>
                  {p.note ? (
                    <span
                      className="block font-sans text-[11px] text-amber-700 dark:text-amber-300"
                      data-testid="reset-note"
                    >
                      {p.note}
                    </span>
                  ) : null}
                </td>
                <td className={cn(cell, "text-right")} data-testid="reset-lag-after">
                  <span
                    className={p.lagAfter > 0 ? "font-medium text-amber-700 dark:text-amber-300" : "text-slate-500"}
                  >
                    {formatNumber(p.lagAfter)}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Reset a group's committed offsets: choose topics (and optionally partitions) and a target, preview the broker's
 * answer as a dry run, then apply it. Applying needs a fresh preview and a group without active members.
 */
export function ResetOffsetsDialog({ clusterId, group, onClose }: Props) {
  const partitionsByTopic = useMemo(() => {
    const m = new Map<string, number[]>();
    for (const p of group.partitions) m.set(p.topic, [...(m.get(p.topic) ?? []), p.partition]);
    return m;
  }, [group.partitions]);
  const allTopics = [...partitionsByTopic.keys()];

  // Chosen topics → chosen partitions ([] = all partitions of the topic).
  const [chosen, setChosen] = useState<Record<string, number[]>>(() =>
    Object.fromEntries(allTopics.map((t) => [t, []])),
  );
  const [type, setType] = useState<TargetType>("earliest");
  const [values, setValues] = useState({ time: "", offset: "", shift: "", clamp: false });
  const [error, setError] = useState<string>();
  const preview = useResetOffsetsMutation(clusterId, group.groupId);
  const apply = useResetOffsetsMutation(clusterId, group.groupId);

  const body = toBody(chosen, type, values);
  const bodyKey = JSON.stringify(body);
  // A preview only counts for the form it was computed from.
  const [previewKey, setPreviewKey] = useState<string>();
  const previewFresh = !!preview.data && previewKey === bodyKey;
  const members = group.members;
  const applyBlocked =
    members.length > 0
      ? `The group has ${members.length} active member${members.length === 1 ? "" : "s"}: Kafka only accepts new offsets once every consumer has stopped.`
      : !previewFresh
        ? "Preview first: Apply writes exactly what the preview shows."
        : undefined;

  const edit = (fn: () => void) => {
    fn();
    setError(undefined);
    apply.reset();
  };
  const toggleTopic = (topic: string, on: boolean) =>
    edit(() => setChosen(({ [topic]: _drop, ...rest }) => (on ? { ...rest, [topic]: [] } : rest)));
  const togglePartition = (topic: string, p: number, on: boolean) =>
    edit(() =>
      setChosen((c) => ({ ...c, [topic]: on ? [...(c[topic] ?? []), p] : (c[topic] ?? []).filter((x) => x !== p) })),
    );

  const runPreview = () => {
    const parsed = resetOffsetsBodySchema.safeParse(body);
    if (!parsed.success) {
      setError(parsed.error.issues[0].message);
      return;
    }
    setError(undefined);
    setPreviewKey(bodyKey);
    preview.mutate({ body, dryRun: true });
  };
  const runApply = () => {
    if (applyBlocked) return;
    apply.mutate({ body, dryRun: false });
  };

  const timezone = useMemo(() => Intl.DateTimeFormat().resolvedOptions().timeZone, []);
  const done = apply.data;

  let targetInput: ReactNode = null;
  if (type === "timestamp") {
    targetInput = (
      <>
        <Input
          type="datetime-local"
          step={1}
          aria-label="Reset to time"
          className={inputCls}
          value={values.time}
          onChange={(e) => edit(() => setValues({ ...values, time: e.target.value }))}
          data-testid="reset-timestamp-input"
        />
        <span className="text-xs text-slate-500">{timezone} time</span>
      </>
    );
  } else if (type === "offset") {
    targetInput = (
      <Input
        inputMode="numeric"
        aria-label="Offset"
        placeholder="e.g. 1000"
        className={inputCls}
        value={values.offset}
        onChange={(e) => edit(() => setValues({ ...values, offset: e.target.value }))}
        data-testid="reset-offset-input"
      />
    );
  } else if (type === "shift") {
    targetInput = (
      <Input
        type="number"
        aria-label="Shift by"
        placeholder="e.g. -100 or 50"
        className={inputCls}
        value={values.shift}
        onChange={(e) => edit(() => setValues({ ...values, shift: e.target.value }))}
        data-testid="reset-shift-input"
      />
    );
  }
  return (
    <Dialog
      onClose={onClose}
      size="lg"
      testId="reset-offsets-dialog"
      title="Reset offsets"
      description={
        <>
          Moves the committed offsets of <span className="font-mono">{group.groupId}</span>. Its consumers continue from
          the new offsets when they next start.
        </>
      }
      footer={
        done ? (
          <Button variant="primary" onClick={onClose} data-testid="reset-done">
            Done
          </Button>
        ) : (
          <FormDialogFooter onCancel={onClose}>
            <BusyButton
              onClick={runPreview}
              disabled={preview.isPending || apply.isPending}
              busy={preview.isPending}
              busyLabel="Previewing…"
              data-testid="preview-reset-button"
            >
              Preview
            </BusyButton>
            <Tooltip content={applyBlocked}>
              <BusyButton
                variant="danger"
                onClick={runApply}
                disabled={!!applyBlocked || apply.isPending || preview.isPending}
                busy={apply.isPending}
                busyLabel="Applying…"
                data-testid="apply-reset-button"
              >
                Apply
              </BusyButton>
            </Tooltip>
          </FormDialogFooter>
        )
      }
    >
      {done ? (
        <div className="space-y-3">
          <p className="text-sm" role="status" data-testid="reset-applied">
            Offsets reset on {formatNumber(done.partitions.length)} partition{done.partitions.length === 1 ? "" : "s"}.
          </p>
          <PreviewTable preview={done} applied />
        </div>
      ) : (
        <div className="space-y-5">
          {members.length > 0 ? (
            <div
              role="note"
              className="space-y-1 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950/40 dark:text-amber-200"
              data-testid="reset-members-warning"
            >
              <p className="flex items-center gap-2 font-medium">
                <Users className="h-4 w-4 shrink-0" aria-hidden /> Stop the group&apos;s consumers before applying
              </p>
              <p>
                Kafka only moves the offsets of a group without active members. You can preview now; Apply is enabled
                once these have stopped:
              </p>
              <ul className="list-inside list-disc font-mono text-xs">
                {members.map((m) => (
                  <li key={m.memberId}>
                    {m.clientId}@{displayHost(m.clientHost)}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <MutationError
            action="reset the offsets of"
            topic={group.groupId}
            error={apply.error}
            testId="reset-apply-error"
          />

          <fieldset className="space-y-2">
            <legend className="mb-1 text-sm font-medium text-slate-700 dark:text-slate-300">
              Topics and partitions
            </legend>
            <p className="text-xs text-slate-500 dark:text-slate-400">Tick no partition to reset them all.</p>
            <div className="max-h-48 space-y-2 overflow-auto rounded-md border border-slate-200 p-3 dark:border-slate-800">
              {allTopics.map((topic) => {
                const on = topic in chosen;
                return (
                  <div key={topic} className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
                    <label className="inline-flex min-w-0 items-center gap-2">
                      <input
                        type="checkbox"
                        className="h-4 w-4 accent-brand-600"
                        checked={on}
                        onChange={(e) => toggleTopic(topic, e.target.checked)}
                        data-testid={`reset-topic-${topic}`}
                      />
                      <span className="truncate font-mono text-xs">{topic}</span>
                    </label>
                    <span className="flex flex-wrap items-center gap-2 text-xs text-slate-600 dark:text-slate-400">
                      {partitionsByTopic.get(topic)!.map((p) => (
                        <label key={p} className={cn("inline-flex items-center gap-1", !on && "opacity-40")}>
                          <input
                            type="checkbox"
                            className="accent-brand-600"
                            disabled={!on}
                            checked={on && chosen[topic].includes(p)}
                            onChange={(e) => togglePartition(topic, p, e.target.checked)}
                            data-testid={`reset-partition-${topic}-${p}`}
                          />
                          <span className="tabular-nums">{p}</span>
                        </label>
                      ))}
                      {on && chosen[topic].length === 0 ? <span className="text-slate-400">all partitions</span> : null}
                    </span>
                  </div>
                );
              })}
            </div>
          </fieldset>

          <fieldset className="space-y-2 text-sm">
            <legend className="mb-1 text-sm font-medium text-slate-700 dark:text-slate-300">Reset to</legend>
            {TARGETS.map((t) => (
              <div key={t.type} className="flex flex-wrap items-center gap-x-3 gap-y-1">
                <label className="inline-flex w-40 items-center gap-2">
                  <input
                    type="radio"
                    name="reset-target"
                    className="accent-brand-600"
                    checked={type === t.type}
                    onChange={() => edit(() => setType(t.type))}
                    data-testid={`reset-target-${t.type}`}
                  />
                  {t.label}
                </label>
                {t.type === type && targetInput ? (
                  targetInput
                ) : (
                  <span className="text-xs text-slate-500 dark:text-slate-400">{t.hint}</span>
                )}
              </div>
            ))}
            {type === "offset" || type === "shift" ? (
              <label className="ml-40 inline-flex items-center gap-2 pl-3 text-xs text-slate-600 dark:text-slate-400">
                <input
                  type="checkbox"
                  checked={values.clamp}
                  onChange={(e) => edit(() => setValues({ ...values, clamp: e.target.checked }))}
                  data-testid="reset-clamp"
                />
                Clamp to each partition&apos;s range (otherwise a target outside it is refused)
              </label>
            ) : null}
          </fieldset>

          {error ? (
            <p className="text-xs text-red-600 dark:text-red-400" role="alert" data-testid="reset-form-error">
              {error}
            </p>
          ) : null}
          <MutationError
            action="preview the reset of"
            topic={group.groupId}
            error={preview.error}
            testId="reset-preview-error"
          />

          {preview.data && !preview.error ? (
            <div className={cn("space-y-2", !previewFresh && "opacity-50")}>
              <h3 className="text-sm font-medium text-slate-700 dark:text-slate-300">
                Preview{" "}
                {previewFresh ? null : (
                  <span className="font-normal text-slate-500">(out of date: the form changed, preview again)</span>
                )}
              </h3>
              <PreviewTable preview={preview.data} applied={false} />
            </div>
          ) : null}
        </div>
      )}
    </Dialog>
  );
}
