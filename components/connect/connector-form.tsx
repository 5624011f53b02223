"use client";

import { useQuery } from "@tanstack/react-query";
import { CheckCircle2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useMemo, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { ErrorState, Loading } from "@/components/ui/states";
import { ApiClientError } from "@/lib/api/client";
import { paths } from "@/lib/paths";
import {
  connectPluginsOptions,
  pluginConfigOptions,
  useCreateConnectorMutation,
  useValidateConnectorMutation,
} from "@/lib/queries/connect";
import type { ConfigField, ConfigValidation } from "@/lib/schemas/connect";

/** Keys the form asks for itself (name, class) or that the worker sets. */
const OWN_KEYS = new Set(["name", "connector.class"]);
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

/**
 * Create a connector from a plugin: the form is generated from the plugin's config definition (the worker's
 * /config/validate), and the worker validates the config before anything is created, with errors shown per field.
 */
export function ConnectorForm({ clusterId, connectId }: { clusterId: string; connectId: string }) {
  const router = useRouter();
  const plugins = useQuery(connectPluginsOptions(clusterId, connectId));
  const [className, setClassName] = useState("");
  const pluginClass = className || plugins.data?.plugins[0]?.className || "";
  const def = useQuery({ ...pluginConfigOptions(clusterId, connectId, pluginClass), enabled: !!pluginClass });
  const [name, setName] = useState("");
  const [values, setValues] = useState<Record<string, string>>({});
  const [verdict, setVerdict] = useState<ConfigValidation | null>(null);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const validate = useValidateConnectorMutation(clusterId, connectId);
  const create = useCreateConnectorMutation(clusterId, connectId);

  const config = useMemo(
    () => ({
      ...Object.fromEntries(Object.entries(values).filter(([, v]) => v !== "")),
      "connector.class": pluginClass,
    }),
    [values, pluginClass],
  );
  const shown = verdict ?? def.data;
  const fields = useMemo(() => shown?.fields.filter((f) => !OWN_KEYS.has(f.name) && f.visible) ?? [], [shown]);
  const errorsOf = (f: ConfigField) => [
    ...(verdict ? f.errors : []),
    ...(serverErrors[f.name] ? [serverErrors[f.name]] : []),
  ];
  const groups = useMemo(() => {
    const by = new Map<string, ConfigField[]>();
    for (const f of fields) {
      const g = f.group ?? "Connector";
      by.set(g, [...(by.get(g) ?? []), f]);
    }
    return [...by.entries()].sort(([a], [b]) =>
      a === "Connector" ? -1 : b === "Connector" ? 1 : a === "Common" ? -1 : b === "Common" ? 1 : 0,
    );
  }, [fields]);
  const fieldErrorCount = verdict
    ? verdict.fields.filter((f) => !OWN_KEYS.has(f.name) && f.errors.length > 0).length
    : 0;

  const runValidate = () =>
    validate.mutateAsync({ className: pluginClass, config: { ...config, ...(name ? { name } : {}) } }).then((v) => {
      setVerdict(v);
      setServerErrors({});
      return v;
    });
  const submit = async () => {
    setServerErrors({});
    const v = await runValidate().catch(() => null);
    if (!v || v.fields.some((f) => f.name !== "name" && f.errors.length > 0) || !name) return;
    create.mutate(
      { name, config },
      {
        onSuccess: (d) => router.push(paths.connector(clusterId, connectId, d.name)),
        onError: (e) => {
          if (e instanceof ApiClientError) {
            setServerErrors(Object.fromEntries(e.details.map((d) => [d.path.replace(/^config\./, ""), d.issue])));
          }
        },
      },
    );
  };

  if (plugins.isPending) return <Loading label="Loading plugins…" />;
  if (plugins.error) return <ErrorState title="Could not list the worker's plugins" message={plugins.error.message} />;
  const nameError =
    serverErrors.name ??
    (create.error instanceof ApiClientError && create.error.code === "conflict" ? create.error.message : undefined);

  let fieldGroups: ReactNode;
  if (def.isPending) {
    fieldGroups = <Loading label="Loading the plugin's config definition…" />;
  } else if (def.error) {
    fieldGroups = <ErrorState title="Could not read the plugin's config definition" message={def.error.message} />;
  } else {
    fieldGroups = groups.map(([group, list], i) => (
      <Card key={group}>
        <details open={i < 2 || list.some((f) => errorsOf(f).length > 0)}>
          <summary className="cursor-pointer select-none px-4 py-3 text-sm font-medium">
            {group} <span className="font-normal text-slate-500">({list.length} settings)</span>
          </summary>
          <CardBody className="grid gap-4 border-t border-slate-100 md:grid-cols-2 dark:border-slate-800">
            {[...list]
              .sort((a, b) => Number(b.required) - Number(a.required) || a.orderInGroup - b.orderInGroup)
              .map((f) => (
                <Field
                  key={f.name}
                  label={
                    <>
                      {f.displayName} {f.required ? <span className="text-red-600">*</span> : null}{" "}
                      <span className="font-mono text-xs font-normal text-slate-500">{f.name}</span>
                    </>
                  }
                  htmlFor={fieldId(f.name)}
                  hint={f.documentation.length > 220 ? `${f.documentation.slice(0, 220)}…` : f.documentation}
                  error={errorsOf(f).join(" ") || undefined}
                  testId={`field-${f.name}`}
                >
                  <ConfigInput
                    field={f}
                    value={values[f.name] ?? ""}
                    onChange={(v) => setValues((s) => ({ ...s, [f.name]: v }))}
                  />
                </Field>
              ))}
          </CardBody>
        </details>
      </Card>
    ));
  }
  let verdictLine: ReactNode;
  if (validate.error) {
    verdictLine = <span className="text-red-700">{validate.error.message}</span>;
  } else if (verdict && fieldErrorCount) {
    verdictLine = (
      <span className="text-red-700 dark:text-red-400">
        The worker found errors in {fieldErrorCount} field(s); fix them and try again.
      </span>
    );
  } else if (verdict) {
    verdictLine = (
      <span className="flex items-center gap-1 text-emerald-700 dark:text-emerald-400">
        <CheckCircle2 className="h-4 w-4" /> The worker accepts this config.
      </span>
    );
  } else {
    verdictLine = (
      <span className="text-slate-500">The worker validates the config before the connector is created.</span>
    );
  }
  return (
    <div className="space-y-4" data-testid="connector-form">
      <Card>
        <CardBody className="grid gap-4 md:grid-cols-2">
          <Field
            label="Connector name"
            htmlFor="connector-name"
            error={nameError}
            hint="Unique on this Connect cluster; your team's prefix if you are an operator."
            testId="connector-name"
          >
            <Input
              id="connector-name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              autoComplete="off"
              data-testid="connector-name"
            />
          </Field>
          <Field label="Plugin" htmlFor="connector-plugin">
            <Select
              id="connector-plugin"
              value={pluginClass}
              onChange={(e) => {
                setClassName(e.target.value);
                setValues({});
                setVerdict(null);
                setServerErrors({});
              }}
              data-testid="connector-plugin"
            >
              {plugins.data.plugins.map((p) => (
                <option key={p.className} value={p.className}>
                  {p.className} ({p.type}
                  {p.version ? ` ${p.version}` : ""})
                </option>
              ))}
            </Select>
          </Field>
        </CardBody>
      </Card>
      {fieldGroups}
      <Card>
        <CardHeader className="items-center border-b-0">
          <div className="text-sm" role="status" data-testid="connector-verdict">
            {verdictLine}
            {create.error && !nameError ? (
              <p className="text-red-700 dark:text-red-400">{create.error.message}</p>
            ) : null}
          </div>
          <div className="flex gap-2">
            <Button
              onClick={() => void runValidate().catch(() => {})}
              disabled={validate.isPending || !pluginClass}
              data-testid="connector-validate"
            >
              Validate
            </Button>
            <Button
              variant="primary"
              onClick={() => void submit()}
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
