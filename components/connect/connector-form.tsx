"use client";

import { CheckCircle2 } from "lucide-react";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { ErrorState, Loading } from "@/components/ui/states";
import { TextField } from "@/components/ui/text-field";
import type { ConfigField } from "@/lib/schemas/connect";
import { useConnectorForm } from "./use-connector-form";

type Form = ReturnType<typeof useConnectorForm>;

const fieldId = (name: string) => `cf-${name.replace(/[^A-Za-z0-9_-]/g, "_")}`;

function ConfigInput({ field, value, onChange }: { field: ConfigField; value: string; onChange: (v: string) => void }) {
  const id = fieldId(field.name);
  const common = { id, "data-testid": `field-${field.name}`, "aria-invalid": field.errors.length > 0 || undefined };
  if (field.type === "BOOLEAN") {
    return (
      <Select {...common} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">default{field.defaultValue !== null ? ` (${field.defaultValue})` : ""}</option>
        <option value="true">true</option>
        <option value="false">false</option>
      </Select>
    );
  }
  if (field.recommendedValues.length > 0) {
    return (
      <Select {...common} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{field.defaultValue ? `default (${field.defaultValue})` : "—"}</option>
        {field.recommendedValues.map((v) => (
          <option key={v}>{v}</option>
        ))}
      </Select>
    );
  }
  return (
    <Input
      {...common}
      type={field.type === "PASSWORD" ? "password" : "text"}
      inputMode={field.type === "INT" || field.type === "LONG" || field.type === "SHORT" ? "numeric" : undefined}
      autoComplete="off"
      placeholder={field.defaultValue ?? ""}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

/** One setting of the plugin: its name, documentation (cut) and errors around its input. */
function ConfigFieldRow({ f, form }: { f: ConfigField; form: Form }) {
  return (
    <Field
      label={
        <>
          {f.displayName} {f.required ? <span className="text-red-600">*</span> : null}{" "}
          <span className="font-mono text-xs font-normal text-slate-500">{f.name}</span>
        </>
      }
      htmlFor={fieldId(f.name)}
      hint={f.documentation.length > 220 ? `${f.documentation.slice(0, 220)}…` : f.documentation}
      error={form.errorsOf(f).join(" ") || undefined}
      testId={`field-${f.name}`}
    >
      <ConfigInput field={f} value={form.values[f.name] ?? ""} onChange={(v) => form.setValue(f.name, v)} />
    </Field>
  );
}

/** The plugin's settings, a card per group; the first two groups and any with an error open. */
function FieldGroups({ form }: { form: Form }) {
  if (form.def.isPending) return <Loading label="Loading the plugin's config definition…" />;
  if (form.def.error) {
    return <ErrorState title="Could not read the plugin's config definition" message={form.def.error.message} />;
  }
  return form.groups.map(([group, list], i) => (
    <Card key={group}>
      <details open={i < 2 || list.some((f) => form.errorsOf(f).length > 0)}>
        <summary className="cursor-pointer select-none px-4 py-3 text-sm font-medium">
          {group} <span className="font-normal text-slate-500">({list.length} settings)</span>
        </summary>
        <CardBody className="grid gap-4 border-t border-slate-100 md:grid-cols-2 dark:border-slate-800">
          {[...list]
            .sort((a, b) => Number(b.required) - Number(a.required) || a.orderInGroup - b.orderInGroup)
            .map((f) => (
              <ConfigFieldRow key={f.name} f={f} form={form} />
            ))}
        </CardBody>
      </details>
    </Card>
  ));
}

/** What the worker said about the config last, or that it will be asked. */
function VerdictLine({ form }: { form: Form }): ReactNode {
  if (form.validate.error) return <span className="text-red-700">{form.validate.error.message}</span>;
  if (form.verdict && form.fieldErrorCount) {
    return (
      <span className="text-red-700 dark:text-red-400">
        The worker found errors in {form.fieldErrorCount} field(s); fix them and try again.
      </span>
    );
  }
  if (form.verdict) {
    return (
      <span className="flex items-center gap-1 text-emerald-700 dark:text-emerald-400">
        <CheckCircle2 className="h-4 w-4" /> The worker accepts this config.
      </span>
    );
  }
  return <span className="text-slate-500">The worker validates the config before the connector is created.</span>;
}

/** The connector's name and plugin. */
function NameAndPlugin({ form, plugins }: { form: Form; plugins: NonNullable<Form["plugins"]["data"]>["plugins"] }) {
  return (
    <Card>
      <CardBody className="grid gap-4 md:grid-cols-2">
        <TextField
          label="Connector name"
          id="connector-name"
          error={form.nameError}
          hint="Unique on this Connect cluster; your team's prefix if you are an operator."
          testId="connector-name"
          value={form.name}
          onValue={form.setName}
          autoComplete="off"
          data-testid="connector-name"
        />
        <Field label="Plugin" htmlFor="connector-plugin">
          <Select
            id="connector-plugin"
            value={form.pluginClass}
            onChange={(e) => form.choosePlugin(e.target.value)}
            data-testid="connector-plugin"
          >
            {plugins.map((p) => (
              <option key={p.className} value={p.className}>
                {p.className} ({p.type}
                {p.version ? ` ${p.version}` : ""})
              </option>
            ))}
          </Select>
        </Field>
      </CardBody>
    </Card>
  );
}

/**
 * Create a connector from a plugin: the form is generated from the plugin's config definition (the worker's
 * /config/validate), and the worker validates the config before anything is created, with errors shown per field.
 */
export function ConnectorForm({ clusterId, connectId }: { clusterId: string; connectId: string }) {
  const form = useConnectorForm(clusterId, connectId);
  const { plugins, create, validate, name, pluginClass } = form;
  if (plugins.isPending) return <Loading label="Loading plugins…" />;
  if (plugins.error) return <ErrorState title="Could not list the worker's plugins" message={plugins.error.message} />;
  return (
    <div className="space-y-4" data-testid="connector-form">
      <NameAndPlugin form={form} plugins={plugins.data.plugins} />
      <FieldGroups form={form} />
      <Card>
        <CardHeader className="items-center border-b-0">
          <div className="text-sm" role="status" data-testid="connector-verdict">
            <VerdictLine form={form} />
            {create.error && !form.nameError ? (
              <p className="text-red-700 dark:text-red-400">{create.error.message}</p>
            ) : null}
          </div>
          <div className="flex gap-2">
            <Button
              onClick={() => void form.runValidate().catch(() => {})}
              disabled={validate.isPending || !pluginClass}
              data-testid="connector-validate"
            >
              Validate
            </Button>
            <Button
              variant="primary"
              onClick={() => void form.submit()}
              disabled={create.isPending || validate.isPending || !name || !pluginClass}
              data-testid="connector-submit"
            >
              Create connector
            </Button>
          </div>
        </CardHeader>
      </Card>
    </div>
  );
}
