"use client";

import { useQuery } from "@tanstack/react-query";
import { KeyRound, Plus, Trash2 } from "lucide-react";
import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Loading } from "@/components/ui/states";
import { Select } from "@/components/ui/select";
import { TypedConfirmDialog } from "@/components/ui/typed-confirm-dialog";
import { scramUsersOptions, useDeleteScramMutation, useUpsertScramMutation } from "@/lib/queries/acls";
import { SCRAM_MECHANISMS, type ScramMechanism, type ScramUpsertResponse } from "@/lib/schemas/access";
import { AccessError } from "./access-error";

type Mode = { kind: "create" } | { kind: "rotate"; name: string; mechanism: ScramMechanism };

/** Create or rotate a credential; a generated password is shown here once and never again. */
function UpsertDialog({ clusterId, mode, onClose }: { clusterId: string; mode: Mode; onClose: () => void }) {
  const [name, setName] = useState(mode.kind === "rotate" ? mode.name : "");
  const [mechanism, setMechanism] = useState<ScramMechanism>(mode.kind === "rotate" ? mode.mechanism : "SCRAM-SHA-512");
  const [password, setPassword] = useState("");
  const [iterations, setIterations] = useState("8192");
  const [result, setResult] = useState<ScramUpsertResponse | null>(null);
  const m = useUpsertScramMutation(clusterId);
  const submit = () =>
    m.mutate(
      {
        mode: mode.kind,
        input: { name, mechanism, iterations: Number(iterations), ...(password ? { password } : {}) },
      },
      { onSuccess: setResult },
    );
  return (
    <Dialog
      onClose={onClose}
      title={mode.kind === "create" ? "Create a SCRAM user" : `Rotate ${mode.name}'s password`}
      description="Leave the password empty to have one generated. Sluice never stores, logs or audits a password."
      testId="scram-dialog"
      footer={
        result ? (
          <Button onClick={onClose} data-testid="scram-done">
            Done
          </Button>
        ) : (
          <>
            <Button variant="ghost" onClick={onClose}>
              Cancel
            </Button>
            <Button variant="primary" disabled={m.isPending || !name} onClick={submit} data-testid="scram-submit">
              {mode.kind === "create" ? "Create" : "Rotate"}
            </Button>
          </>
        )
      }
    >
      {result ? (
        <ScramResult result={result} verb={mode.kind === "create" ? "Created" : "Rotated"} />
      ) : (
        <div className="grid grid-cols-2 gap-3">
          <label className="flex flex-col gap-1 text-xs text-slate-500">
            User name
            <Input
              value={name}
              onChange={(e) => setName(e.target.value)}
              disabled={mode.kind === "rotate"}
              data-testid="scram-name"
            />
          </label>
          <label className="flex flex-col gap-1 text-xs text-slate-500">
            Mechanism
            <Select
              value={mechanism}
              onChange={(e) => setMechanism(e.target.value as ScramMechanism)}
              disabled={mode.kind === "rotate"}
              data-testid="scram-mechanism"
            >
              {SCRAM_MECHANISMS.map((x) => (
                <option key={x}>{x}</option>
              ))}
            </Select>
          </label>
          <label className="flex flex-col gap-1 text-xs text-slate-500">
            Password (optional, 12+ characters)
            <Input
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              data-testid="scram-password-input"
            />
          </label>
          <label className="flex flex-col gap-1 text-xs text-slate-500">
            Iterations (4096–16384)
            <Input
              inputMode="numeric"
              value={iterations}
              onChange={(e) => setIterations(e.target.value)}
              data-testid="scram-iterations"
            />
          </label>
          {m.error ? (
            <p role="alert" className="col-span-2 text-sm text-red-700" data-testid="scram-error">
              {m.error.message}
            </p>
          ) : null}
        </div>
      )}
    </Dialog>
  );
}

