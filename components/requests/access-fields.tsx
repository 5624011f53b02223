"use client";

import { useQuery } from "@tanstack/react-query";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { TextField } from "@/components/ui/text-field";
import { principalsOptions } from "@/lib/queries/requests";
import { GRANT_OPERATIONS, type GrantOperation } from "@/lib/schemas/requests";
import { NumberFields, type NumberFieldSpec } from "./number-fields";

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
  // The input (a credential may name a new principal) and the select share these.
  const common = {
    id: "req-principal",
    value: d.principal,
    onChange: (e: { target: { value: string } }) => set({ principal: e.target.value }),
    "data-testid": "request-principal",
  };
  return (
    <Field
      label={label}
      htmlFor="req-principal"
      hint={hint}
      error={fieldError("principal") ?? fieldError("access.0.principal")}
    >
      {allowNew ? (
        <Input {...common} className="font-mono" placeholder="User:orders-svc" list="req-principals" />
      ) : (
        <Select {...common} className="w-full font-mono">
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

const DRAFT_CHOICES = {
  action: {
    label: "Action",
    id: "req-action",
    testId: "request-action",
    options: [
      ["create", "New SCRAM-SHA-512 credential"],
      ["rotate", "Rotate the password"],
    ],
  },
  patternType: {
    label: "Match",
    id: "req-pattern",
    testId: "request-pattern",
    options: [
      ["LITERAL", "This topic only"],
      ["PREFIXED", "Every topic with this prefix"],
    ],
  },
} as const;

/** A choice among fixed options: a credential request's action, or how an access request's topic name matches. */
function DraftChoice({ field, d, set }: Props & { field: keyof typeof DRAFT_CHOICES }) {
  const f = DRAFT_CHOICES[field];
  return (
    <Field label={f.label} htmlFor={f.id}>
      <Select
        id={f.id}
        className="w-full"
        value={d[field]}
        onChange={(e) => set({ [field]: e.target.value })}
        data-testid={f.testId}
      >
        {f.options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** A new credential for a principal (possibly a new one), or a rotated password. */
function CredentialFields(props: Props) {
  return (
    <>
      <PrincipalField {...props} allowNew />
      <DraftChoice field="action" {...props} />
    </>
  );
}

const QUOTA_FIELDS: NumberFieldSpec<"producerRate" | "consumerRate" | "requestPct">[] = [
  {
    key: "producerRate",
    label: "Producer bytes/s",
    id: "req-prod",
    path: "values.producer_byte_rate",
    testId: "request-quota-producer",
  },
  {
    key: "consumerRate",
    label: "Consumer bytes/s",
    id: "req-cons",
    path: "values.consumer_byte_rate",
    testId: "request-quota-consumer",
  },
  { key: "requestPct", label: "Request time (%)", id: "req-pct", path: "values.request_percentage" },
];

/** A principal's quotas: bytes per second in and out, and request time. */
function QuotaFields(props: Props) {
  const { d, set, fieldError } = props;
  return (
    <>
      <div className="sm:col-span-2">
        <PrincipalField {...props} />
      </div>
      <NumberFields specs={QUOTA_FIELDS} values={d} onValue={(k, v) => set({ [k]: v })} fieldError={fieldError} />
    </>
  );
}

const DRAFT_TEXTS = {
  resourceName: {
    label: "Topic or prefix",
    id: "req-resource",
    hint: "Another team's topic is decided by that team's approvers.",
    path: "resource.name",
    testId: "request-resource",
  },
  groupName: {
    label: "Consumer group (optional)",
    id: "req-group",
    hint: "The group the service consumes as; it carries your team's prefix.",
    path: "group.name",
    testId: "request-group",
  },
} as const;

/** A topic name, prefix or group name of an access request (monospace, with its hint and server error). */
function DraftText({ field, d, set, fieldError }: Props & { field: keyof typeof DRAFT_TEXTS }) {
  const f = DRAFT_TEXTS[field];
  return (
    <TextField
      label={f.label}
      id={f.id}
      hint={f.hint}
      error={fieldError(f.path)}
      className="font-mono"
      value={d[field]}
      onValue={(v) => set({ [field]: v })}
      data-testid={f.testId}
    />
  );
}

/** Access to a topic or a prefix: which operations, and the consumer group if any. */
function TopicAccessFields(props: Props) {
  const { d, set } = props;
  return (
    <>
      <div className="sm:col-span-2">
        <PrincipalField {...props} />
      </div>
      <DraftText field="resourceName" {...props} />
      <DraftChoice field="patternType" {...props} />
      <div className="sm:col-span-2">
        <Operations d={d} set={set} />
      </div>
      <div className="sm:col-span-2">
        <DraftText field="groupName" {...props} />
      </div>
    </>
  );
}

export function AccessFields(props: Props & { kind: "access" | "credential" | "quota" }) {
  if (props.kind === "credential") return <CredentialFields {...props} />;
  if (props.kind === "quota") return <QuotaFields {...props} />;
  return <TopicAccessFields {...props} />;
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
