import "server-only";
import { ConfigResourceTypes, type Admin } from "kafkajs";
import type { z } from "zod";
import type { alterTopicConfigBodySchema, ConfigDiff } from "@/lib/schemas/topics";
import { getClusterConfigOrThrow } from "@/server/config";
import { ApiError } from "@/server/http/api-error";
import { withDeadline } from "@/server/kafka/deadline";
import { withAdmin } from "@/server/kafka/registry";
import { invalidateTopicSnapshot } from "@/server/kafka/topic-snapshot";
import { audited, type AuditContext } from "@/server/services/audit/record-audit";
import { getTopicInfoOrThrow } from "./get-topic-or-throw";

type Input = z.output<typeof alterTopicConfigBodySchema>;
const DYNAMIC_TOPIC_CONFIG = 1;

/** The topic's current overrides (dynamic topic configs), as the broker reports them. */
export async function readTopicOverrides(admin: Admin, topic: string): Promise<Record<string, string>> {
  const res = await admin.describeConfigs({ includeSynonyms: false, resources: [{ type: ConfigResourceTypes.TOPIC, name: topic }] });
  const entries = res.resources[0]?.configEntries ?? [];
  return Object.fromEntries(
    entries.filter((e) => (e as { configSource?: number }).configSource === DYNAMIC_TOPIC_CONFIG && e.configValue !== null).map((e) => [e.configName, e.configValue as string]),
  );
}

/** Pure merge: the override set after setting and resetting keys, and what changed. */
export function mergeOverrides(current: Record<string, string>, input: Input): { overrides: Record<string, string>; changes: ConfigDiff["changes"] } {
  const overrides = { ...current, ...input.set };
  for (const k of input.reset) delete overrides[k];
  const keys = [...new Set([...Object.keys(current), ...Object.keys(overrides)])].sort();
  const changes = keys.filter((k) => current[k] !== overrides[k]).map((k) => ({ name: k, before: current[k] ?? null, after: overrides[k] ?? null }));
  return { overrides, changes };
}

/**
 * Changes or resets topic config keys. kafkajs's AlterConfigs is not incremental: it replaces the topic's whole
 * override set. So the current overrides are read, merged and written back in full, and no other key is lost.
 * With dryRun the broker validates the merged set (validateOnly) and only the diff is returned.
 */
export async function alterTopicConfig(clusterId: string, topic: string, input: Input, opts: { dryRun: boolean; audit: AuditContext }): Promise<ConfigDiff> {
  const cluster = getClusterConfigOrThrow(clusterId);
  return withDeadline(20_000, `Cluster "${cluster.name}"`, async () => {
    await getTopicInfoOrThrow(clusterId, cluster.name, topic);
    return withAdmin(clusterId, async (admin) => {
      const current = await readTopicOverrides(admin, topic);
      const notOverridden = input.reset.filter((k) => !(k in current));
      if (notOverridden.length) {
        throw new ApiError("unprocessable_entity", `${notOverridden.join(", ")} ${notOverridden.length > 1 ? "are" : "is"} not overridden on "${topic}"; there is nothing to reset.`, [
          { path: "reset", issue: "not_overridden" },
        ]);
      }
      const { overrides, changes } = mergeOverrides(current, input);
      const write = (validateOnly: boolean) =>
        admin.alterConfigs({ validateOnly, resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configEntries: Object.entries(overrides).map(([name, value]) => ({ name, value })) }] });
      if (opts.dryRun || changes.length === 0) {
        await write(true);
        return { dryRun: opts.dryRun, changes, overrides };
      }
      return audited({ ...opts.audit, clusterId }, { action: "topic.config_altered", targetType: "topic", target: topic, before: current }, async () => {
        await write(false);
        invalidateTopicSnapshot(clusterId);
        return { dryRun: false, changes, overrides };
      }, (r) => r.overrides);
    });
  });
}
