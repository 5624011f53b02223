import "server-only";
import { ConfigResourceTypes, type KafkajsAdmin as Admin, withAdmin } from "@/server/kafka/registry";
import type { ConfigEntry } from "@/lib/schemas/clusters";
import { getClusterConfigOrThrow } from "@/server/config";
import { ApiError } from "@/server/http/api-error";
import { withDeadline } from "@/server/kafka/deadline";
import { configSourceName } from "@/server/kafka/config-source";
import { MASKED } from "@/server/services/configs/alter-configs";

type DescribedEntry = Awaited<ReturnType<Admin["describeConfigs"]>>["resources"][number]["configEntries"][number];

/** DescribeConfigs entries (a broker's or a topic's) as Sluice shows them: sensitive values masked, sorted by name. */
export function toConfigEntries(entries: DescribedEntry[]): ConfigEntry[] {
  return entries
    .map((e) => ({
      name: e.configName,
      value: e.isSensitive ? (e.configValue == null ? null : MASKED) : (e.configValue ?? null),
      source: configSourceName((e as { configSource?: number }).configSource),
      isDefault: e.isDefault,
      isSensitive: e.isSensitive,
      readOnly: e.readOnly,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** A broker's configuration as the broker reports it; sensitive values are masked before they leave. */
export async function getBrokerConfigs(clusterId: string, brokerId: number): Promise<ConfigEntry[]> {
  const cluster = getClusterConfigOrThrow(clusterId);
  return withDeadline(8_000, `Cluster "${cluster.name}"`, () =>
    withAdmin(clusterId, async (admin) => {
      const { brokers } = await admin.describeCluster();
      if (!brokers.some((b) => b.nodeId === brokerId)) {
        throw new ApiError(
          "not_found",
          `Broker ${brokerId} is not part of cluster "${cluster.name}" (brokers: ${brokers.map((b) => b.nodeId).join(", ")}).`,
        );
      }
      const res = await admin.describeConfigs({
        includeSynonyms: false,
        resources: [{ type: ConfigResourceTypes.BROKER, name: String(brokerId) }],
      });
      return toConfigEntries(res.resources[0]?.configEntries ?? []);
    }),
  );
}
