"use client";

import { CheckCircle2, XCircle } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Checkbox } from "@/components/ui/checkbox";
import { MutationError } from "@/components/ui/form-errors";
import { BusyButton, FormDialogFooter } from "@/components/ui/form-dialog-footer";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { paths } from "@/lib/paths";
import { useCheckCompatibilityMutation, useRegisterSchemaMutation } from "@/lib/queries/schemas";
import { SCHEMA_TYPES, type CompatibilityCheck, type SchemaType } from "@/lib/schemas/schemas";
import { Select } from "@/components/ui/select";
import { SchemaReferencesFields, type ReferenceDraft } from "./schema-references-fields";

type Props = {
  clusterId: string;
  subject?: string;
  initialType?: SchemaType;
  initialSchema?: string;
  onClose: () => void;
  onRegistered?: (version: number) => void;
};

function Verdict({ check }: { check: CompatibilityCheck }) {
  const ok = !check.blocking;
  const text = !check.checked
    ? "New subject: there is no earlier version to check against."
    : check.compatible
      ? `Compatible with the latest version (${check.level ?? "unknown level"}).`
      : check.blocking
        ? `Not ${check.level} compatible with the latest version: registering is refused.`
        : `Not compatible by BACKWARD rules, but the level is ${check.level}: the registry accepts it.`;
  return (
    <div
      data-testid="compatibility-result"
      data-compatible={String(check.compatible)}
      className={`flex items-start gap-2 rounded-md border px-3 py-2 text-sm ${ok ? "border-emerald-200 bg-emerald-50 text-emerald-900 dark:border-emerald-900 dark:bg-emerald-950/40 dark:text-emerald-200" : "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-900 dark:bg-amber-950/40 dark:text-amber-200"}`}
    >
      {ok ? (
        <CheckCircle2 className="mt-0.5 h-4 w-4 shrink-0" aria-hidden />
      ) : (
        <XCircle className="mt-0.5 h-4 w-4 shrink-0" aria-hidden />
      )}
      <div className="space-y-1">
        <p>{text}</p>
        {!check.compatible && check.messages.length === 0 ? (
          <p className="text-xs">The registry gave no details.</p>
        ) : null}
        {check.messages.map((m) => (
          <p key={m} className="font-mono text-xs">
            {m}
          </p>
        ))}
      </div>
    </div>
  );
}

/** The schema's text, typed or loaded from a file; either way the verdict no longer holds. */
function SchemaTextField({ schema, onChange }: { schema: string; onChange: (text: string) => void }) {
  return (
    <Field
      label={
        <span className="flex items-center justify-between gap-2">
          Schema
          <label className="cursor-pointer text-xs font-normal text-brand-700 hover:underline dark:text-cyan-300">
            Load from a file…
            <input
              type="file"
              accept=".avsc,.json,.proto,.txt"
              className="sr-only"
              data-testid="schema-file-input"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void file.text().then(onChange);
              }}
            />
          </label>
        </span>
      }
      htmlFor="schema-text"
    >
      <textarea
        id="schema-text"
        value={schema}
        onChange={(e) => onChange(e.target.value)}
        rows={14}
        spellCheck={false}
        className="w-full rounded-md border border-slate-300 bg-white p-2 font-mono text-xs focus:outline-none focus:ring-2 focus:ring-brand-500 dark:border-slate-700 dark:bg-slate-900"
        data-testid="schema-text-input"
      />
    </Field>
  );
}

/** Offered when the verdict blocks: register once with the subject set to NONE. */
function ForceRegisterCheckbox({
  level,
  force,
  onChange,
}: {
  level: string | null;
  force: boolean;
  onChange: (on: boolean) => void;
}) {
  return (
    <Checkbox
      className="flex items-start gap-2 text-sm"
      inputClassName="mt-1"
      checked={force}
      onChange={onChange}
      testId="force-register-checkbox"
    >
      <span>
        Register anyway: Sluice sets the subject to NONE for this one registration and restores {level} afterwards.
        Consumers reading older data may break.
      </span>
    </Checkbox>
  );
}

