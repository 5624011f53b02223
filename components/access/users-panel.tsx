"use client";

import { useQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import { useState } from "react";
import { useMe } from "@/components/ui/me-context";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { Dialog } from "@/components/ui/dialog";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";
import { LinkButton } from "@/components/ui/link-button";
import { ErrorState } from "@/components/ui/states";
import { TextField } from "@/components/ui/text-field";
import { ApiClientError } from "@/lib/api/client";
import { ROLE_DESCRIPTIONS, ROLES, type Role } from "@/lib/auth/roles";
import { saveUser, teamsOptions, useAccessMutation, usersOptions } from "@/lib/queries/access";
import type { UserDto } from "@/lib/schemas/accounts";
import { AccessSection } from "./access-section";
import { RolesField } from "./role-table";

const roleSummary = (roles: Record<string, Role>) =>
  Object.entries(roles)
    .sort(([a], [b]) => (a === "*" ? -1 : b === "*" ? 1 : a.localeCompare(b)))
    .map(([c, r]) => `${c === "*" ? "all clusters" : c}: ${r}`)
    .join(", ") || "no access";

export function UsersPanel({ clusters }: { clusters: { id: string; name: string }[] }) {
  const users = useQuery(usersOptions());
  const [editing, setEditing] = useState<UserDto | "new" | null>(null);
  const columns: ColumnDef<UserDto, unknown>[] = [
    {
      accessorKey: "email",
      header: "Email",
      cell: ({ row }) => (
        <LinkButton onClick={() => setEditing(row.original)} data-testid="user-edit">
          {row.original.email}
        </LinkButton>
      ),
    },
    { accessorKey: "name", header: "Name" },
    {
      id: "roles",
      header: "Roles",
      accessorFn: (u) => roleSummary(u.roles),
      cell: ({ getValue }) => <span className="text-xs">{getValue() as string}</span>,
    },
    { id: "teams", header: "Teams", accessorFn: (u) => u.teams.map((t) => t.name).join(", ") || "—" },
    {
      accessorKey: "active",
      header: "Status",
      cell: ({ row }) =>
        row.original.active ? <Badge tone="ok">active</Badge> : <Badge tone="bad">deactivated</Badge>,
    },
    { id: "signIn", header: "Signs in with", accessorFn: (u) => u.signInMethods.join(", ") },
  ];
  return (
    <>
      <AccessSection
        title="Users"
        addLabel="Add user"
        addTestId="user-add"
        onAdd={() => setEditing("new")}
        query={users}
      >
        {(data) => (
          <DataTable
            columns={columns}
            data={data}
            searchPlaceholder="Filter users…"
            rowTestId={(u) => `user-row-${u.email}`}
            testId="users-table"
            maxHeight={360}
          />
        )}
      </AccessSection>
      {editing ? (
        <UserDialog user={editing === "new" ? null : editing} clusters={clusters} onClose={() => setEditing(null)} />
      ) : null}
    </>
  );
}

type UserForm = {
  email: string;
  name: string;
  password: string;
  active: boolean;
  roles: Record<string, Role>;
  teamIds: string[];
};

function UserDialog({
  user,
  clusters,
  onClose,
}: {
  user: UserDto | null;
  clusters: { id: string; name: string }[];
  onClose: () => void;
}) {
  const [form, setForm] = useState<UserForm>({
    email: user?.email ?? "",
    name: user?.name ?? "",
    password: "",
    active: user?.active ?? true,
    roles: { ...(user?.roles ?? { "*": "viewer" as Role }) },
    teamIds: user?.teams.map((t) => t.id) ?? [],
  });
  const save = useAccessMutation(saveUser);
  const err = save.error instanceof ApiClientError ? save.error : null;
  const fieldError = (f: string) => err?.details.find((d) => d.path === f)?.issue;
  const submit = () => {
    const body = user
      ? {
          name: form.name,
          active: form.active,
          roles: form.roles,
          teamIds: form.teamIds,
          ...(form.password ? { password: form.password } : {}),
        }
      : { email: form.email, name: form.name, password: form.password, roles: form.roles, teamIds: form.teamIds };
    save.mutate({ id: user?.id, body }, { onSuccess: onClose });
  };
  return (
    <Dialog
      onClose={onClose}
      title={user ? `Edit ${user.email}` : "Add user"}
      description="Changes apply to the user's next request: no restart, no sign-out needed."
      size="lg"
      testId="user-dialog"
      footer={
        <FormDialogFooter onCancel={onClose}>
          <Button variant="primary" onClick={submit} disabled={save.isPending} data-testid="user-save">
            {user ? "Save" : "Create user"}
          </Button>
        </FormDialogFooter>
      }
    >
      <UserFields user={user} form={form} setForm={setForm} fieldError={fieldError} />
      <RolesField of="user" clusters={clusters} form={form} setForm={setForm}>
        <ul className="mt-2 space-y-0.5 text-xs text-slate-500">
          {ROLES.map((r) => (
            <li key={r}>
              <span className="font-medium">{r}</span>: {ROLE_DESCRIPTIONS[r]}
            </li>
          ))}
        </ul>
      </RolesField>
      <TeamChoice teamIds={form.teamIds} onChange={(teamIds) => setForm({ ...form, teamIds })} />
      {save.error && !err?.details.length ? (
        <ErrorState className="mt-3" title="Not saved" message={save.error.message} />
      ) : null}
    </Dialog>
  );
}

/** The text inputs of the user form: e-mail (a new user only), name, password. */
function userFields(user: UserDto | null) {
  const fields: {
    key: "email" | "name" | "password";
    label: string;
    id: string;
    testId: string;
    hint?: string;
    type?: string;
    autoComplete?: string;
  }[] = [
    { key: "name", label: "Name", id: "u-name", testId: "user-name-input" },
    {
      key: "password",
      label: user ? "New password (leave empty to keep)" : "Password",
      id: "u-pass",
      testId: "user-password",
      hint: "At least 8 characters. Setting one signs the user out everywhere.",
      type: "password",
      autoComplete: "new-password",
    },
  ];
  if (!user) fields.unshift({ key: "email", label: "Email", id: "u-email", testId: "user-email", type: "email" });
  return fields;
}

function UserFields({
  user,
  form,
  setForm,
  fieldError,
}: {
  user: UserDto | null;
  form: UserForm;
  setForm: (form: UserForm) => void;
  fieldError: (f: string) => string | undefined;
}) {
  const me = useMe();
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      {userFields(user).map((f) => (
        <TextField
          key={f.key}
          label={f.label}
          id={f.id}
          hint={f.hint}
          error={fieldError(f.key)}
          type={f.type}
          autoComplete={f.autoComplete}
          value={form[f.key]}
          onValue={(v) => setForm({ ...form, [f.key]: v })}
          data-testid={f.testId}
        />
      ))}
      {user ? (
        <label className="flex items-center gap-2 self-end pb-2 text-sm">
          <input
            type="checkbox"
            checked={form.active}
            disabled={user.id === me.id}
            onChange={(e) => setForm({ ...form, active: e.target.checked })}
            data-testid="user-active"
          />{" "}
          Active (unchecked: cannot sign in, sessions end)
        </label>
      ) : null}
    </div>
  );
}

/** A checkbox per team: the teams the user belongs to. */
function TeamChoice({ teamIds, onChange }: { teamIds: string[]; onChange: (teamIds: string[]) => void }) {
  const teams = useQuery(teamsOptions());
  return (
    <div className="mt-4">
      <p className="mb-2 text-sm font-medium">Teams</p>
      <div className="flex flex-wrap gap-3">
        {(teams.data ?? []).map((t) => (
          <label key={t.id} className="flex items-center gap-1.5 text-sm">
            <input
              type="checkbox"
              checked={teamIds.includes(t.id)}
              onChange={(e) => onChange(e.target.checked ? [...teamIds, t.id] : teamIds.filter((x) => x !== t.id))}
              data-testid={`user-team-${t.name}`}
            />
            {t.name} <span className="font-mono text-xs text-slate-500">{t.prefixes.join(" ")}</span>
          </label>
        ))}
        {teams.data?.length === 0 ? <span className="text-sm text-slate-500">No teams yet.</span> : null}
      </div>
    </div>
  );
}
