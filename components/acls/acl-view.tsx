"use client";

import { useQuery } from "@tanstack/react-query";
import { Plus, Trash2 } from "lucide-react";
import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Loading } from "@/components/ui/states";
import { Select } from "@/components/ui/select";
import { aclListOptions, type AclFilterQuery } from "@/lib/queries/acls";
import { ACL_OPERATIONS, ACL_PATTERN_FILTERS, ACL_PERMISSIONS, ACL_RESOURCE_TYPES } from "@/lib/schemas/access";
import { AccessError } from "./access-error";
import { BindingTable } from "./binding-table";
import { CreateAclDialog } from "./create-acl-dialog";
import { DeleteAclsDialog } from "./delete-acls-dialog";

const clean = (f: AclFilterQuery): AclFilterQuery =>
  Object.fromEntries(Object.entries(f).filter(([, v]) => v && v !== "ANY")) as AclFilterQuery;

/**
 * Every ACL binding of a cluster, filtered like the broker filters (principal, host, resource type and name,
 * pattern type LITERAL/PREFIXED/MATCH, operation, permission), with create and delete behind previews.
 * `fixed` pins some filters (the ACL tab of a topic or group).
 */
export function AclView({
  clusterId,
  fixed,
  canManage,
  initial = {},
}: {
  clusterId: string;
  fixed?: AclFilterQuery;
  canManage: boolean;
  initial?: AclFilterQuery;
}) {
  const [applied, setApplied] = useState<AclFilterQuery>(clean(initial));
  const [dialog, setDialog] = useState<"create" | "delete" | null>(null);
  const filter = clean({ ...applied, ...fixed });
  const { data, error, isPending } = useQuery(aclListOptions(clusterId, filter));
  let list: ReactNode;
  if (isPending) {
    list = <Loading label="Loading ACLs…" />;
  } else if (error) {
    list = <AccessError error={error} what="ACLs" />;
  } else {
    list = <BindingTable clusterId={clusterId} bindings={data.bindings} sluicePrincipal={data.sluicePrincipal} />;
  }
  return (
    <div className="space-y-4">
      <AclFilters initial={initial} fixed={fixed} onApply={(f) => setApplied(clean(f))} />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-500" data-testid="acl-count">
          {data ? `${data.bindings.length} binding${data.bindings.length === 1 ? "" : "s"}` : ""}
          {data && fixed?.patternType === "MATCH" ? " that apply (literal, prefixed and wildcard)" : ""}
        </p>
        <div className="flex gap-2">
          <Button
            variant="primary"
            onClick={() => setDialog("create")}
            disabled={!canManage}
            title={canManage ? undefined : "Only admins (or approvers, where the cluster delegates) change ACLs."}
            data-testid="acl-create"
          >
            <Plus className="h-4 w-4" /> Create binding
          </Button>
          <Button
            variant="danger"
            onClick={() => setDialog("delete")}
            disabled={!canManage || !data?.bindings.length}
            data-testid="acl-delete"
          >
            <Trash2 className="h-4 w-4" /> Delete matching…
          </Button>
        </div>
      </div>
      {list}
      {dialog === "create" ? (
        <CreateAclDialog clusterId={clusterId} initial={fixed} onClose={() => setDialog(null)} />
      ) : null}
      {dialog === "delete" ? (
        <DeleteAclsDialog clusterId={clusterId} filter={filter} onClose={() => setDialog(null)} />
      ) : null}
    </div>
  );
}

/** The filter form; `fixed` filters show their value and cannot be changed. */
function AclFilters({
  initial,
  fixed,
  onApply,
}: {
  initial: AclFilterQuery;
  fixed?: AclFilterQuery;
  onApply: (draft: AclFilterQuery) => void;
}) {
  const [draft, setDraft] = useState<AclFilterQuery>(initial);
  const set = (k: keyof AclFilterQuery) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [k]: e.target.value }));
  const select = (k: keyof AclFilterQuery, label: string, options: readonly string[]) => (
    <label className="flex flex-col gap-1 text-xs text-slate-500">
      {label}
      <Select value={draft[k] ?? "ANY"} onChange={set(k)} data-testid={`acl-filter-${k}`} disabled={!!fixed?.[k]}>
        {["ANY", ...options].map((o) => (
          <option key={o} value={o}>
            {o === "ANY" ? "any" : o}
          </option>
        ))}
      </Select>
    </label>
  );
  return (
    <form
      className="grid grid-cols-2 items-end gap-3 md:grid-cols-4 xl:grid-cols-8"
      onSubmit={(e) => {
        e.preventDefault();
        onApply(draft);
      }}
      data-testid="acl-filters"
    >
      <label className="flex flex-col gap-1 text-xs text-slate-500">
        Principal
        <Input
          placeholder="User:orders-svc"
          value={draft.principal ?? ""}
          onChange={set("principal")}
          data-testid="acl-filter-principal"
        />
      </label>
      <label className="flex flex-col gap-1 text-xs text-slate-500">
        Host
        <Input placeholder="*" value={draft.host ?? ""} onChange={set("host")} data-testid="acl-filter-host" />
      </label>
      {select("resourceType", "Resource type", ACL_RESOURCE_TYPES)}
      <label className="flex flex-col gap-1 text-xs text-slate-500">
        Resource name
        <Input
          placeholder="orders."
          value={fixed?.resourceName ?? draft.resourceName ?? ""}
          onChange={set("resourceName")}
          disabled={!!fixed?.resourceName}
          data-testid="acl-filter-resourceName"
        />
      </label>
      {select(
        "patternType",
        "Pattern",
        ACL_PATTERN_FILTERS.filter((p) => p !== "ANY"),
      )}
      {select("operation", "Operation", ACL_OPERATIONS)}
      {select("permission", "Permission", ACL_PERMISSIONS)}
      <Button type="submit" data-testid="acl-filter-apply">
        Apply filters
      </Button>
    </form>
  );
}
