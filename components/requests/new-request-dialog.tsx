"use client";

import { Plus } from "lucide-react";
import { useState } from "react";
import { useMe } from "@/components/ui/me-context";
import { Blocked } from "@/components/ui/blocked";
import { Button } from "@/components/ui/button";
import { BusyButton, FormDialogFooter } from "@/components/ui/form-dialog-footer";
import { Textarea } from "@/components/ui/textarea";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { ErrorState } from "@/components/ui/states";
import { Tooltip } from "@/components/ui/tooltip";
import { AccessFields } from "./access-fields";
import { KIND_LABEL } from "./request-status";
import { FORM_KINDS, isAccessKind, type Draft, type FormKind } from "./request-draft";
import { RequestPreviewPanel } from "./request-preview";
import { TopicFields } from "./topic-fields";
import { useNewRequest } from "./use-new-request";

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

/** What is asked for, and for which team. */
function KindAndTeam({ draft, set }: { draft: Draft; set: (patch: Partial<Draft>) => void }) {
  const me = useMe();
  const team = me.teams.find((t) => t.id === draft.teamId);
  const selects = [
    {
      label: "What",
      id: "req-kind",
      value: draft.kind,
      hint: undefined,
      onChange: (v: string) => set({ kind: v as FormKind }),
      options: FORM_KINDS.map((k) => ({ value: k, text: KIND_LABEL[k] })),
      testId: "request-kind",
    },
    {
      label: isAccessKind(draft.kind) ? "For team" : "Owning team",
      id: "req-team",
      value: draft.teamId,
      hint: team ? `Owns ${team.prefixes.join(", ")}` : undefined,
      onChange: (v: string) => set({ teamId: v }),
      options: me.teams.map((t) => ({ value: t.id, text: t.name })),
      testId: "request-team",
    },
  ];
  return selects.map((s) => (
    <Field key={s.id} label={s.label} htmlFor={s.id} hint={s.hint}>
      <Select
        id={s.id}
        className="w-full"
        value={s.value}
        onChange={(e) => s.onChange(e.target.value)}
        data-testid={s.testId}
      >
        {s.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.text}
          </option>
        ))}
      </Select>
    </Field>
  ));
}

function NewRequestDialog({ clusterId, onClose }: { clusterId: string; onClose: () => void }) {
  const r = useNewRequest(clusterId);
  const { draft, set, preview, submit, err, fieldError } = r;
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
            onClick={() => r.run("check")}
            disabled={preview.isPending}
            busy={preview.isPending}
            busyLabel="Checking…"
            data-testid="request-check"
          >
            Check
          </BusyButton>
          <Tooltip content={r.clean ? undefined : "Check the request first; submit is enabled when it passes."}>
            <Button
              variant="primary"
              onClick={() => r.run("submit")}
              disabled={!r.clean || submit.isPending}
              data-testid="request-submit"
            >
              Submit request
            </Button>
          </Tooltip>
        </FormDialogFooter>
      }
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <KindAndTeam draft={draft} set={set} />
        {isAccessKind(draft.kind) ? (
          <AccessFields
            kind={draft.kind}
            clusterId={clusterId}
            teamId={draft.teamId}
            d={draft.access}
            set={r.setAccess}
            fieldError={fieldError}
          />
        ) : (
          <TopicFields clusterId={clusterId} form={r} />
        )}
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
        {r.localError ? <ErrorState title="Check the form" message={r.localError} /> : null}
        {err ? <ErrorState title={submit.error ? "Not submitted" : "Cannot check"} message={err.message} /> : null}
        {preview.data ? <RequestPreviewPanel preview={preview.data} /> : null}
      </div>
    </Dialog>
  );
}