/** The dialog's state: what is typed, the compatibility check and the registration, and whether registering may go. */
function useRegisterSchemaForm(clusterId: string, props: Props) {
  const { subject: fixedSubject, initialType = "AVRO", initialSchema = "", onClose, onRegistered } = props;
  const router = useRouter();
  const [subject, setSubject] = useState(fixedSubject ?? "");
  const [schemaType, setSchemaType] = useState<SchemaType>(initialType);
  const [schema, setSchema] = useState(initialSchema);
  const [force, setForce] = useState(false);
  const [references, setReferences] = useState<ReferenceDraft[]>([]);
  const check = useCheckCompatibilityMutation(clusterId);
  const register = useRegisterSchemaMutation(clusterId);
  const refs = references
    .filter((r) => r.name || r.subject)
    .map((r) => ({ name: r.name, subject: r.subject, version: Number(r.version) }));
  const body = { schemaType, schema, force, references: refs };
  const edited = () => {
    check.reset();
    register.reset();
    setForce(false);
  };
  /** A setter that also drops the verdict. */
  const editing =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      edited();
    };
  const verdict = check.data;
  const canRegister = !!verdict && !check.isPending && !register.isPending && (!verdict.blocking || force);
  const submit = () =>
    canRegister &&
    register.mutate(
      { subject, body },
      {
        onSuccess: (r) => {
          onClose();
          if (onRegistered) onRegistered(r.version);
          else router.push(`${paths.subject(clusterId, r.subject)}?version=${r.version}`);
        },
      },
    );
  return {
    fields: { subject, schemaType, schema, force, references },
    set: {
      subject: editing(setSubject),
      schemaType: editing(setSchemaType),
      schema: editing(setSchema),
      force: setForce,
      references: setReferences,
    },
    edited,
    check,
    runCheck: () => check.mutate({ subject, body }),
    register,
    verdict,
    canRegister,
    submit,
  };
}

/** Register a schema version: the registry's compatibility verdict is shown first; registering needs a fresh verdict. */
export function RegisterSchemaDialog(props: Props) {
  const { clusterId, subject: fixedSubject, onClose } = props;
  const form = useRegisterSchemaForm(clusterId, props);
  const { fields, set, check, register, verdict } = form;
  return (
    <Dialog
      onClose={onClose}
      size="lg"
      testId="register-schema-dialog"
      title={fixedSubject ? `Register a new version of ${fixedSubject}` : "Register a schema"}
      description="Sluice asks the registry whether the schema is compatible with the subject's latest version before registering it."
      footer={
        <FormDialogFooter onCancel={onClose}>
          <BusyButton
            onClick={form.runCheck}
            disabled={!fields.subject || !fields.schema.trim() || check.isPending}
            busy={check.isPending}
            busyLabel="Checking…"
            data-testid="check-compatibility-button"
          >
            Check compatibility
          </BusyButton>
          <BusyButton
            variant="primary"
            onClick={form.submit}
            disabled={!form.canRegister}
            busy={register.isPending}
            busyLabel="Registering…"
            data-testid="register-schema-button"
          >
            {fields.force && verdict?.blocking ? "Register anyway" : "Register"}
          </BusyButton>
        </FormDialogFooter>
      }
    >
      <div className="space-y-4">
        {!fixedSubject ? (
          <Field label="Subject" htmlFor="schema-subject" hint="TopicNameStrategy: <topic>-key or <topic>-value">
            <Input
              id="schema-subject"
              value={fields.subject}
              onChange={(e) => set.subject(e.target.value)}
              className="font-mono"
              autoComplete="off"
              spellCheck={false}
              data-testid="schema-subject-input"
            />
          </Field>
        ) : null}
        <Field label="Type" htmlFor="schema-type">
          <Select
            id="schema-type"
            value={fields.schemaType}
            onChange={(e) => set.schemaType(e.target.value as SchemaType)}
            data-testid="schema-type-select"
          >
            {SCHEMA_TYPES.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </Select>
        </Field>
        <SchemaTextField schema={fields.schema} onChange={set.schema} />
        <SchemaReferencesFields references={fields.references} onChange={set.references} onEdited={form.edited} />
        {verdict ? <Verdict check={verdict} /> : null}
        {verdict?.blocking ? (
          <ForceRegisterCheckbox level={verdict.level} force={fields.force} onChange={set.force} />
        ) : null}
        <MutationError action="check" topic={fields.subject} error={check.error} testId="check-error" />
        <MutationError action="register a schema for" topic={fields.subject} error={register.error} />
      </div>
    </Dialog>
  );
}
