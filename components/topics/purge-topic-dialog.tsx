"use client";

import { useState, type Dispatch, type SetStateAction } from "react";
import { Button } from "@/components/ui/button";
import { BusyButton, FormDialogFooter } from "@/components/ui/form-dialog-footer";
import { Dialog } from "@/components/ui/dialog";
import { formatNumber } from "@/lib/format";
import { usePurgeTopicMutation } from "@/lib/queries/topics";
import {
  purgeTopicBodySchema,
  type PurgeResultSchema,
  type PurgeTopicBody,
  type TopicDetail,
} from "@/lib/schemas/topics";
import type { z } from "zod";
import { MutationError } from "@/components/ui/form-errors";

type Partition = TopicDetail["partitions"][number];
type PurgeTopicResult = z.infer<typeof PurgeResultSchema>;
type Props = { clusterId: string; topic: string; partitions: Partition[]; onClose: () => void };

const cell = "px-3 py-1.5 tabular-nums";
const headClass =
  "bg-slate-100 text-left text-xs uppercase tracking-wide text-slate-600 dark:bg-slate-800 dark:text-slate-300";

function HeadRow({ columns, sticky }: { columns: string[]; sticky?: boolean }) {
  return (
    <thead className={sticky ? `sticky top-0 ${headClass}` : headClass}>
      <tr>
        {columns.map((h) => (
          <th key={h} className="px-3 py-2 font-semibold">
            {h}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** What the purge deleted: the total, then each partition's start offset before and after. */
function PurgeResult({ result }: { result: PurgeTopicResult }) {
  const total = result.partitions.reduce((s, p) => s + p.deleted, 0);
  return (
    <div className="space-y-3" data-testid="purge-result">
      <p className="text-sm">
        Deleted{" "}
        <span className="font-semibold tabular-nums" data-testid="purge-total">
          {formatNumber(total)}
        </span>{" "}
        record{total === 1 ? "" : "s"}.
      </p>
      <table className="w-full text-sm">
        <HeadRow columns={["Partition", "Start before", "Start after", "Deleted"]} />
        <tbody>
          {result.partitions.map((p) => (
            <tr
              key={p.partition}
              className="border-t border-slate-100 dark:border-slate-800"
              data-testid={`purge-result-${p.partition}`}
            >
              <td className={cell}>{p.partition}</td>
              <td className={`${cell} font-mono text-xs`}>{p.before}</td>
              <td className={`${cell} font-mono text-xs`}>{p.after}</td>
              <td className={cell}>{formatNumber(p.deleted)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ModeRadio({
  checked,
  onChoose,
  label,
  testId,
}: {
  checked: boolean;
  onChoose: () => void;
  label: string;
  testId: string;
}) {
  return (
    <label className="flex items-center gap-2">
      <input
        type="radio"
        name="purge-mode"
        className="accent-brand-600"
        checked={checked}
        onChange={onChoose}
        data-testid={testId}
      />
      {label}
    </label>
  );
}

/** Each partition with its offsets: tick it and give the offset to delete before. */
function PartitionPicker({
  partitions,
  picked,
  setPicked,
}: {
  partitions: Partition[];
  picked: Record<number, string>;
  setPicked: Dispatch<SetStateAction<Record<number, string>>>;
}) {
  const toggle = (p: Partition, on: boolean) =>
    setPicked(({ [p.partition]: _drop, ...rest }) => (on ? { ...rest, [p.partition]: p.endOffset ?? "0" } : rest));
  return (
    <div className="max-h-64 overflow-auto rounded-md border border-slate-200 dark:border-slate-800">
      <table className="w-full text-sm">
        <HeadRow columns={["Partition", "Start", "End", "Delete before offset"]} sticky />
        <tbody>
          {partitions.map((p) => {
            const on = p.partition in picked;
            return (
              <tr key={p.partition} className="border-t border-slate-100 dark:border-slate-800">
                <td className={cell}>
                  <label className="inline-flex items-center gap-2">
                    <input
                      type="checkbox"
                      className="accent-brand-600"
                      checked={on}
                      onChange={(e) => toggle(p, e.target.checked)}
                      data-testid={`purge-partition-${p.partition}`}
                    />
                    {p.partition}
                  </label>
                </td>
                <td className={`${cell} font-mono text-xs`}>{p.startOffset ?? "—"}</td>
                <td className={`${cell} font-mono text-xs`}>{p.endOffset ?? "—"}</td>
                <td className="px-3 py-1">
                  <input
                    aria-label={`Offset for partition ${p.partition}`}
                    className="h-8 w-32 rounded-md border border-slate-300 bg-white px-2 font-mono text-xs disabled:opacity-40 dark:border-slate-700 dark:bg-slate-900"
                    disabled={!on}
                    value={picked[p.partition] ?? ""}
                    onChange={(e) => setPicked({ ...picked, [p.partition]: e.target.value })}
                    data-testid={`purge-offset-${p.partition}`}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Delete records: everything, or per partition everything before an offset. Shows what was deleted afterwards. */
export function PurgeTopicDialog({ clusterId, topic, partitions, onClose }: Props) {
  const [mode, setMode] = useState<"all" | "partitions">("all");
  const [picked, setPicked] = useState<Record<number, string>>({});
  const [error, setError] = useState<string>();
  const mutation = usePurgeTopicMutation(clusterId, topic);
  const result = mutation.data;

  const submit = () => {
    const body: PurgeTopicBody =
      mode === "all"
        ? { all: true }
        : {
            partitions: Object.entries(picked).map(([p, offset]) => ({ partition: Number(p), offset: offset.trim() })),
          };
    const parsed = purgeTopicBodySchema.safeParse(body);
    setError(parsed.success ? undefined : parsed.error.issues[0].message);
    if (parsed.success) mutation.mutate(body);
  };
  return (
    <Dialog
      onClose={onClose}
      testId="purge-topic-dialog"
      title="Purge records"
      description={
        <>
          Deletes records from <span className="font-mono">{topic}</span> by moving each partition&apos;s start offset
          forward. Consumers behind it skip to the new start.
        </>
      }
      footer={
        result ? (
          <Button variant="primary" onClick={onClose} data-testid="purge-done">
            Done
          </Button>
        ) : (
          <FormDialogFooter onCancel={onClose}>
            <BusyButton
              variant="danger"
              onClick={submit}
              disabled={mutation.isPending}
              busy={mutation.isPending}
              busyLabel="Purging…"
              data-testid="purge-submit"
            >
              {mode === "all" ? "Purge all records" : "Purge selected"}
            </BusyButton>
          </FormDialogFooter>
        )
      }
    >
      {result ? (
        <PurgeResult result={result} />
      ) : (
        <div className="space-y-4">
          <MutationError action="purge" topic={topic} error={mutation.error} />
          <fieldset className="space-y-2 text-sm">
            <legend className="sr-only">What to delete</legend>
            <ModeRadio
              checked={mode === "all"}
              onChoose={() => setMode("all")}
              label={`All records in all ${partitions.length} partitions`}
              testId="purge-mode-all"
            />
            <ModeRadio
              checked={mode === "partitions"}
              onChoose={() => setMode("partitions")}
              label="Chosen partitions, up to (not including) an offset"
              testId="purge-mode-partitions"
            />
          </fieldset>
          {mode === "partitions" ? (
            <PartitionPicker partitions={partitions} picked={picked} setPicked={setPicked} />
          ) : null}
          {error ? (
            <p className="text-xs text-red-600 dark:text-red-400" role="alert">
              {error}
            </p>
          ) : null}
        </div>
      )}
    </Dialog>
  );
}
