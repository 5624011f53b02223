"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useCan } from "@/components/ui/me-context";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Dialog } from "@/components/ui/dialog";
import { ErrorState } from "@/components/ui/states";
import { TextField } from "@/components/ui/text-field";
import { ApiClientError } from "@/lib/api/client";
import { formatDuration } from "@/lib/format";
import { policyOptions, useSavePolicy } from "@/lib/queries/requests";
import type { Policy } from "@/lib/schemas/requests";
import { NumberFields, type NumberFieldSpec } from "./number-fields";
import { commaList } from "./request-draft";

const ms = (v: string | null) => (v ? formatDuration(Number(v)) : "any");

/** The cluster's request policy in plain words; admins edit it. */
export function PolicyCard({ clusterId }: { clusterId: string }) {
  const q = useQuery(policyOptions(clusterId));
  const canEdit = useCan(clusterId, "policies:manage");
  const [editing, setEditing] = useState(false);
  if (!q.data) return null;
  const p = q.data;
  return (
    <Card data-testid="policy-card">
      <CardHeader>
        <p className="text-sm font-semibold">Policy for new requests</p>
        {canEdit ? (
          <Button size="sm" onClick={() => setEditing(true)} data-testid="policy-edit">
            Edit
          </Button>
        ) : null}
      </CardHeader>
      <CardBody>
        <ul className="space-y-1 text-sm text-slate-700 dark:text-slate-300">
          <li>
            {p.requireTeamPrefix
              ? "Names start with the owning team's prefix"
              : "Any name (changes still only to the team's own topics)"}
          </li>
          {p.namePattern ? (
            <li>
              Names match <code className="font-mono">{p.namePattern}</code>
            </li>
          ) : null}
          <li>
            Partitions {p.minPartitions}–{p.maxPartitions}; replication factor {p.minReplication}–{p.maxReplication}
          </li>
          <li>
            Retention {ms(p.minRetentionMs)} to {ms(p.maxRetentionMs)}
          </li>
          {p.requiredConfigs.length ? <li>Must set {p.requiredConfigs.join(", ")}</li> : null}
        </ul>
        {p.updatedBy ? (
          <p className="mt-2 text-xs text-slate-500">Last changed by {p.updatedBy}</p>
        ) : (
          <p className="mt-2 text-xs text-slate-500">Sluice&apos;s defaults (no policy saved yet)</p>
        )}
      </CardBody>
      {editing ? <PolicyDialog clusterId={clusterId} policy={p} onClose={() => setEditing(false)} /> : null}
    </Card>
  );
}

type PolicyDraft = Omit<Policy, "requiredConfigs" | "minRetentionMs" | "maxRetentionMs" | "namePattern"> & {
  requiredConfigs: string;
  minRetentionMs: string;
  maxRetentionMs: string;
  namePattern: string;
};

type Count = "minPartitions" | "maxPartitions" | "minReplication" | "maxReplication";
const COUNT_FIELDS: NumberFieldSpec<Count>[] = (
  [
    ["minPartitions", "Min partitions"],
    ["maxPartitions", "Max partitions"],
    ["minReplication", "Min replication factor"],
    ["maxReplication", "Max replication factor"],
  ] as const
).map(([key, label]) => ({ key, label, id: `pol-${key}` }));

type TextKey = "namePattern" | "minRetentionMs" | "maxRetentionMs" | "requiredConfigs";
/** The policy's text inputs; a wide one (monospace) spans the form, a checked one shows the server's error. */
const TEXT_FIELDS: Record<TextKey, { label: string; id: string; hint?: string; wide?: boolean; checked?: boolean }> = {
  namePattern: { label: "Name pattern (regular expression, optional)", id: "pol-pattern", wide: true, checked: true },
  minRetentionMs: { label: "Min retention (ms)", id: "pol-minret", checked: true },
  maxRetentionMs: { label: "Max retention (ms)", id: "pol-maxret", checked: true },
  requiredConfigs: {
    label: "Required configs",
    id: "pol-req",
    hint: "Comma-separated, e.g. retention.ms, cleanup.policy",
    wide: true,
  },
};

type FieldsProps = {
  d: PolicyDraft;
  set: (patch: Partial<PolicyDraft>) => void;
  fieldError: (f: string) => string | undefined;
};

function PolicyText({ field, d, set, fieldError }: FieldsProps & { field: TextKey }) {
  const f = TEXT_FIELDS[field];
  const input = (
    <TextField
      label={f.label}
      id={f.id}
      hint={f.hint}
      error={f.checked ? fieldError(field) : undefined}
      className={f.wide ? "font-mono" : undefined}
      value={d[field]}
      onValue={(v) => set({ [field]: v })}
    />
  );
  return f.wide ? <div className="sm:col-span-2">{input}</div> : input;
}

/** The policy's inputs: prefix rule, name pattern, partition and replication bounds, retention, required configs. */
function PolicyFields(props: FieldsProps) {
  const { d, set, fieldError } = props;
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <label className="flex items-center gap-2 text-sm sm:col-span-2">
        <input
          type="checkbox"
          checked={d.requireTeamPrefix}
          onChange={(e) => set({ requireTeamPrefix: e.target.checked })}
        />{" "}
        Names must start with the team&apos;s prefix
      </label>
      <PolicyText field="namePattern" {...props} />
      <NumberFields
        specs={COUNT_FIELDS}
        values={d}
        onValue={(k, v) => set({ [k]: Number(v) })}
        fieldError={fieldError}
      />
      {(["minRetentionMs", "maxRetentionMs", "requiredConfigs"] as const).map((k) => (
        <PolicyText key={k} field={k} {...props} />
      ))}
    </div>
  );
}

function PolicyDialog({ clusterId, policy, onClose }: { clusterId: string; policy: Policy; onClose: () => void }) {
  const [d, setD] = useState<PolicyDraft>({
    ...policy,
    requiredConfigs: policy.requiredConfigs.join(", "),
    minRetentionMs: policy.minRetentionMs ?? "",
    maxRetentionMs: policy.maxRetentionMs ?? "",
    namePattern: policy.namePattern ?? "",
  });
  const save = useSavePolicy(clusterId);
  const fieldError = (f: string) =>
    save.error instanceof ApiClientError ? save.error.details.find((x) => x.path === f)?.issue : undefined;
  const submit = () =>
    save.mutate(
      {
        ...d,
        requiredConfigs: commaList(d.requiredConfigs),
        minRetentionMs: d.minRetentionMs || null,
        maxRetentionMs: d.maxRetentionMs || null,
        namePattern: d.namePattern || null,
      },
      { onSuccess: onClose },
    );
  return (
    <Dialog
      onClose={onClose}
      title="Edit request policy"
      description="Applies to requests submitted from now on."
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" onClick={submit} disabled={save.isPending} data-testid="policy-save">
            Save policy
          </Button>
        </>
      }
    >
      <PolicyFields d={d} set={(patch) => setD({ ...d, ...patch })} fieldError={fieldError} />
      {save.error ? <ErrorState className="mt-3" title="Not saved" message={save.error.message} /> : null}
    </Dialog>
  );
}
