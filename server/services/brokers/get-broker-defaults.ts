import "server-only";
import type { BrokerDefaultConfigs } from "@/lib/schemas/configs";
import { getClusterConfigOrThrow } from "@/server/config";
import { describeConfigs, incrementalConfigGap } from "@/server/kafka/configs";
import { configSourceName } from "@/server/kafka/config-source";
import { withDeadline } from "@/server/kafka/deadline";
import { MASKED } from "@/server/services/configs/alter-configs";

/** The cluster-wide default broker configuration (keys set for every broker at once); secrets masked. */
export async function getBrokerDefaults(clusterId: string): Promise<BrokerDefaultConfigs> {
  const cluster = getClusterConfigOrThrow(clusterId);
  return withDeadline(8_000, `Cluster "${cluster.name}"`, async () => {
    const [configs, gap] = await Promise.all([
      describeConfigs(clusterId, { kind: "broker-default" }),
      incrementalConfigGap(clusterId),
    ]);
    return {
      configs: configs
        .filter((c) => c.source === 3)
        .map((c) => ({
          name: c.name,
          value: c.isSensitive ? (c.value == null ? null : MASKED) : c.value,
          source: configSourceName(c.source),
          isDefault: false,
          isSensitive: c.isSensitive,
          readOnly: c.readOnly,
        }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      unavailable: gap,
    };
  });
}
