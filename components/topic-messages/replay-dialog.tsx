"use client";

import { useState } from "react";
import { MutationError } from "@/components/ui/form-errors";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useReplayDryRunMutation, useStartReplayMutation } from "@/lib/queries/replay";
import { REDRIVE_PRESETS } from "@/lib/schemas/replay";
import { ReplayProgress } from "./replay-progress";

type Kind = "replay" | "redrive";
const check = "flex items-center gap-2 text-sm";

/** Everything the dialog asks for; `kind` decides which of the destination and redrive fields count. */
type Draft = {
  kind: Kind;
  destCluster: string;
  destTopic: string;
  start: "oldest" | "offset" | "timestamp";
  offset: string;
  time: string;
  partitions: string;
  q: string;
  cel: string;
  rate: string;
  keepTimestamps: boolean;
  keepPartition: boolean;
  preset: keyof typeof REDRIVE_PRESETS | "";
  header: string;
  removeErrorHeaders: boolean;
};
type SectionProps = { draft: Draft; set: (patch: Partial<Draft>) => void };
type DryRunResult = NonNullable<ReturnType<typeof useReplayDryRunMutation>["data"]>;

/** The request body of a dry run or a start. */
function toBody(d: Draft) {
  return {
    start: d.start,
    ...(d.start === "offset" ? { offset: d.offset } : {}),
    ...(d.start === "timestamp" && d.time ? { timestamp: new Date(d.time).getTime() } : {}),
    ...(d.partitions.trim() ? { partitions: d.partitions.split(",").map((p) => Number(p.trim())) } : {}),
    ...(d.q ? { q: d.q } : {}),
    ...(d.cel ? { cel: d.cel } : {}),
    ...(d.rate ? { rateLimit: Number(d.rate) } : {}),
    keepTimestamps: d.keepTimestamps,
    ...(d.kind === "replay"
      ? { destination: { clusterId: d.destCluster, topic: d.destTopic }, keepPartition: d.keepPartition }
      : {
          ...(d.preset ? { preset: d.preset } : {}),
          ...(d.header ? { header: d.header } : {}),
          removeErrorHeaders: d.removeErrorHeaders,
        }),
  };
}

/** A labelled text input of the form. */
function TextField({
  label,
  id,
  value,
  onChange,
  className,
  hint,
  testId,
}: {
  label: string;
  id: string;
  value: string;
  onChange: (value: string) => void;
  className: string;
  hint?: string;
  testId?: string;
}) {
  return (
    <Field label={label} htmlFor={id} hint={hint}>
      <Input
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className={className}
        data-testid={testId}
      />
    </Field>
  );
}

