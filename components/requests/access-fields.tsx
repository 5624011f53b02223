"use client";

import { useQuery } from "@tanstack/react-query";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { principalsOptions } from "@/lib/queries/requests";
import { GRANT_OPERATIONS, type GrantOperation } from "@/lib/schemas/requests";

/** The request form's fields for access, credential and quota requests, and a new topic's grant. */
export type AccessDraft = {
  principal: string;
  resourceName: string;
  patternType: "LITERAL" | "PREFIXED";
  ops: GrantOperation[];
  groupName: string;
  action: "create" | "rotate";
  producerRate: string;
  consumerRate: string;
  requestPct: string;
};

export const EMPTY_ACCESS: AccessDraft = {
  principal: "",
  resourceName: "",
  patternType: "LITERAL",
  ops: ["READ"],
  groupName: "",
  action: "create",
  producerRate: "",
  consumerRate: "",
  requestPct: "",
};

const OP_HINT: Record<GrantOperation, string> = { READ: "consume", WRITE: "produce", DESCRIBE: "metadata only" };

type Props = {
  clusterId: string;
  teamId: string;
  d: AccessDraft;
  set: (p: Partial<AccessDraft>) => void;
  fieldError: (path: string) => string | undefined;
};

/** The team's principals as a select; a credential request may also name a new one. */
function PrincipalField({
  clusterId,
  teamId,
  d,
  set,
  fieldError,
  allowNew,
  label = "Service principal",
}: Props & { allowNew?: boolean; label?: string }) {
  const principals = useQuery(principalsOptions(clusterId));
  const mine = (principals.data ?? []).filter((p) => p.team.id === teamId);
  const hint = mine.length
    ? `Your team's: ${mine.map((p) => p.principal).join(", ")}`
    : "Your team has no principal yet: request a credential for a new one, or ask an admin.";
  return (
    <Field
      label={label}
      htmlFor="req-principal"
      hint={hint}
      error={fieldError("principal") ?? fieldError("access.0.principal")}
    >
      {allowNew ? (
        <Input
          id="req-principal"
          className="font-mono"
          placeholder="User:orders-svc"
          list="req-principals"
          value={d.principal}
          onChange={(e) => set({ principal: e.target.value })}
          data-testid="request-principal"
        />
      ) : (
        <Select
          id="req-principal"
          className="w-full font-mono"
          value={d.principal}
          onChange={(e) => set({ principal: e.target.value })}
          data-testid="request-principal"
        >
          <option value="">{label === "Service principal" ? "Choose…" : "No access with it"}</option>
          {mine.map((p) => (
            <option key={p.id} value={p.principal}>
              {p.principal}
            </option>
          ))}
        </Select>
      )}
      <datalist id="req-principals">
        {mine.map((p) => (
          <option key={p.id} value={p.principal} />
        ))}
      </datalist>
    </Field>
  );
}

