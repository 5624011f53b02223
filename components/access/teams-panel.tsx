"use client";

import { useQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { Dialog } from "@/components/ui/dialog";
import { LinkButton } from "@/components/ui/link-button";
import { ErrorState } from "@/components/ui/states";
import { TextField } from "@/components/ui/text-field";
import { ApiClientError } from "@/lib/api/client";
import { deleteTeam, saveTeam, teamsOptions, useAccessMutation } from "@/lib/queries/access";
import type { TeamDto } from "@/lib/schemas/accounts";
import { AccessSection } from "./access-section";

export function TeamsPanel() {
  const teams = useQuery(teamsOptions());
  const [editing, setEditing] = useState<TeamDto | "new" | null>(null);
  const columns: ColumnDef<TeamDto, unknown>[] = [
    {
      accessorKey: "name",
      header: "Team",
      cell: ({ row }) => (
        <LinkButton onClick={() => setEditing(row.original)} data-testid="team-edit">
          {row.original.name}
        </LinkButton>
      ),
    },
    {
      id: "prefixes",
      header: "Owns",
      accessorFn: (t) => t.prefixes.join(" "),
      cell: ({ getValue }) => <span className="font-mono text-xs">{getValue() as string}</span>,
    },
    { accessorKey: "oidcGroup", header: "IdP group", cell: ({ row }) => row.original.oidcGroup ?? "—" },
    { id: "members", header: "Members", accessorFn: (t) => t.members.length },
  ];
  return (
    <>
      <AccessSection
        title="Teams"
        addLabel="Add team"
        addTestId="team-add"
        onAdd={() => setEditing("new")}
        query={teams}
      >
        {(data) => (
          <DataTable
            columns={columns}
            data={data}
            rowTestId={(t) => `team-row-${t.name}`}
            emptyTitle="No teams yet"
            emptyMessage="A team owns topic prefixes; its members request topics and its operators manage them."
            testId="teams-table"
            maxHeight={320}
          />
        )}
      </AccessSection>
      {editing ? <TeamDialog team={editing === "new" ? null : editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}

const TEAM_FIELDS: {
  key: "name" | "prefixes" | "oidcGroup";
  label: string;
  id: string;
  hint?: string;
  /** The server checks it: its error shows under it. */
  checked?: boolean;
  mono?: boolean;
  testId?: string;
}[] = [
  { key: "name", label: "Name", id: "t-name", checked: true, testId: "team-name" },
  {
    key: "prefixes",
    label: "Topic prefixes",
    id: "t-prefixes",
    hint: "Comma-separated, e.g. payments., billing-. A prefix owns names that continue after a separator (pay owns pay.x, not payroll.x); end it with * to own every name starting with it.",
    checked: true,
    mono: true,
    testId: "team-prefixes",
  },
  {
    key: "oidcGroup",
    label: "IdP group (optional)",
    id: "t-oidc",
    hint: "Users signing in with single sign-on join the team while their token lists this group.",
  },
];

function TeamDialog({ team, onClose }: { team: TeamDto | null; onClose: () => void }) {
  const [form, setForm] = useState({
    name: team?.name ?? "",
    prefixes: team?.prefixes.join(", ") ?? "",
    oidcGroup: team?.oidcGroup ?? "",
  });
  const save = useAccessMutation(saveTeam);
  const remove = useAccessMutation(deleteTeam);
  const err = save.error instanceof ApiClientError ? save.error : null;
  const fieldError = (f: string) => err?.details.find((d) => d.path === f || d.path.startsWith(`${f}.`))?.issue;
  const submit = () =>
    save.mutate(
      {
        id: team?.id,
        body: {
          name: form.name,
          prefixes: form.prefixes
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean),
          oidcGroup: form.oidcGroup || null,
        },
      },
      { onSuccess: onClose },
    );
  return (
    <Dialog
      onClose={onClose}
      title={team ? `Edit team ${team.name}` : "Add team"}
      testId="team-dialog"
      footer={
        <>
          {team ? (
            <Button
              variant="danger"
              className="mr-auto"
              onClick={() => remove.mutate(team.id, { onSuccess: onClose })}
              disabled={remove.isPending}
            >
              Delete team
            </Button>
          ) : null}
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" onClick={submit} disabled={save.isPending} data-testid="team-save">
            {team ? "Save" : "Create team"}
          </Button>
        </>
      }
    >
      <div className="space-y-3">
        {TEAM_FIELDS.map((f) => (
          <TextField
            key={f.key}
            label={f.label}
            id={f.id}
            hint={f.hint}
            error={f.checked ? fieldError(f.key) : undefined}
            className={f.mono ? "font-mono" : undefined}
            value={form[f.key]}
            onValue={(v) => setForm({ ...form, [f.key]: v })}
            data-testid={f.testId}
          />
        ))}
        {team?.members.length ? (
          <p className="text-xs text-slate-500">Members: {team.members.map((m) => m.email).join(", ")}</p>
        ) : null}
        {save.error && !err?.details.length ? <ErrorState title="Not saved" message={save.error.message} /> : null}
        {remove.error ? <ErrorState title="Not deleted" message={remove.error.message} /> : null}
      </div>
    </Dialog>
  );
}
