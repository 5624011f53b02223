"use client";

import { CheckCircle2, Plus, XCircle } from "lucide-react";
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useMe } from "@/components/ui/me-context";
import { Blocked } from "@/components/ui/blocked";
import { Button } from "@/components/ui/button";
import { BusyButton, FormDialogFooter } from "@/components/ui/form-dialog-footer";
import { Textarea } from "@/components/ui/textarea";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { ErrorState } from "@/components/ui/states";
import { Tooltip } from "@/components/ui/tooltip";
import { ApiClientError } from "@/lib/api/client";
import { paths } from "@/lib/paths";
import { connectClustersOptions } from "@/lib/queries/connect";
import { usePreviewRequest, useSubmitRequest } from "@/lib/queries/requests";
import {
  ACCESS_REQUEST_KINDS,
  TOPIC_REQUEST_KINDS,
  type RequestPreview,
  type SubmitRequestBody,
} from "@/lib/schemas/requests";
import { AccessFields, accessBody, EMPTY_ACCESS, TopicGrantFields, type AccessDraft } from "./access-fields";
import { KIND_LABEL } from "./request-status";

const FORM_KINDS = [...TOPIC_REQUEST_KINDS, ...ACCESS_REQUEST_KINDS, "connector"] as const;
type FormKind = (typeof FORM_KINDS)[number];
const isAccessKind = (k: FormKind): k is (typeof ACCESS_REQUEST_KINDS)[number] =>
  (ACCESS_REQUEST_KINDS as readonly string[]).includes(k);

type Draft = {
  kind: FormKind;
  topicName: string;
  teamId: string;
  partitions: string;
  replicationFactor: string;
  configs: string;
  reset: string;
  justification: string;
  access: AccessDraft;
  connectId: string;
};

/** "key=value" per line → object; malformed lines are reported, not dropped. */
function parseConfigLines(text: string): { values: Record<string, string>; bad: string[] } {
  const values: Record<string, string> = {};
  const bad: string[] = [];
  for (const line of text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)) {
    const eq = line.indexOf("=");
    if (eq <= 0) bad.push(line);
    else values[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  }
  return { values, bad };
}

function toBody(d: Draft): { body?: SubmitRequestBody; error?: string } {
  if (isAccessKind(d.kind)) {
    return {
      body: {
        kind: d.kind,
        teamId: d.teamId,
        justification: d.justification,
        ...accessBody(d.kind, d.access),
      } as SubmitRequestBody,
    };
  }
  const base = { topicName: d.topicName.trim(), teamId: d.teamId, justification: d.justification };
  const { values, bad } = parseConfigLines(d.configs);
  if (bad.length) return { error: `Write configs as key=value, one per line (not "${bad[0]}").` };
  switch (d.kind) {
    case "connector":
      return {
        body: {
          kind: "connector",
          teamId: d.teamId,
          justification: d.justification,
          connectId: d.connectId,
          name: base.topicName,
          config: values,
        },
      };
    case "create":
      return {
        body: {
          kind: "create",
          ...base,
          partitions: Number(d.partitions),
          replicationFactor: Number(d.replicationFactor),
          configs: values,
          ...(d.access.principal ? { access: [{ principal: d.access.principal, operations: d.access.ops }] } : {}),
        },
      };
    case "alter-configs":
      return {
        body: {
          kind: "alter-configs",
          ...base,
          set: values,
          reset: d.reset
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean),
        },
      };
    case "add-partitions":
      return { body: { kind: "add-partitions", ...base, partitions: Number(d.partitions) } };
    case "delete":
      return { body: { kind: "delete", ...base } };
  }
}

/** Why someone without a team cannot request a topic, and what to do about it. */
function configsLabel(kind: FormKind): string {
  if (kind === "create") return "Configs";
  if (kind === "connector") return "Connector config";
  return "Set configs";
}

