"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
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
export const OWN_KEYS = new Set(["name", "connector.class"]);

/** Groups in the order shown: the plugin's own settings first, then the common ones, then the rest as they come. */
function groupFields(fields: ConfigField[]): [string, ConfigField[]][] {
  const by = new Map<string, ConfigField[]>();
  for (const f of fields) {
    const g = f.group ?? "Connector";
    by.set(g, [...(by.get(g) ?? []), f]);
  }
  return [...by.entries()].sort(([a], [b]) =>
    a === "Connector" ? -1 : b === "Connector" ? 1 : a === "Common" ? -1 : b === "Common" ? 1 : 0,
  );
}

/**
 * The state of the new-connector form: plugin, name and values, the worker's verdict on them and the errors the
 * server returned per field; `submit` validates first and creates only a config the worker accepts.
 */
export function useConnectorForm(clusterId: string, connectId: string) {
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
  const groups = useMemo(() => groupFields(fields), [fields]);
  const errorsOf = (f: ConfigField) => [
    ...(verdict ? f.errors : []),
    ...(serverErrors[f.name] ? [serverErrors[f.name]] : []),
  ];
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
  const choosePlugin = (c: string) => {
    setClassName(c);
    setValues({});
    setVerdict(null);
    setServerErrors({});
  };
  const nameError =
    serverErrors.name ??
    (create.error instanceof ApiClientError && create.error.code === "conflict" ? create.error.message : undefined);
  const setValue = (field: string, v: string) => setValues((s) => ({ ...s, [field]: v }));
  return {
    plugins,
    pluginClass,
    choosePlugin,
    def,
    name,
    setName,
    nameError,
    values,
    setValue,
    groups,
    errorsOf,
    verdict,
    fieldErrorCount,
    validate,
    create,
    runValidate,
    submit,
  };
}
