"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Input } from "@/components/ui/input";
import { Loading } from "@/components/ui/states";
import { Select } from "@/components/ui/select";
import {
  decide,
  effectivePermissions,
  OPERATIONS_BY_TYPE,
  type Decision,
  type EffectiveRow,
} from "@/lib/access/effective";
import { aclListOptions } from "@/lib/queries/acls";
import { ACL_RESOURCE_TYPES, type AclBinding, type AclOperation, type AclResourceType } from "@/lib/schemas/access";
import { AccessError } from "./access-error";
import { BindingTable } from "./binding-table";

/** How a resource name reads in the effective-permissions table: a prefix ends in …, the wildcard says so. */
function resourceLabel(r: { patternType: string; resource: string }): string {
  if (r.patternType === "PREFIXED") return `${r.resource}…`;
  if (r.resource === "*") return "* (every name)";
  return r.resource;
}

function DecisionBadge({ d }: { d: Decision }) {
  if (d.reason === "deny") {
    return (
      <Badge tone="bad" title="A DENY binding applies: DENY wins">
        denied
      </Badge>
    );
  }
  if (d.reason === "allow") return <Badge tone="ok">allowed</Badge>;
  return (
    <span className="text-xs text-slate-400" title="No binding allows it">
      —
    </span>
  );
}

/**
 * "What can this principal do, and on what": the bindings that apply to it (its own and User:*), each resource
 * pattern with the broker's decision per operation (DENY wins; prefixed, literal and wildcard bindings combined),
 * and a check for any resource name.
 */
export function PrincipalView({ clusterId, principal }: { clusterId: string; principal: string }) {
  const own = useQuery(aclListOptions(clusterId, { principal }));
  const everyone = useQuery(aclListOptions(clusterId, { principal: "User:*" }));
  if (own.isPending || everyone.isPending) return <Loading label="Loading the principal's bindings…" />;
  if (own.error || everyone.error) return <AccessError error={(own.error ?? everyone.error)!} what="ACLs" />;
  const bindings = principal === "User:*" ? own.data!.bindings : [...own.data!.bindings, ...everyone.data!.bindings];
  const rows = effectivePermissions(bindings, principal);
  const isSluice = own.data!.sluicePrincipal === principal;
  return (
    <div className="space-y-6">
      {isSluice ? (
        <p className="text-sm text-slate-600">
          This is the principal Sluice connects as; on the local broker it is a super user, which ACLs do not restrict.
        </p>
      ) : null}
      <section className="space-y-2">
        <h2 className="text-base font-semibold">Effective permissions</h2>
        <EffectiveTable rows={rows} principal={principal} />
      </section>
      <ResourceCheck bindings={bindings} principal={principal} />
      <section className="space-y-2">
        <h2 className="text-base font-semibold">Bindings that apply</h2>
        <BindingTable
          clusterId={clusterId}
          bindings={bindings}
          sluicePrincipal={own.data!.sluicePrincipal}
          testId="principal-bindings"
        />
      </section>
    </div>
  );
}

function EffectiveTable({ rows, principal }: { rows: EffectiveRow[]; principal: string }) {
  if (rows.length === 0) {
    return (
      <p className="text-sm text-slate-500" data-testid="principal-nothing">
        No binding applies to {principal}: the broker denies it everything (unless it is a super user).
      </p>
    );
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-700">
      <table className="w-full text-sm" data-testid="principal-effective">
        <thead className="bg-slate-50 text-left text-xs text-slate-500 dark:bg-slate-900">
          <tr>
            <th className="px-3 py-2">Resource</th>
            <th className="px-3 py-2">Operations</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              key={`${r.resourceType}|${r.patternType}|${r.resource}`}
              className="border-t border-slate-100 dark:border-slate-800"
              data-testid={`effective-${r.resourceType}-${r.patternType}-${r.resource}`}
            >
              <td className="px-3 py-2 align-top">
                <span className="text-xs text-slate-500">{r.resourceType}</span>{" "}
                <span className="font-mono">{resourceLabel(r)}</span>
              </td>
              <td className="px-3 py-2">
                <div className="flex flex-wrap gap-x-4 gap-y-1">
                  {r.ops.map((o) => (
                    <span
                      key={o.operation}
                      className="flex items-center gap-1 text-xs"
                      data-testid={`op-${o.operation}`}
                      data-decision={o.decision.reason}
                    >
                      <span className="font-mono">{o.operation}</span> <DecisionBadge d={o.decision} />
                    </span>
                  ))}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "Check one resource": the broker's decision for one resource name and operation. */
function ResourceCheck({ bindings, principal }: { bindings: AclBinding[]; principal: string }) {
  const [check, setCheck] = useState<{ type: AclResourceType; name: string; operation: AclOperation }>({
    type: "TOPIC",
    name: "",
    operation: "READ",
  });
  const result = check.name ? decide(bindings, principal, check.type, check.name, check.operation) : null;
  return (
    <section className="space-y-2">
      <h2 className="text-base font-semibold">Check one resource</h2>
      <div className="flex flex-wrap items-end gap-2">
        <Select
          value={check.type}
          onChange={(e) =>
            setCheck((c) => ({
              ...c,
              type: e.target.value as AclResourceType,
              operation: OPERATIONS_BY_TYPE[e.target.value as AclResourceType][0],
            }))
          }
          data-testid="check-type"
        >
          {ACL_RESOURCE_TYPES.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </Select>
        <Input
          className="w-64"
          placeholder="resource name"
          value={check.name}
          onChange={(e) => setCheck((c) => ({ ...c, name: e.target.value }))}
          data-testid="check-name"
        />
        <Select
          value={check.operation}
          onChange={(e) => setCheck((c) => ({ ...c, operation: e.target.value as AclOperation }))}
          data-testid="check-operation"
        >
          {OPERATIONS_BY_TYPE[check.type].map((o) => (
            <option key={o}>{o}</option>
          ))}
        </Select>
        {result ? (
          <span className="flex items-center gap-2 text-sm" data-testid="check-result" data-decision={result.reason}>
            <DecisionBadge d={result} />
            {result.reason === "no-acl"
              ? "no binding allows it"
              : `because of ${result.bindings.length} binding${result.bindings.length === 1 ? "" : "s"}`}
          </span>
        ) : null}
      </div>
    </section>
  );
}
