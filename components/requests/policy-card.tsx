"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useCan } from "@/components/ui/me-context";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { ErrorState } from "@/components/ui/states";
import { ApiClientError } from "@/lib/api/client";
import { formatDuration } from "@/lib/format";
import { policyOptions, useSavePolicy } from "@/lib/queries/requests";
import type { Policy } from "@/lib/schemas/requests";

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

function PolicyDialog({ clusterId, policy, onClose }: { clusterId: string; policy: Policy; onClose: () => void }) {
  const [d, setD] = useState({
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
        requiredConfigs: d.requiredConfigs
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean),
        minRetentionMs: d.minRetentionMs || null,
        maxRetentionMs: d.maxRetentionMs || null,
        namePattern: d.namePattern || null,
      },
      { onSuccess: onClose },
    );
  const num = (k: "minPartitions" | "maxPartitions" | "minReplication" | "maxReplication", label: string) => (
    <Field label={label} htmlFor={`pol-${k}`} error={fieldError(k)}>
      <Input
        id={`pol-${k}`}
        type="number"
        min={1}
        value={d[k]}
        onChange={(e) => setD({ ...d, [k]: Number(e.target.value) })}
      />
    </Field>
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
      <div className="grid gap-3 sm:grid-cols-2">
        <label className="flex items-center gap-2 text-sm sm:col-span-2">
          <input
            type="checkbox"
            checked={d.requireTeamPrefix}
            onChange={(e) => setD({ ...d, requireTeamPrefix: e.target.checked })}
          />{" "}
          Names must start with the team&apos;s prefix
        </label>
        <div className="sm:col-span-2">
          <Field
            label="Name pattern (regular expression, optional)"
            htmlFor="pol-pattern"
            error={fieldError("namePattern")}
          >
            <Input
              id="pol-pattern"
              className="font-mono"
              value={d.namePattern}
              onChange={(e) => setD({ ...d, namePattern: e.target.value })}
            />
          </Field>
        </div>
        {num("minPartitions", "Min partitions")}
        {num("maxPartitions", "Max partitions")}
        {num("minReplication", "Min replication factor")}
        {num("maxReplication", "Max replication factor")}
        <Field label="Min retention (ms)" htmlFor="pol-minret" error={fieldError("minRetentionMs")}>
          <Input
            id="pol-minret"
            value={d.minRetentionMs}
            onChange={(e) => setD({ ...d, minRetentionMs: e.target.value })}
          />
        </Field>
        <Field label="Max retention (ms)" htmlFor="pol-maxret" error={fieldError("maxRetentionMs")}>
          <Input
            id="pol-maxret"
            value={d.maxRetentionMs}
            onChange={(e) => setD({ ...d, maxRetentionMs: e.target.value })}
          />
        </Field>
        <div className="sm:col-span-2">
          <Field label="Required configs" htmlFor="pol-req" hint="Comma-separated, e.g. retention.ms, cleanup.policy">
            <Input
              id="pol-req"
              className="font-mono"
              value={d.requiredConfigs}
              onChange={(e) => setD({ ...d, requiredConfigs: e.target.value })}
            />
          </Field>
        </div>
      </div>
      {save.error ? <ErrorState className="mt-3" title="Not saved" message={save.error.message} /> : null}
    </Dialog>
  );
}
