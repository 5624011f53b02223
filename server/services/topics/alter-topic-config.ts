import "server-only";
import { ConfigResourceTypes, type KafkajsAdmin as Admin } from "@/server/kafka/registry";
import type { z } from "zod";
import type { alterTopicConfigBodySchema, ConfigDiff } from "@/lib/schemas/topics";
import { getClusterConfigOrThrow } from "@/server/config";
import { withDeadline } from "@/server/kafka/deadline";
import { invalidateTopicSnapshot } from "@/server/kafka/topic-snapshot";
import type { AuditContext } from "@/server/services/audit/record-audit";
import { alterConfigs } from "@/server/services/configs/alter-configs";
import { getTopicInfoOrThrow } from "./get-topic-or-throw";

type Input = z.input<typeof alterTopicConfigBodySchema>;
const DYNAMIC_TOPIC_CONFIG = 1;

/** The topic's current overrides (dynamic topic configs), as the broker reports them. */
export async function readTopicOverrides(admin: Admin, topic: string): Promise<Record<string, string>> {
  const res = await admin.describeConfigs({
    includeSynonyms: false,
    resources: [{ type: ConfigResourceTypes.TOPIC, name: topic }],
  });
  const entries = res.resources[0]?.configEntries ?? [];
  return Object.fromEntries(
    entries
      .filter((e) => (e as { configSource?: number }).configSource === DYNAMIC_TOPIC_CONFIG && e.configValue !== null)
      .map((e) => [e.configName, e.configValue as string]),
  );
}

/**
 * Changes topic config keys with IncrementalAlterConfigs (set, reset, append, subtract): only the named keys are
 * touched, so two edits of different keys never overwrite each other. With dryRun the broker validates the
 * operations (validateOnly) and the predicted diff is returned.
 */
export async function alterTopicConfig(
  clusterId: string,
  topic: string,
  input: Input,
  opts: { dryRun: boolean; audit: AuditContext },
): Promise<ConfigDiff> {
  const cluster = getClusterConfigOrThrow(clusterId);
  const ops = {
    set: input.set ?? {},
    reset: input.reset ?? [],
    append: input.append ?? {},
    subtract: input.subtract ?? {},
  };
  return withDeadline(20_000, `Cluster "${cluster.name}"`, async () => {
    await getTopicInfoOrThrow(clusterId, cluster.name, topic);
    return alterConfigs(clusterId, { kind: "topic", topic }, ops, {
      dryRun: opts.dryRun,
      audit: opts.audit,
      action: "topic.config_altered",
      targetType: "topic",
      target: topic,
      afterWrite: () => invalidateTopicSnapshot(clusterId),
    });
  });
}