function Operations({ d, set }: Pick<Props, "d" | "set">) {
  const toggle = (op: GrantOperation) =>
    set({ ops: d.ops.includes(op) ? d.ops.filter((o) => o !== op) : [...d.ops, op] });
  return (
    <fieldset className="space-y-1">
      <legend className="text-sm font-medium text-slate-700 dark:text-slate-300">Operations</legend>
      <div className="flex flex-wrap gap-4 text-sm">
        {GRANT_OPERATIONS.map((op) => (
          <label key={op} className="inline-flex items-center gap-1.5">
            <input
              type="checkbox"
              checked={d.ops.includes(op)}
              onChange={() => toggle(op)}
              data-testid={`request-op-${op}`}
            />
            {op} <span className="text-xs text-slate-500">({OP_HINT[op]})</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function AccessFields(props: Props & { kind: "access" | "credential" | "quota" }) {
  const { d, set, fieldError, kind } = props;
  if (kind === "credential") {
    return (
      <>
        <PrincipalField {...props} allowNew />
        <Field label="Action" htmlFor="req-action">
          <Select
            id="req-action"
            className="w-full"
            value={d.action}
            onChange={(e) => set({ action: e.target.value as AccessDraft["action"] })}
            data-testid="request-action"
          >
            <option value="create">New SCRAM-SHA-512 credential</option>
            <option value="rotate">Rotate the password</option>
          </Select>
        </Field>
      </>
    );
  }
  if (kind === "quota") {
    return (
      <>
        <div className="sm:col-span-2">
          <PrincipalField {...props} />
        </div>
        <Field label="Producer bytes/s" htmlFor="req-prod" error={fieldError("values.producer_byte_rate")}>
          <Input
            id="req-prod"
            type="number"
            min={1}
            value={d.producerRate}
            onChange={(e) => set({ producerRate: e.target.value })}
            data-testid="request-quota-producer"
          />
        </Field>
        <Field label="Consumer bytes/s" htmlFor="req-cons" error={fieldError("values.consumer_byte_rate")}>
          <Input
            id="req-cons"
            type="number"
            min={1}
            value={d.consumerRate}
            onChange={(e) => set({ consumerRate: e.target.value })}
            data-testid="request-quota-consumer"
          />
        </Field>
        <Field label="Request time (%)" htmlFor="req-pct" error={fieldError("values.request_percentage")}>
          <Input
            id="req-pct"
            type="number"
            min={1}
            value={d.requestPct}
            onChange={(e) => set({ requestPct: e.target.value })}
          />
        </Field>
      </>
    );
  }
  return (
    <>
      <div className="sm:col-span-2">
        <PrincipalField {...props} />
      </div>
      <Field
        label="Topic or prefix"
        htmlFor="req-resource"
        hint="Another team's topic is decided by that team's approvers."
        error={fieldError("resource.name")}
      >
        <Input
          id="req-resource"
          className="font-mono"
          value={d.resourceName}
          onChange={(e) => set({ resourceName: e.target.value })}
          data-testid="request-resource"
        />
      </Field>
      <Field label="Match" htmlFor="req-pattern">
        <Select
          id="req-pattern"
          className="w-full"
          value={d.patternType}
          onChange={(e) => set({ patternType: e.target.value as AccessDraft["patternType"] })}
          data-testid="request-pattern"
        >
          <option value="LITERAL">This topic only</option>
          <option value="PREFIXED">Every topic with this prefix</option>
        </Select>
      </Field>
      <div className="sm:col-span-2">
        <Operations d={d} set={set} />
      </div>
      <div className="sm:col-span-2">
        <Field
          label="Consumer group (optional)"
          htmlFor="req-group"
          hint="The group the service consumes as; it carries your team's prefix."
          error={fieldError("group.name")}
        >
          <Input
            id="req-group"
            className="font-mono"
            value={d.groupName}
            onChange={(e) => set({ groupName: e.target.value })}
            data-testid="request-group"
          />
        </Field>
      </div>
    </>
  );
}

/** A new topic's grant: one of the team's principals and what it may do (provisioned with the topic). */
export function TopicGrantFields(props: Props) {
  return (
    <>
      <PrincipalField {...props} label="Grant to a service (optional)" />
      {props.d.principal ? <Operations d={props.d} set={props.set} /> : <div />}
    </>
  );
}

const num = (s: string) => (s.trim() === "" ? undefined : Number(s));

/** The access part of a submission body (the dialog adds kind, team and justification). */
export function accessBody(kind: "access" | "credential" | "quota", d: AccessDraft): Record<string, unknown> {
  if (kind === "credential") return { principal: d.principal.trim(), action: d.action, mechanism: "SCRAM-SHA-512" };
  if (kind === "quota") {
    const values = Object.fromEntries(
      Object.entries({
        producer_byte_rate: num(d.producerRate),
        consumer_byte_rate: num(d.consumerRate),
        request_percentage: num(d.requestPct),
      }).filter(([, v]) => v !== undefined),
    );
    return { principal: d.principal, values };
  }
  return {
    principal: d.principal,
    resource: { name: d.resourceName.trim(), patternType: d.patternType },
    operations: d.ops,
    ...(d.groupName.trim() ? { group: { name: d.groupName.trim(), patternType: "LITERAL" } } : {}),
  };
}
