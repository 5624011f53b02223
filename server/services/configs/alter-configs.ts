import "server-only";
import type { ConfigDiff } from "@/lib/schemas/topics";
import { ApiError } from "@/server/http/api-error";
import {
  describeConfigs,
  incrementalAlterConfigs,
  type ConfigOps,
  type ConfigTarget,
  type DescribedConfig,
} from "@/server/kafka/configs";
import { audited, type AuditContext } from "@/server/services/audit/record-audit";

export const MASKED = "••••••";

/** DescribeConfigs' configSource of an override at each level. */
const OVERRIDE_SOURCE: Record<ConfigTarget["kind"], number> = { topic: 1, broker: 2, "broker-default": 3 };
/** Names that hold secrets even when the broker does not describe them (a key not set anywhere yet). */
const SECRET_NAME = /password|secret|jaas|credential|\.key$|private/i;

const opKeys = (ops: ConfigOps) => [
  ...Object.keys(ops.set),
  ...ops.reset,
  ...Object.keys(ops.append),
  ...Object.keys(ops.subtract),
];
const listOf = (v: string | null | undefined) =>
  v
    ? v
        .split(",")
        .map((x) => x.trim())
        .filter(Boolean)
    : [];

/** The overrides set at the target's level, by name. */
export function overridesAt(configs: DescribedConfig[], kind: ConfigTarget["kind"]): Record<string, string> {
  return Object.fromEntries(
    configs
      .filter((c) => c.source === OVERRIDE_SOURCE[kind] && c.value !== null)
      .map((c) => [c.name, c.value as string]),
  );
}

/**
 * Pure: what the overrides will be once the broker applies the operations — the preview's diff. APPEND and SUBTRACT
 * work on the key's current value (its override, else the value in effect), as the broker does.
 */
export function predictOverrides(
  configs: DescribedConfig[],
  kind: ConfigTarget["kind"],
  ops: ConfigOps,
): Record<string, string> {
  const current = overridesAt(configs, kind);
  const effective = (k: string) => current[k] ?? configs.find((c) => c.name === k)?.value ?? null;
  const after = { ...current, ...ops.set };
  for (const k of ops.reset) delete after[k];
  for (const [k, items] of Object.entries(ops.append)) {
    const list = listOf(effective(k));
    after[k] = [...list, ...listOf(items).filter((i) => !list.includes(i))].join(",");
  }
  for (const [k, items] of Object.entries(ops.subtract)) {
    const drop = listOf(items);
    after[k] = listOf(effective(k))
      .filter((i) => !drop.includes(i))
      .join(",");
  }
  return after;
}

/** Pure: the changed keys among those named by the operations, secrets masked. */
export function diffOf(
  before: Record<string, string>,
  after: Record<string, string>,
  keys: string[],
  isSecret: (k: string) => boolean,
): ConfigDiff["changes"] {
  const mask = (k: string, v: string | undefined) => (v === undefined ? null : isSecret(k) ? MASKED : v);
  return [...new Set(keys)]
    .sort()
    .filter((k) => before[k] !== after[k])
    .map((k) => ({ name: k, before: mask(k, before[k]), after: mask(k, after[k]) }));
}

const maskAll = (o: Record<string, string>, isSecret: (k: string) => boolean) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, isSecret(k) ? MASKED : v]));

export type AlterConfigsOptions = {
  dryRun: boolean;
  audit: AuditContext;
  action: string;
  targetType: string;
  target: string;
  afterWrite?: () => void;
};

/**
 * Changes configs with IncrementalAlterConfigs. A preview (dryRun) asks the broker to validate the operations
 * (validateOnly) and returns the predicted diff; the broker's refusal comes back as a 422 with its message.
 * Applying re-reads the configs afterwards, so the answer is what the broker now holds. Audited either way it ends;
 * secret values never appear in answers or audit rows.
 */
export async function alterConfigs(
  clusterId: string,
  target: ConfigTarget,
  ops: ConfigOps,
  opts: AlterConfigsOptions,
): Promise<ConfigDiff> {
  const configs = await describeConfigs(clusterId, target);
  const sensitive = new Set(configs.filter((c) => c.isSensitive).map((c) => c.name));
  const isSecret = (k: string) => sensitive.has(k) || SECRET_NAME.test(k);
  const before = overridesAt(configs, target.kind);
  const notOverridden = ops.reset.filter((k) => !(k in before));
  if (notOverridden.length) {
    const where =
      target.kind === "topic"
        ? `on "${target.topic}"`
        : target.kind === "broker"
          ? `on broker ${target.brokerId}`
          : "at the cluster-wide default";
    throw new ApiError(
      "unprocessable_entity",
      `${notOverridden.join(", ")} ${notOverridden.length > 1 ? "are" : "is"} not overridden ${where}; there is nothing to reset.`,
      [{ path: "reset", issue: "not_overridden" }],
    );
  }
  const keys = opKeys(ops);
  const send = (validateOnly: boolean) =>
    incrementalAlterConfigs(clusterId, target, ops, validateOnly).catch((error) =>
      Promise.reject(redact(error, ops, isSecret)),
    );
  if (opts.dryRun) {
    await send(true);
    const predicted = predictOverrides(configs, target.kind, ops);
    return {
      dryRun: true,
      changes: diffOf(before, predicted, keys, isSecret),
      overrides: maskAll(predicted, isSecret),
    };
  }
  return audited(
    { ...opts.audit, clusterId },
    {
      action: opts.action,
      targetType: opts.targetType,
      target: opts.target,
      before: { overrides: maskAll(before, isSecret), operations: maskOps(ops, isSecret) },
    },
    async () => {
      await send(false);
      opts.afterWrite?.();
      const after = overridesAt(await describeConfigs(clusterId, target), target.kind);
      return { dryRun: false, changes: diffOf(before, after, keys, isSecret), overrides: maskAll(after, isSecret) };
    },
    (r) => ({ changes: r.changes, overrides: r.overrides }),
  );
}

function maskOps(ops: ConfigOps, isSecret: (k: string) => boolean): ConfigOps {
  return {
    set: maskAll(ops.set, isSecret),
    reset: ops.reset,
    append: maskAll(ops.append, isSecret),
    subtract: maskAll(ops.subtract, isSecret),
  };
}

/** A broker's message may quote the refused value: a secret one is replaced before the message is shown or audited. */
function redact(error: unknown, ops: ConfigOps, isSecret: (k: string) => boolean): unknown {
  if (!(error instanceof ApiError)) return error;
  const secrets = [...Object.entries(ops.set), ...Object.entries(ops.append), ...Object.entries(ops.subtract)]
    .filter(([k, v]) => isSecret(k) && v.length > 0)
    .map(([, v]) => v);
  if (!secrets.some((v) => error.message.includes(v))) return error;
  return new ApiError(
    error.code,
    secrets.reduce((m, v) => m.split(v).join(MASKED), error.message),
    error.details,
  );
}
