"use client";

import { useQuery } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Loading } from "@/components/ui/states";
import { quotasOptions, usePutQuotaMutation } from "@/lib/queries/acls";
import { QUOTA_KEYS, type QuotaEntity, type QuotaEntry, type QuotaKey } from "@/lib/schemas/access";
import { AccessError } from "./access-error";

const LABEL: Record<QuotaKey, string> = {
  producer_byte_rate: "Producer bytes/s",
  consumer_byte_rate: "Consumer bytes/s",
  request_percentage: "Request time %",
  connection_creation_rate: "Connections/s",
};
const part = (v: string | null | undefined, what: string) =>
  v === undefined ? "" : v === null ? `default ${what}` : v;
const entityLabel = (e: QuotaEntity) =>
  [
    part(e.user, "user") && `user ${part(e.user, "user")}`,
    part(e.clientId, "client") && `client-id ${part(e.clientId, "client")}`,
  ]
    .filter(Boolean)
    .join(" + ");

/** Client quotas of users, client ids, their combinations and defaults; set or clear values per entity. */
export function QuotasView({ clusterId, canManage }: { clusterId: string; canManage: boolean }) {
  const put = usePutQuotaMutation(clusterId);
  // Entity: empty = not part of it, "<default>" = the default entity of that type.
  const [user, setUser] = useState("");
  const [clientId, setClientId] = useState("");
  const [values, setValues] = useState<Partial<Record<QuotaKey, string>>>({});
  const toPart = (v: string) => (v.trim() === "" ? undefined : v.trim() === "<default>" ? null : v.trim());
  const submit = () => {
    const entity: QuotaEntity = {};
    if (toPart(user) !== undefined) entity.user = toPart(user);
    if (toPart(clientId) !== undefined) entity.clientId = toPart(clientId);
    const body = Object.fromEntries(
      Object.entries(values)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, v!.trim() === "" ? null : Number(v)]),
    );
    put.mutate({ entity, values: body });
  };
  let saveStatus: ReactNode = null;
  if (put.error) {
    saveStatus = (
      <span role="alert" className="text-sm text-red-700" data-testid="quota-error">
        {put.error.message}
      </span>
    );
  } else if (put.isSuccess) {
    saveStatus = <span className="text-sm text-emerald-700">Saved.</span>;
  }
  return (
    <div className="space-y-6">
      <form
        className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-700"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        data-testid="quota-form"
      >
        <p className="text-sm font-medium">Set or clear a quota</p>
        <p className="text-xs text-slate-500">
          Name a user, a client id or both; type &lt;default&gt; for the default entity. An emptied value removes that
          quota.
        </p>
        <div className="grid grid-cols-2 gap-3 md:grid-cols-6">
          <Input placeholder="user" value={user} onChange={(e) => setUser(e.target.value)} data-testid="quota-user" />
          <Input
            placeholder="client id"
            value={clientId}
            onChange={(e) => setClientId(e.target.value)}
            data-testid="quota-client"
          />
          {QUOTA_KEYS.map((k) => (
            <Input
              key={k}
              placeholder={LABEL[k]}
              inputMode="decimal"
              value={values[k] ?? ""}
              onChange={(e) => setValues((v) => ({ ...v, [k]: e.target.value }))}
              data-testid={`quota-${k}`}
            />
          ))}
        </div>
        <div className="flex items-center gap-3">
          <Button type="submit" variant="primary" disabled={!canManage || put.isPending} data-testid="quota-save">
            Save quota
          </Button>
          {saveStatus}
        </div>
      </form>
      <QuotaList clusterId={clusterId} />
    </div>
  );
}

function QuotaList({ clusterId }: { clusterId: string }) {
  const { data, error, isPending } = useQuery(quotasOptions(clusterId));
  if (isPending) return <Loading label="Loading quotas…" />;
  if (error) return <AccessError error={error} what="quotas" />;
  return <QuotaTable quotas={data.quotas} />;
}

function QuotaTable({ quotas }: { quotas: QuotaEntry[] }) {
  if (quotas.length === 0) return <p className="text-sm text-slate-500">No client quotas on this cluster.</p>;
  return (
    <table className="w-full text-sm" data-testid="quota-table">
      <thead className="text-left text-xs text-slate-500">
        <tr>
          <th className="px-3 py-2">Entity</th>
          {QUOTA_KEYS.map((k) => (
            <th key={k} className="px-3 py-2">
              {LABEL[k]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {quotas.map((q) => (
          <tr
            key={entityLabel(q.entity)}
            className="border-t border-slate-100 dark:border-slate-800"
            data-testid="quota-row"
          >
            <td className="px-3 py-2 font-mono">{entityLabel(q.entity)}</td>
            {QUOTA_KEYS.map((k) => (
              <td key={k} className="px-3 py-2 tabular-nums">
                {q.values[k] ?? <span className="text-slate-400">—</span>}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
