import "server-only";
import { ConfigResourceTypes, withAdmin } from "@/server/kafka/registry";
import type { z } from "zod";
import type { createTopicBodySchema, CreateTopicResult } from "@/lib/schemas/topics";
import { BROKER_SYNONYMS, TOPIC_CONFIGS } from "@/lib/topic-configs";
import { getClusterConfigOrThrow } from "@/server/config";
import { ApiError } from "@/server/http/api-error";
import { withDeadline } from "@/server/kafka/deadline";
import { getTopicSnapshot, invalidateTopicSnapshot } from "@/server/kafka/topic-snapshot";
import { audited, type AuditContext } from "@/server/services/audit/record-audit";

type Input = z.output<typeof createTopicBodySchema>;

/** Topic names that differ only in '.' vs '_' collide in Kafka's metric names. */
const metricName = (n: string) => n.replaceAll(".", "_");

/** The value each topic config takes without an override: the broker's synonym, scaled to the topic's unit. */
function brokerDefaults(brokerConfigs: Map<string, string | null>): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (const key of Object.keys(TOPIC_CONFIGS)) {
    let value: string | null = null;
    for (const syn of BROKER_SYNONYMS[key] ?? []) {
      const v = brokerConfigs.get(syn.name);
      if (v !== undefined && v !== null && v !== "") {
        value = syn.scale && /^-?\d+$/.test(v) && v !== "-1" ? String(BigInt(v) * BigInt(syn.scale)) : v;
        break;
      }
    }
    out.set(key, value);
  }
  return out;
}

/**
 * Creates a topic, or with dryRun has the broker validate it (validateOnly) and returns the preview. Checks the
 * replication factor against the live brokers and refuses a name that exists (kafkajs answers `false`, not an error).
 */
export async function createTopic(
  clusterId: string,
  input: Input,
  opts: { dryRun: boolean; audit: AuditContext },
): Promise<CreateTopicResult> {
  const cluster = getClusterConfigOrThrow(clusterId);
  return withDeadline(20_000, `Cluster "${cluster.name}"`, () =>
    withAdmin(clusterId, async (admin) => {
      const [{ brokers }, snapshot] = await Promise.all([admin.describeCluster(), getTopicSnapshot(clusterId)]);
      if (snapshot.byName.has(input.name)) {
        throw new ApiError("conflict", `Topic "${input.name}" already exists on cluster "${cluster.name}".`, [
          { path: "name", issue: "already_exists" },
        ]);
      }
      if (input.replicationFactor > brokers.length) {
        throw new ApiError(
          "unprocessable_entity",
          `Replication factor ${input.replicationFactor} is more than the ${brokers.length} broker(s) of cluster "${cluster.name}"; choose ${brokers.length} or less.`,
          [{ path: "replicationFactor", issue: "above_broker_count" }],
        );
      }
      const twin = snapshot.topics.find((t) => t.name !== input.name && metricName(t.name) === metricName(input.name));
      if (twin) {
        throw new ApiError(
          "unprocessable_entity",
          `"${input.name}" collides with the existing topic "${twin.name}": Kafka treats '.' and '_' alike in metric names and refuses it. Choose another name.`,
          [{ path: "name", issue: "metric_collision" }],
        );
      }
      const warnings: string[] = [];
      if (input.name.includes(".") && input.name.includes("_")) {
        warnings.push(
          "The name mixes '.' and '_'. Kafka treats them alike in metric names, so a future topic differing only there would collide; pick one separator.",
        );
      }

      const topics = [
        {
          topic: input.name,
          numPartitions: input.partitions,
          replicationFactor: input.replicationFactor,
          configEntries: Object.entries(input.configs).map(([name, value]) => ({ name, value })),
        },
      ];
      const run = async () => {
        const created = await admin.createTopics({
          topics,
          validateOnly: opts.dryRun,
          waitForLeaders: !opts.dryRun,
          timeout: 10_000,
        });
        if (!created) {
          throw new ApiError("conflict", `Topic "${input.name}" already exists on cluster "${cluster.name}".`, [
            { path: "name", issue: "already_exists" },
          ]);
        }
        invalidateTopicSnapshot(clusterId);
      };
      if (opts.dryRun) {
        await run();
      } else {
        await audited(
          { ...opts.audit, clusterId },
          { action: "topic.created", targetType: "topic", target: input.name },
          run,
          () => ({ partitions: input.partitions, replicationFactor: input.replicationFactor, configs: input.configs }),
        );
      }

      const res = await admin.describeConfigs({
        includeSynonyms: false,
        resources: [{ type: ConfigResourceTypes.BROKER, name: String(brokers[0].nodeId) }],
      });
      const defaults = brokerDefaults(
        new Map((res.resources[0]?.configEntries ?? []).map((e) => [e.configName, e.configValue])),
      );
      const configs = [...defaults.entries()].map(([name, value]) =>
        name in input.configs
          ? { name, value: input.configs[name], source: "override" as const }
          : { name, value, source: "default" as const },
      );
      return {
        name: input.name,
        partitions: input.partitions,
        replicationFactor: input.replicationFactor,
        dryRun: opts.dryRun,
        configs,
        warnings,
      };
    }),
  );
}
