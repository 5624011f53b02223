"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import { Copy } from "lucide-react";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";
import { Select } from "@/components/ui/select";
import { ErrorState } from "@/components/ui/states";
import { TextField } from "@/components/ui/text-field";
import { ApiClientError } from "@/lib/api/client";
import { type Role } from "@/lib/auth/roles";
import { createApiToken, revokeApiToken, tokensOptions, usersOptions } from "@/lib/queries/access";
import type { ApiTokenDto } from "@/lib/schemas/tokens";
import { AccessSection } from "./access-section";
import { RolesField } from "./role-table";

const roleSummary = (roles: Record<string, Role>) =>
  Object.entries(roles)
    .map(([c, r]) => `${c === "*" ? "all clusters" : c}: ${r}`)
    .join(", ");
const day = (iso: string | null) => (iso ? iso.slice(0, 10) : "—");
const TONE = { active: "ok", expired: "warn", revoked: "bad" } as const;

/** API tokens for scripts: created here (the secret shown once), listed without it, revoked at once. */
export function TokensPanel({ clusters }: { clusters: { id: string; name: string }[] }) {
  const tokens = useQuery(tokensOptions());
  const qc = useQueryClient();
  const [creating, setCreating] = useState(false);
  const revoke = useMutation({
    mutationFn: revokeApiToken,
    onSuccess: () => void qc.invalidateQueries({ queryKey: tokensOptions().queryKey }),
  });
  const columns: ColumnDef<ApiTokenDto, unknown>[] = [
    { accessorKey: "name", header: "Name" },
    {
      accessorKey: "prefix",
      header: "Starts with",
      cell: ({ row }) => <span className="font-mono text-xs">{row.original.prefix}…</span>,
    },
    { id: "for", header: "Acts as", accessorFn: (t) => t.user?.email ?? "service identity" },
    {
      id: "roles",
      header: "Roles",
      accessorFn: (t) => roleSummary(t.roles),
      cell: ({ getValue }) => <span className="text-xs">{getValue() as string}</span>,
    },
    { id: "expires", header: "Expires", accessorFn: (t) => day(t.expiresAt) },
    { id: "used", header: "Last used", accessorFn: (t) => day(t.lastUsedAt) },
    {
      accessorKey: "status",
      header: "Status",
      cell: ({ row }) => <Badge tone={TONE[row.original.status]}>{row.original.status}</Badge>,
    },
    {
      id: "revoke",
      header: "",
      cell: ({ row }) =>
        row.original.status === "active" ? (
          <Button
            size="sm"
            variant="ghost"
            onClick={() => revoke.mutate(row.original.id)}
            disabled={revoke.isPending}
            data-testid={`token-revoke-${row.original.name}`}
          >
            Revoke
          </Button>
        ) : null,
    },
  ];
  return (
    <>
      <AccessSection
        title="API tokens"
        addLabel="Create token"
        addTestId="token-add"
        onAdd={() => setCreating(true)}
        query={tokens}
      >
        {(data) => (
          <>
            <DataTable
              columns={columns}
              data={data}
              rowTestId={(t) => `token-row-${t.name}`}
              emptyTitle="No API tokens yet"
              emptyMessage="Scripts call Sluice's API with Authorization: Bearer and a token made here."
              testId="tokens-table"
              maxHeight={320}
            />
            {revoke.error ? <ErrorState title="Not revoked" message={revoke.error.message} /> : null}
          </>
        )}
      </AccessSection>
      {creating ? <TokenDialog clusters={clusters} onClose={() => setCreating(false)} /> : null}
    </>
  );
}

type TokenForm = { name: string; userId: string; roles: Record<string, Role>; days: string };

