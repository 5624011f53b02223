"use client";

import { useState, type HTMLAttributes, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { ALERT_EVENT_KINDS, ALERT_KIND_LABELS, ALERT_KINDS, type AlertKind } from "@/lib/alerts/rules";
import { TeamSelect, type AlertManage } from "@/components/alerts/team-select";
import { useCreateAlertRule } from "@/lib/queries/alerts";
import { conditionInputs, emptyRuleDraft, ruleChannels, ruleParams, type RuleDraft } from "./rule-draft";

type SetDraft = (patch: Partial<RuleDraft>) => void;

/** One text input of the form: which draft value it edits, its placeholder, label and test id. */
type DraftInputSpec = {
  key: Exclude<keyof RuleDraft, "kind">;
  placeholder: string;
  label: string;
  testId: string;
  type?: "password";
  inputMode?: HTMLAttributes<HTMLInputElement>["inputMode"];
};

const CHANNEL_INPUTS: DraftInputSpec[] = [
  { key: "webhook", placeholder: "webhook URL", label: "Webhook URL", testId: "alert-rule-webhook" },
  {
    key: "secret",
    placeholder: "webhook secret (HMAC)",
    label: "Webhook secret",
    type: "password",
    testId: "alert-rule-secret",
  },
  { key: "slack", placeholder: "Slack incoming-webhook URL", label: "Slack URL", testId: "alert-rule-slack" },
  { key: "email", placeholder: "e-mail to (comma-separated)", label: "E-mail recipients", testId: "alert-rule-email" },
];

function DraftInput({ spec, draft, set }: { spec: DraftInputSpec; draft: RuleDraft; set: SetDraft }) {
  return (
    <Input
      placeholder={spec.placeholder}
      aria-label={spec.label}
      type={spec.type}
      inputMode={spec.inputMode}
      value={draft[spec.key]}
      onChange={(e) => set({ [spec.key]: e.target.value })}
      data-testid={spec.testId}
    />
  );
}

/** The inputs that follow the condition: its target, number and list (as the condition asks), and the hold time. */
function conditionSpecs(kind: AlertKind): DraftInputSpec[] {
  const c = conditionInputs(kind);
  const event = kind === "event";
  const specs: (DraftInputSpec | false)[] = [
    c.target && { key: "target", placeholder: c.targetLabel, label: c.targetLabel, testId: "alert-rule-target" },
    c.number && {
      key: "number",
      placeholder: c.numberLabel,
      label: c.numberLabel,
      inputMode: "decimal",
      testId: "alert-rule-number",
    },
    c.list && {
      key: "statuses",
      placeholder: event ? ALERT_EVENT_KINDS.join(",") : "STALL,STOP,REWIND",
      label: event ? "events" : "statuses",
      testId: "alert-rule-list",
    },
    {
      key: "forSeconds",
      placeholder: "hold for (s), default 0",
      label: "Hold for (seconds)",
      inputMode: "numeric",
      testId: "alert-rule-for",
    },
  ];
  return specs.filter((s) => s !== false);
}

/** Name, condition and its inputs, hold time. */
function ConditionFields({ draft, set }: { draft: RuleDraft; set: SetDraft }) {
  return (
    <div className="grid grid-cols-1 gap-3 md:grid-cols-5">
      <DraftInput
        spec={{ key: "name", placeholder: "name", label: "Rule name", testId: "alert-rule-name" }}
        draft={draft}
        set={set}
      />
      <Select
        aria-label="Condition"
        value={draft.kind}
        onChange={(e) => set({ kind: e.target.value as AlertKind })}
        data-testid="alert-rule-kind"
      >
        {ALERT_KINDS.map((k) => (
          <option key={k} value={k}>
            {ALERT_KIND_LABELS[k]}
          </option>
        ))}
      </Select>
      {conditionSpecs(draft.kind).map((spec) => (
        <DraftInput key={spec.key} spec={spec} draft={draft} set={set} />
      ))}
    </div>
  );
}

/** A new alert rule: condition, hold time and the channels it notifies. */
export function RuleForm({
  clusterId,
  disabled,
  manage,
}: {
  clusterId: string;
  disabled: boolean;
  manage: AlertManage;
}) {
  const create = useCreateAlertRule(clusterId);
  const [draft, setDraft] = useState(() => emptyRuleDraft(manage.admin ? "" : (manage.teams[0]?.id ?? "")));
  const set: SetDraft = (patch) => setDraft((d) => ({ ...d, ...patch }));
  const submit = () =>
    create.mutate({
      name: draft.name,
      params: ruleParams(draft),
      forSeconds: Number(draft.forSeconds) || 0,
      channels: ruleChannels(draft),
      teamId: draft.teamId || null,
    } as never);
  let createStatus: ReactNode = null;
  if (create.error) {
    createStatus = (
      <span role="alert" className="text-sm text-red-700" data-testid="alert-rule-error">
        {create.error.message}
      </span>
    );
  } else if (create.isSuccess) {
    createStatus = <span className="text-sm text-emerald-700">Rule created.</span>;
  }
  return (
    <form
      className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-700"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      data-testid="alert-rule-form"
    >
      <p className="text-sm font-medium">New rule</p>
      <p className="text-xs text-slate-500">
        The condition must hold for the given time before the rule fires; a firing alert is sent again every hour. Add
        at least one channel to be notified.
      </p>
      {manage.teams.length ? (
        <TeamSelect manage={manage} value={draft.teamId} onChange={(teamId) => set({ teamId })} />
      ) : null}
      <ConditionFields draft={draft} set={set} />
      <div className="grid grid-cols-1 gap-3 md:grid-cols-4">
        {CHANNEL_INPUTS.map((spec) => (
          <DraftInput key={spec.key} spec={spec} draft={draft} set={set} />
        ))}
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" variant="primary" disabled={disabled || create.isPending} data-testid="alert-rule-save">
          Create rule
        </Button>
        {createStatus}
      </div>
    </form>
  );
}