/** What was created or rotated; a generated password, shown this once. */
function ScramResult({ result, verb }: { result: ScramUpsertResponse; verb: string }) {
  return (
    <div className="space-y-2 text-sm" data-testid="scram-result">
      <p>
        {verb} {result.mechanism} for <span className="font-mono">{result.user}</span>.
      </p>
      {result.generatedPassword ? (
        <>
          <p className="font-medium text-amber-700">Copy the password now: it is shown only this once.</p>
          <code
            className="block break-all rounded bg-slate-100 p-2 font-mono dark:bg-slate-800"
            data-testid="scram-password"
          >
            {result.generatedPassword}
          </code>
        </>
      ) : (
        <p>The password you entered is now in effect.</p>
      )}
    </div>
  );
}

export function ScramUsersView({ clusterId, canManage }: { clusterId: string; canManage: boolean }) {
  const { data, error, isPending } = useQuery(scramUsersOptions(clusterId));
  const [mode, setMode] = useState<Mode | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const del = useDeleteScramMutation(clusterId);
  let list: ReactNode;
  if (isPending) {
    list = <Loading label="Loading SCRAM users…" />;
  } else if (error) {
    list = <AccessError error={error} what="SCRAM users" />;
  } else if (data.users.length === 0) {
    list = <p className="text-sm text-slate-500">No SCRAM users on this cluster.</p>;
  } else {
    list = (
      <table className="w-full text-sm" data-testid="scram-table">
        <thead className="text-left text-xs text-slate-500">
          <tr>
            <th className="px-3 py-2">User</th>
            <th className="px-3 py-2">Credentials</th>
            <th className="px-3 py-2" />
          </tr>
        </thead>
        <tbody>
          {data.users.map((u) => (
            <tr
              key={u.name}
              className="border-t border-slate-100 dark:border-slate-800"
              data-testid={`scram-row-${u.name}`}
            >
              <td className="px-3 py-2 font-mono">{u.name}</td>
              <td className="px-3 py-2 text-xs">
                {u.credentials.map((c) => `${c.mechanism} (${c.iterations} iterations)`).join(", ")}
              </td>
              <td className="flex justify-end gap-2 px-3 py-2">
                {u.credentials.map((c) =>
                  c.mechanism === "UNKNOWN" ? null : (
                    <Button
                      key={c.mechanism}
                      size="sm"
                      disabled={!canManage}
                      onClick={() =>
                        setMode({ kind: "rotate", name: u.name, mechanism: c.mechanism as ScramMechanism })
                      }
                      data-testid={`scram-rotate-${u.name}`}
                    >
                      <KeyRound className="h-4 w-4" /> Rotate
                    </Button>
                  ),
                )}
                <Button
                  size="sm"
                  variant="danger"
                  disabled={!canManage}
                  onClick={() => setDeleting(u.name)}
                  data-testid={`scram-delete-${u.name}`}
                >
                  <Trash2 className="h-4 w-4" /> Delete
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  return (
    <div className="space-y-4">
      <div className="flex justify-end">
        <Button
          variant="primary"
          disabled={!canManage}
          onClick={() => setMode({ kind: "create" })}
          data-testid="scram-create"
        >
          <Plus className="h-4 w-4" /> Create user
        </Button>
      </div>
      {list}
      {mode ? <UpsertDialog clusterId={clusterId} mode={mode} onClose={() => setMode(null)} /> : null}
      {deleting ? (
        <TypedConfirmDialog
          target={deleting}
          title={`Delete SCRAM user ${deleting}`}
          description="Every SCRAM credential of this user is removed; clients using it can no longer authenticate."
          confirmLabel="Delete user"
          testId="scram-delete-dialog"
          idSuffix="scram-delete"
          isPending={del.isPending}
          error={del.error?.message}
          onConfirm={() => del.mutate(deleting, { onSuccess: () => setDeleting(null) })}
          onClose={() => setDeleting(null)}
        />
      ) : null}
    </div>
  );
}