function TokenDialog({ clusters, onClose }: { clusters: { id: string; name: string }[]; onClose: () => void }) {
  const qc = useQueryClient();
  const [form, setForm] = useState<TokenForm>({ name: "", userId: "", roles: { "*": "viewer" }, days: "90" });
  const create = useMutation({
    mutationFn: createApiToken,
    onSuccess: () => void qc.invalidateQueries({ queryKey: tokensOptions().queryKey }),
  });
  const err = create.error instanceof ApiClientError ? create.error : null;
  const fieldError = (f: string) => err?.details.find((d) => d.path === f || d.path.startsWith(`${f}.`))?.issue;
  const submit = () =>
    create.mutate({
      name: form.name,
      ...(form.userId ? { userId: form.userId } : {}),
      roles: form.roles,
      expiresAt: new Date(Date.now() + Number(form.days) * 86_400_000).toISOString(),
    });
  const secret = create.data?.token;
  return (
    <Dialog
      onClose={onClose}
      title={secret ? `Token ${create.data?.info.name} created` : "Create API token"}
      description={
        secret
          ? "Copy it now: Sluice keeps only its hash and cannot show it again."
          : "Scripts send it as Authorization: Bearer <token>. It can do what its roles allow, nothing more, until it expires or is revoked."
      }
      size="lg"
      testId="token-dialog"
      footer={
        secret ? (
          <Button variant="primary" onClick={onClose} data-testid="token-done">
            Done
          </Button>
        ) : (
          <FormDialogFooter onCancel={onClose}>
            <Button variant="primary" onClick={submit} disabled={create.isPending} data-testid="token-save">
              Create token
            </Button>
          </FormDialogFooter>
        )
      }
    >
      {secret ? (
        <TokenSecret secret={secret} />
      ) : (
        <>
          <TokenFields form={form} setForm={setForm} fieldError={fieldError} />
          <RolesField of="token" clusters={clusters} form={form} setForm={setForm}>
            {fieldError("roles") ? <p className="mt-1 text-xs text-red-600">{fieldError("roles")}</p> : null}
          </RolesField>
          {create.error && !err?.details.length ? (
            <ErrorState className="mt-3" title="Not created" message={create.error.message} />
          ) : null}
        </>
      )}
    </Dialog>
  );
}

/** The new token's secret, shown once, with a copy button. */
function TokenSecret({ secret }: { secret: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="flex items-center gap-2 rounded border border-slate-200 bg-slate-50 p-2 dark:border-slate-700 dark:bg-slate-900">
      <code className="min-w-0 flex-1 break-all font-mono text-xs" data-testid="token-secret">
        {secret}
      </code>
      <Button
        size="sm"
        variant="ghost"
        onClick={() => void navigator.clipboard?.writeText(secret).then(() => setCopied(true))}
        aria-label="Copy token"
        data-testid="token-copy"
      >
        <Copy className="h-3.5 w-3.5" /> {copied ? "Copied" : "Copy"}
      </Button>
    </div>
  );
}

function TokenFields({
  form,
  setForm,
  fieldError,
}: {
  form: TokenForm;
  setForm: (form: TokenForm) => void;
  fieldError: (f: string) => string | undefined;
}) {
  const users = useQuery(usersOptions());
  return (
    <div className="grid gap-3 sm:grid-cols-3">
      <TextField
        label="Name"
        id="tok-name"
        hint="The service's name, e.g. ci-deploy; audited as token:<name>."
        error={fieldError("name")}
        value={form.name}
        onValue={(name) => setForm({ ...form, name })}
        data-testid="token-name"
      />
      <Field
        label="Acts as"
        htmlFor="tok-user"
        hint="A user (their teams) or a service identity (no team)."
        error={fieldError("userId")}
      >
        <Select
          id="tok-user"
          value={form.userId}
          onChange={(e) => setForm({ ...form, userId: e.target.value })}
          data-testid="token-user"
        >
          <option value="">service identity</option>
          {(users.data ?? [])
            .filter((u) => u.active)
            .map((u) => (
              <option key={u.id} value={u.id}>
                {u.email}
              </option>
            ))}
        </Select>
      </Field>
      <Field label="Expires in" htmlFor="tok-days" error={fieldError("expiresAt")}>
        <Select
          id="tok-days"
          value={form.days}
          onChange={(e) => setForm({ ...form, days: e.target.value })}
          data-testid="token-days"
        >
          {["7", "30", "90", "180", "365"].map((d) => (
            <option key={d} value={d}>
              {d} days
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}
