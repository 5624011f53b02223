"use client";

import { Users } from "lucide-react";
import { useMemo } from "react";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { cn } from "@/lib/cn";
import type { GroupDetail } from "@/lib/schemas/groups";
import { displayHost } from "./display-host";
import type { ResetOffsetsForm, TargetType } from "./use-reset-offsets-form";

const TARGETS: { type: TargetType; label: string; hint: string }[] = [
  { type: "earliest", label: "Earliest", hint: "the first record still kept" },
  { type: "latest", label: "Latest", hint: "the end: skip everything not yet read" },
  { type: "timestamp", label: "Timestamp", hint: "the first record at or after a time" },
  { type: "offset", label: "Specific offset", hint: "the same offset on every chosen partition" },
  { type: "shift", label: "Shift by ±N", hint: "move each committed offset back (−) or forward (+)" },
];

/** The text inputs of the targets that take a value. */
const VALUE_INPUTS: Partial<
  Record<TargetType, { key: "offset" | "shift"; label: string; placeholder: string; numeric: boolean }>
> = {
  offset: { key: "offset", label: "Offset", placeholder: "e.g. 1000", numeric: true },
  shift: { key: "shift", label: "Shift by", placeholder: "e.g. -100 or 50", numeric: false },
};

const inputCls = "h-8 w-56 font-mono text-xs";

/** Who still consumes: Kafka only moves the offsets of a group without active members. */
export function MembersWarning({ members }: { members: GroupDetail["members"] }) {
  return (
    <div
      role="note"
      className="space-y-1 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950/40 dark:text-amber-200"
      data-testid="reset-members-warning"
    >
      <p className="flex items-center gap-2 font-medium">
        <Users className="h-4 w-4 shrink-0" aria-hidden /> Stop the group&apos;s consumers before applying
      </p>
      <p>
        Kafka only moves the offsets of a group without active members. You can preview now; Apply is enabled once these
        have stopped:
      </p>
      <ul className="list-inside list-disc font-mono text-xs">
        {members.map((m) => (
          <li key={m.memberId}>
            {m.clientId}@{displayHost(m.clientHost)}
          </li>
        ))}
      </ul>
    </div>
  );
}

function TopicRow({ form, topic }: { form: ResetOffsetsForm; topic: string }) {
  const on = topic in form.chosen;
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
      <label className="inline-flex min-w-0 items-center gap-2">
        <input
          type="checkbox"
          className="h-4 w-4 accent-brand-600"
          checked={on}
          onChange={(e) => form.toggleTopic(topic, e.target.checked)}
          data-testid={`reset-topic-${topic}`}
        />
        <span className="truncate font-mono text-xs">{topic}</span>
      </label>
      <span className="flex flex-wrap items-center gap-2 text-xs text-slate-600 dark:text-slate-400">
        {form.partitionsByTopic.get(topic)!.map((p) => (
          <label key={p} className={cn("inline-flex items-center gap-1", !on && "opacity-40")}>
            <input
              type="checkbox"
              className="accent-brand-600"
              disabled={!on}
              checked={on && form.chosen[topic].includes(p)}
              onChange={(e) => form.togglePartition(topic, p, e.target.checked)}
              data-testid={`reset-partition-${topic}-${p}`}
            />
            <span className="tabular-nums">{p}</span>
          </label>
        ))}
        {on && form.chosen[topic].length === 0 ? <span className="text-slate-400">all partitions</span> : null}
      </span>
    </div>
  );
}

/** Which topics, and optionally which of their partitions, to reset. */
export function TopicPartitionPicker({ form }: { form: ResetOffsetsForm }) {
  return (
    <fieldset className="space-y-2">
      <legend className="mb-1 text-sm font-medium text-slate-700 dark:text-slate-300">Topics and partitions</legend>
      <p className="text-xs text-slate-500 dark:text-slate-400">Tick no partition to reset them all.</p>
      <div className="max-h-48 space-y-2 overflow-auto rounded-md border border-slate-200 p-3 dark:border-slate-800">
        {[...form.partitionsByTopic.keys()].map((topic) => (
          <TopicRow key={topic} form={form} topic={topic} />
        ))}
      </div>
    </fieldset>
  );
}

/** The input of the chosen target, if it takes a value. */
function TargetInput({ form }: { form: ResetOffsetsForm }) {
  const timezone = useMemo(() => Intl.DateTimeFormat().resolvedOptions().timeZone, []);
  if (form.type === "timestamp") {
    return (
      <>
        <Input
          type="datetime-local"
          step={1}
          aria-label="Reset to time"
          className={inputCls}
          value={form.values.time}
          onChange={(e) => form.setValue("time", e.target.value)}
          data-testid="reset-timestamp-input"
        />
        <span className="text-xs text-slate-500">{timezone} time</span>
      </>
    );
  }
  const input = VALUE_INPUTS[form.type];
  if (!input) return null;
  return (
    <Input
      {...(input.numeric ? { inputMode: "numeric" as const } : { type: "number" })}
      aria-label={input.label}
      placeholder={input.placeholder}
      className={inputCls}
      value={form.values[input.key]}
      onChange={(e) => form.setValue(input.key, e.target.value)}
      data-testid={`reset-${input.key}-input`}
    />
  );
}

function hasInput(type: TargetType) {
  return type === "timestamp" || type in VALUE_INPUTS;
}

/** Where to move the offsets to: one of the targets, its value, and whether to clamp to each partition's range. */
export function TargetPicker({ form }: { form: ResetOffsetsForm }) {
  const clampable: TargetType[] = ["offset", "shift"];
  return (
    <fieldset className="space-y-2 text-sm">
      <legend className="mb-1 text-sm font-medium text-slate-700 dark:text-slate-300">Reset to</legend>
      {TARGETS.map((t) => (
        <div key={t.type} className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <label className="inline-flex w-40 items-center gap-2">
            <input
              type="radio"
              name="reset-target"
              className="accent-brand-600"
              checked={form.type === t.type}
              onChange={() => form.chooseType(t.type)}
              data-testid={`reset-target-${t.type}`}
            />
            {t.label}
          </label>
          {t.type === form.type && hasInput(t.type) ? (
            <TargetInput form={form} />
          ) : (
            <span className="text-xs text-slate-500 dark:text-slate-400">{t.hint}</span>
          )}
        </div>
      ))}
      {clampable.includes(form.type) ? (
        <Checkbox
          className="ml-40 inline-flex items-center gap-2 pl-3 text-xs text-slate-600 dark:text-slate-400"
          checked={form.values.clamp}
          onChange={(on) => form.setValue("clamp", on)}
          testId="reset-clamp"
        >
          Clamp to each partition&apos;s range (otherwise a target outside it is refused)
        </Checkbox>
      ) : null}
    </fieldset>
  );
}