/** A labelled select of the form: one option per [value, label] pair. */
function SelectField<T extends string>({
  label,
  id,
  value,
  onChange,
  options,
  testId,
}: {
  label: string;
  id: string;
  value: T;
  onChange: (value: T) => void;
  options: [T, string][];
  testId?: string;
}) {
  return (
    <Field label={label} htmlFor={id}>
      <Select id={id} value={value} onChange={(e) => onChange(e.target.value as T)} data-testid={testId}>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** The operation, then where the records go: a destination topic, or the header naming each one's original topic. */
function TargetFields({ draft, set }: SectionProps) {
  return (
    <div className="flex flex-wrap gap-4">
      <SelectField
        label="Operation"
        id="replay-kind"
        value={draft.kind}
        onChange={(kind) => set({ kind })}
        options={[
          ["replay", "Copy to a topic"],
          ["redrive", "Dead-letter redrive (to each record's original topic)"],
        ]}
        testId="replay-kind"
      />
      {draft.kind === "replay" ? (
        <>
          <TextField
            label="Destination cluster"
            id="replay-dest-cluster"
            value={draft.destCluster}
            onChange={(destCluster) => set({ destCluster })}
            className="w-40 font-mono"
          />
          <TextField
            label="Destination topic"
            id="replay-dest-topic"
            value={draft.destTopic}
            onChange={(destTopic) => set({ destTopic })}
            className="w-72 font-mono"
            testId="replay-dest-topic"
          />
        </>
      ) : (
        <>
          <SelectField
            label="Original-topic header"
            id="replay-preset"
            value={draft.preset}
            onChange={(preset) => set({ preset })}
            options={[
              ["connect", `Kafka Connect (${REDRIVE_PRESETS.connect.header})`],
              ["spring", `Spring (${REDRIVE_PRESETS.spring.header})`],
              ["", "Other header…"],
            ]}
            testId="replay-preset"
          />
          {draft.preset === "" ? (
            <TextField
              label="Header name"
              id="replay-header"
              value={draft.header}
              onChange={(header) => set({ header })}
              className="w-64 font-mono"
            />
          ) : null}
        </>
      )}
    </div>
  );
}

/** Where reading starts, which partitions, and how fast records are written. */
function RangeFields({ draft, set }: SectionProps) {
  return (
    <div className="flex flex-wrap gap-4">
      <SelectField
        label="From"
        id="replay-start"
        value={draft.start}
        onChange={(start) => set({ start })}
        options={[
          ["oldest", "the oldest record"],
          ["offset", "an offset"],
          ["timestamp", "a time"],
        ]}
      />
      {draft.start === "offset" ? (
        <TextField
          label="Offset"
          id="replay-offset"
          value={draft.offset}
          onChange={(offset) => set({ offset })}
          className="w-32 font-mono"
        />
      ) : null}
      {draft.start === "timestamp" ? (
        <Field label="Time" htmlFor="replay-time">
          <Input
            id="replay-time"
            type="datetime-local"
            value={draft.time}
            onChange={(e) => set({ time: e.target.value })}
          />
        </Field>
      ) : null}
      <TextField
        label="Partitions"
        id="replay-partitions"
        hint="comma-separated; empty = all"
        value={draft.partitions}
        onChange={(partitions) => set({ partitions })}
        className="w-32 font-mono"
      />
      <Field label="Rate limit (records/s)" htmlFor="replay-rate" hint="empty = no limit">
        <Input
          id="replay-rate"
          type="number"
          min={1}
          value={draft.rate}
          onChange={(e) => set({ rate: e.target.value })}
          className="w-32"
          data-testid="replay-rate"
        />
      </Field>
    </div>
  );
}

/** The text and CEL filters, then what is kept of each record. */
function FilterAndOptions({ draft, set }: SectionProps) {
  return (
    <>
      <div className="flex flex-wrap gap-4">
        <TextField
          label="Text filter"
          id="replay-q"
          hint="substring in key, value or headers"
          value={draft.q}
          onChange={(q) => set({ q })}
          className="w-64 font-mono"
          testId="replay-q"
        />
        <TextField
          label="CEL filter"
          id="replay-cel"
          hint='e.g. value.customer == "acme"'
          value={draft.cel}
          onChange={(cel) => set({ cel })}
          className="w-80 font-mono"
        />
      </div>
      <div className="flex flex-wrap gap-4">
        <Checkbox
          className={check}
          checked={draft.keepTimestamps}
          onChange={(keepTimestamps) => set({ keepTimestamps })}
        >
          Keep timestamps
        </Checkbox>
        {draft.kind === "replay" ? (
          <Checkbox
            className={check}
            checked={draft.keepPartition}
            onChange={(keepPartition) => set({ keepPartition })}
          >
            Keep partitions
          </Checkbox>
        ) : (
          <Checkbox
            className={check}
            checked={draft.removeErrorHeaders}
            onChange={(removeErrorHeaders) => set({ removeErrorHeaders })}
          >
            Remove the error headers
          </Checkbox>
        )}
      </div>
    </>
  );
}

/** What a dry run found: the count and destinations, a sample of the records, and the skipped ones with why. */
function DryRunSummary({ result }: { result: DryRunResult }) {
  return (
    <section className="space-y-2" data-testid="replay-dry-run-result">
      <p className="text-sm" role="status">
        <strong data-testid="replay-count">{result.count.toLocaleString("en-US")}</strong> record(s) would be written
        {result.destinations.length
          ? ` to ${result.destinations.map((d) => `${d.topic} (${d.count})`).join(", ")}`
          : ""}
        ; {result.scanned.toLocaleString("en-US")} read
        {result.skipped.length ? `, ${result.skipped.length} skipped` : ""}
        {result.capped ? " (stopped counting at the dry run's limit)" : ""}.
      </p>
      {result.sample.length ? (
        <table className="w-full table-fixed text-xs">
          <thead className="text-left text-slate-500">
            <tr>
              <th className="w-28">partition:offset</th>
              <th className="w-32">key</th>
              <th>value</th>
            </tr>
          </thead>
          <tbody className="font-mono">
            {result.sample.map((s) => (
              <tr key={`${s.partition}:${s.offset}`} className="border-t border-slate-100 dark:border-slate-800">
                <td>
                  {s.partition}:{s.offset}
                </td>
                <td className="truncate">{s.key ?? "null"}</td>
                <td className="truncate">{s.value ?? "null"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {result.skipped.map((s) => (
        <p key={`${s.partition}:${s.offset}`} className="text-xs text-amber-700 dark:text-amber-400">
          Skipped {s.partition}:{s.offset}: {s.reason}
        </p>
      ))}
    </section>
  );
}

/**
 * Copy a selection of this topic to another topic (same or another cluster), or redrive a dead-letter topic's
 * records to the topics their header names: dry run first (count, sample, skipped), then start and follow.
 */
export function ReplayDialog({ clusterId, topic, onClose }: { clusterId: string; topic: string; onClose: () => void }) {
  const [draft, setDraft] = useState<Draft>({
    kind: "replay",
    destCluster: clusterId,
    destTopic: "",
    start: "oldest",
    offset: "0",
    time: "",
    partitions: "",
    q: "",
    cel: "",
    rate: "",
    keepTimestamps: false,
    keepPartition: false,
    preset: "connect",
    header: "",
    removeErrorHeaders: true,
  });
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const dry = useReplayDryRunMutation(clusterId, topic, draft.kind);
  const run = useStartReplayMutation(clusterId, topic, draft.kind);
  const job = run.data;
  const result = dry.data;
  return (
    <Dialog
      onClose={onClose}
      size="lg"
      title={`Replay records of ${topic}`}
      description="Copies matching records with their keys and headers through an idempotent producer. Dry run first; the job is audited and can be cancelled and resumed."
      testId="replay-dialog"
      footer={
        <>
          <Button onClick={onClose}>Close</Button>
          <Button
            onClick={() => dry.mutate(toBody(draft))}
            disabled={dry.isPending || !!job}
            data-testid="replay-dry-run"
          >
            {dry.isPending ? "Counting…" : "Dry run"}
          </Button>
          <Button
            variant="primary"
            onClick={() => run.mutate(toBody(draft))}
            disabled={!result || run.isPending || !!job}
            data-testid="replay-start"
          >
            Start
          </Button>
        </>
      }
    >
      <form className="space-y-4" onSubmit={(e) => e.preventDefault()} onChange={() => dry.data && !job && dry.reset()}>
        <TargetFields draft={draft} set={set} />
        <RangeFields draft={draft} set={set} />
        <FilterAndOptions draft={draft} set={set} />
        <MutationError action="dry-run the replay of" topic={topic} error={dry.error} testId="replay-dry-run-error" />
        <MutationError action="start the replay of" topic={topic} error={run.error} testId="replay-start-error" />
        {result ? <DryRunSummary result={result} /> : null}
        {job ? <ReplayProgress clusterId={clusterId} initial={job} /> : null}
      </form>
    </Dialog>
  );
}
