"use client";

import { cn } from "@/lib/cn";
import { TOPIC_CONFIGS } from "@/lib/topic-configs";
import { Options } from "@/components/ui/select";

const KEYS = Object.keys(TOPIC_CONFIGS).sort();
const control =
  "h-9 w-full rounded-md border border-slate-300 bg-white px-2 text-sm focus:outline-none focus:ring-2 focus:ring-brand-500 aria-[invalid=true]:border-red-500 dark:border-slate-700 dark:bg-slate-900";

type ControlProps = { id: string; value: string; onChange: (v: string) => void; invalid?: boolean; testId?: string };

/** A native select of the form's style: an empty first choice named by `placeholder`, then `values`. */
function ConfigSelect({
  id,
  value,
  onChange,
  invalid,
  testId,
  placeholder,
  values,
}: ControlProps & { placeholder: string; values: readonly string[] }) {
  return (
    <select
      id={id}
      className={cn(control, "font-mono")}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      aria-invalid={invalid || undefined}
      data-testid={testId}
    >
      <option value="">{placeholder}</option>
      <Options values={values} />
    </select>
  );
}

/** The doc line and the accepted values of a topic config key, for hints under a picker. */
export function configHint(key: string): string {
  const spec = TOPIC_CONFIGS[key];
  if (!spec) return "";
  const range =
    spec.type === "enum" || spec.type === "list"
      ? ` (${spec.values.join(spec.type === "list" ? ", or a comma-separated mix: " : " | ")})`
      : spec.type === "boolean"
        ? " (true | false)"
        : spec.type === "double" || (spec.type !== "replicas" && spec.max !== undefined)
          ? ` (${spec.min} … ${spec.max})`
          : spec.type === "long" || spec.type === "int"
            ? ` (≥ ${spec.min})`
            : "";
  return `${spec.doc}${range}`;
}

/** A picker over the topic configs Kafka accepts; `exclude` hides keys already used elsewhere. */
export function ConfigKeySelect({ exclude = [], ...control }: ControlProps & { exclude?: string[] }) {
  const { value } = control;
  return (
    <ConfigSelect
      {...control}
      placeholder="Choose a config…"
      values={KEYS.filter((k) => k === value || !exclude.includes(k))}
    />
  );
}

/** A value control that fits the key's type: a select for enums and booleans, a text box otherwise. */
export function ConfigValueInput({ configKey, ...control }: ControlProps & { configKey: string }) {
  const { id, value, onChange, invalid, testId } = control;
  const spec = TOPIC_CONFIGS[configKey];
  const choices = spec?.type === "enum" ? spec.values : spec?.type === "boolean" ? ["true", "false"] : null;
  if (choices) {
    return <ConfigSelect {...control} placeholder="Choose…" values={choices} />;
  }
  let placeholder = "value";
  if (spec?.type === "list") {
    placeholder = spec.values.join(",");
  } else if (spec) {
    placeholder = spec.type;
  }
  return (
    <input
      id={id}
      className={cn(control, "px-3 font-mono")}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      placeholder={placeholder}
      aria-invalid={invalid || undefined}
      data-testid={testId}
      autoComplete="off"
      spellCheck={false}
    />
  );
}