/** The policy's answer to a dry run: its violations, or that the request passes (unless it is a duplicate). */
function PolicyVerdict({ violations, conflict }: { violations: RequestPreview["violations"]; conflict?: string }) {
  if (violations.length) {
    return (
      <div data-testid="request-violations">
        <p className="mb-1 text-sm font-medium text-red-700 dark:text-red-300">The policy refuses this request:</p>
        <ul className="space-y-1 text-sm">
          {violations.map((v, i) => (
            <li key={i} className="flex items-start gap-2 text-red-700 dark:text-red-300">
              <XCircle className="mt-0.5 h-4 w-4 shrink-0" /> {v.issue}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  if (conflict) return null;
  return (
    <p className="flex items-center gap-2 text-sm font-medium text-emerald-700 dark:text-emerald-300">
      <CheckCircle2 className="h-4 w-4" /> Passes the cluster&apos;s policy. On approval Sluice will:
    </p>
  );
}

function noTeamReason(admin: boolean): string {
  return admin
    ? "Requests are made on a team's behalf and you are in no team. To act for a team as an admin, add yourself to it under Access (Users and teams)."
    : "Requests are made on a team's behalf and you are in no team yet. Ask an admin to add you to your team under Access (Users and teams).";
}

export function NewRequestButton({ clusterId, blockedReason }: { clusterId: string; blockedReason?: string }) {
  const [open, setOpen] = useState(false);
  const me = useMe();
  const why =
    blockedReason ??
    (me.teams.length === 0 ? noTeamReason(me.globalAdmin || me.roles[clusterId] === "admin") : undefined);
  return (
    <Blocked reason={why}>
      <Tooltip content={why}>
        <Button variant="primary" onClick={() => setOpen(true)} disabled={!!why} data-testid="new-request-button">
          <Plus className="h-4 w-4" /> New request
        </Button>
      </Tooltip>
      {open ? <NewRequestDialog clusterId={clusterId} onClose={() => setOpen(false)} /> : null}
    </Blocked>
  );
}

function NewRequestDialog({ clusterId, onClose }: { clusterId: string; onClose: () => void }) {
  const me = useMe();
  const router = useRouter();
  const [draft, setDraft] = useState<Draft>({
    kind: "create",
    topicName: me.teams[0]?.prefixes[0] ?? "",
    teamId: me.teams[0]?.id ?? "",
    partitions: "3",
    replicationFactor: "1",
    configs: "",
    reset: "",
    justification: "",
    access: EMPTY_ACCESS,
    connectId: "",
  });
  const connect = useQuery({ ...connectClustersOptions(clusterId), enabled: draft.kind === "connector" });
  const connectId = draft.connectId || connect.data?.connect[0]?.name || "";
  const [localError, setLocalError] = useState<string>();
  const preview = usePreviewRequest(clusterId);
  const submit = useSubmitRequest(clusterId);
  const set = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    preview.reset();
    submit.reset();
  };
  const run = (what: "check" | "submit") => {
    const { body, error } = toBody({ ...draft, connectId });
    setLocalError(error);
    if (!body) return;
    if (what === "check") preview.mutate(body);
    else submit.mutate(body, { onSuccess: (r) => router.push(paths.request(clusterId, r.id)) });
  };
  const err = submit.error ?? preview.error;
  const fieldError = (path: string) =>
    err instanceof ApiClientError ? err.details.find((d) => d.path === path)?.issue : undefined;
  const clean = preview.data && preview.data.violations.length === 0 && !preview.data.conflict;
  const team = me.teams.find((t) => t.id === draft.teamId);
  const setAccess = (patch: Partial<AccessDraft>) => set({ access: { ...draft.access, ...patch } });
  const accessProps = { clusterId, teamId: draft.teamId, d: draft.access, set: setAccess, fieldError };
  return (
    <Dialog
      onClose={onClose}
      title="New request"
      description="Topics are decided by your team's approvers, access to another team's topic by that team's; on approval Sluice provisions it. Check shows exactly what will happen and who decides."
      size="lg"
      testId="new-request-dialog"
      footer={
        <FormDialogFooter onCancel={onClose}>
          <BusyButton
            onClick={() => run("check")}
            disabled={preview.isPending}
            busy={preview.isPending}
            busyLabel="Checking…"
            data-testid="request-check"
          >
            Check
          </BusyButton>
          <Tooltip content={clean ? undefined : "Check the request first; submit is enabled when it passes."}>
            <Button
              variant="primary"
              onClick={() => run("submit")}
              disabled={!clean || submit.isPending}
              data-testid="request-submit"
            >
              Submit request
            </Button>
          </Tooltip>
        </FormDialogFooter>
      }
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="What" htmlFor="req-kind">
          <Select
            id="req-kind"
            className="w-full"
            value={draft.kind}
            onChange={(e) => set({ kind: e.target.value as FormKind })}
            data-testid="request-kind"
          >
            {FORM_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABEL[k]}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          label={isAccessKind(draft.kind) ? "For team" : "Owning team"}
          htmlFor="req-team"
          hint={team ? `Owns ${team.prefixes.join(", ")}` : undefined}
        >
          <Select
            id="req-team"
            className="w-full"
            value={draft.teamId}
            onChange={(e) => set({ teamId: e.target.value })}
            data-testid="request-team"
          >
            {me.teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </Select>
        </Field>
        {isAccessKind(draft.kind) ? (
          <AccessFields kind={draft.kind} {...accessProps} />
        ) : (
          <div className="sm:col-span-2">
            <Field
              label={draft.kind === "connector" ? "Connector name" : "Topic name"}
              htmlFor="req-topic"
              error={fieldError(draft.kind === "connector" ? "name" : "topicName")}
              testId="request-topic"
            >
              <Input
                id="req-topic"
                className="font-mono"
                value={draft.topicName}
                onChange={(e) => set({ topicName: e.target.value })}
                data-testid="request-topic"
              />
            </Field>
          </div>
        )}
        {draft.kind === "connector" ? (
          <div className="sm:col-span-2">
            <Field
              label="Kafka Connect cluster"
              htmlFor="req-connect"
              error={fieldError("connectId")}
              hint={
                connect.data && !connect.data.connect.length
                  ? "This cluster has no Kafka Connect configured."
                  : undefined
              }
            >
              <Select
                id="req-connect"
                className="w-full"
                value={connectId}
                onChange={(e) => set({ connectId: e.target.value })}
                data-testid="request-connect"
              >
                {(connect.data?.connect ?? []).map((c) => (
                  <option key={c.name} value={c.name}>
                    {c.name} ({c.host})
                  </option>
                ))}
              </Select>
            </Field>
          </div>
        ) : null}
        {draft.kind === "create" || draft.kind === "add-partitions" ? (
          <Field
            label={draft.kind === "create" ? "Partitions" : "New partition count"}
            htmlFor="req-partitions"
            error={fieldError("partitions")}
          >
            <Input
              id="req-partitions"
              type="number"
              min={1}
              value={draft.partitions}
              onChange={(e) => set({ partitions: e.target.value })}
              data-testid="request-partitions"
            />
          </Field>
        ) : null}
        {draft.kind === "create" ? (
          <Field label="Replication factor" htmlFor="req-rf" error={fieldError("replicationFactor")}>
            <Input
              id="req-rf"
              type="number"
              min={1}
              value={draft.replicationFactor}
              onChange={(e) => set({ replicationFactor: e.target.value })}
              data-testid="request-rf"
            />
          </Field>
        ) : null}
        {draft.kind === "create" || draft.kind === "alter-configs" || draft.kind === "connector" ? (
          <div className="sm:col-span-2">
            <Field
              label={configsLabel(draft.kind)}
              htmlFor="req-configs"
              hint={
                draft.kind === "connector"
                  ? "One key=value per line: connector.class, topic or topics, and the plugin's settings. The worker validates them on Check."
                  : "One key=value per line, e.g. retention.ms=604800000"
              }
              error={
                fieldError("configs.retention.ms") ??
                (err instanceof ApiClientError
                  ? err.details.find((d) => d.path.startsWith("config."))?.issue
                  : undefined)
              }
            >
              <Textarea
                id="req-configs"
                rows={3}
                className="font-mono"
                value={draft.configs}
                onChange={(e) => set({ configs: e.target.value })}
                data-testid="request-configs"
              />
            </Field>
          </div>
        ) : null}
        {draft.kind === "create" ? <TopicGrantFields {...accessProps} /> : null}
        {draft.kind === "alter-configs" ? (
          <div className="sm:col-span-2">
            <Field label="Reset to default" htmlFor="req-reset" hint="Config names, comma-separated">
              <Input
                id="req-reset"
                className="font-mono"
                value={draft.reset}
                onChange={(e) => set({ reset: e.target.value })}
              />
            </Field>
          </div>
        ) : null}
        <div className="sm:col-span-2">
          <Field
            label="Justification"
            htmlFor="req-why"
            hint="Who produces and consumes it, and why an existing topic does not do."
            error={fieldError("justification")}
          >
            <Textarea
              id="req-why"
              rows={2}
              value={draft.justification}
              onChange={(e) => set({ justification: e.target.value })}
              data-testid="request-justification"
            />
          </Field>
        </div>
      </div>

      <div className="mt-4 space-y-3">
        {localError ? <ErrorState title="Check the form" message={localError} /> : null}
        {err ? <ErrorState title={submit.error ? "Not submitted" : "Cannot check"} message={err.message} /> : null}
        {preview.data ? (
          <div
            className="space-y-3 rounded-md border border-slate-200 p-3 dark:border-slate-700"
            data-testid="request-preview"
          >
            {preview.data.conflict ? (
              <ErrorState title="Already requested or existing" message={preview.data.conflict} />
            ) : null}
            <PolicyVerdict violations={preview.data.violations} conflict={preview.data.conflict} />
            {preview.data.plan.length ? (
              <ul className="list-disc space-y-0.5 pl-5 text-sm" data-testid="request-plan">
                {preview.data.plan.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            ) : null}
            {preview.data.warnings.map((w, i) => (
              <p key={i} className="text-xs text-amber-700 dark:text-amber-300">
                {w}
              </p>
            ))}
            {preview.data.configs ? (
              <details className="text-xs">
                <summary className="cursor-pointer text-slate-500">
                  Effective configs of the new topic (
                  {preview.data.configs.filter((c) => c.source === "override").length} override(s))
                </summary>
                <table className="mt-2 w-full font-mono">
                  <tbody>
                    {preview.data.configs.map((c) => (
                      <tr
                        key={c.name}
                        className={
                          c.source === "override" ? "font-semibold text-brand-700 dark:text-cyan-300" : "text-slate-500"
                        }
                      >
                        <td className="pr-3">{c.name}</td>
                        <td className="pr-3">{c.value ?? "—"}</td>
                        <td>{c.source}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </details>
            ) : null}
          </div>
        ) : null}
      </div>
    </Dialog>
  );
}
