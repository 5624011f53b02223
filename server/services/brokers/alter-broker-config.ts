import "server-only";
import type { z } from "zod";
import type { brokerConfigChangeBodySchema } from "@/lib/schemas/configs";
import type { ConfigDiff } from "@/lib/schemas/topics";
import { getClusterConfigOrThrow } from "@/server/config";
import { withDeadline } from "@/server/kafka/deadline";
import type { AuditContext } from "@/server/services/audit/record-audit";
import { alterConfigs } from "@/server/services/configs/alter-configs";

type Input = z.output<typeof brokerConfigChangeBodySchema>;

/**
 * Changes a broker's dynamic configuration — one broker (`brokerId`) or the cluster-wide default (`"default"`) —
 * with IncrementalAlterConfigs. dryRun: the broker validates (validateOnly) and the predicted diff comes back.
 */
export async function alterBrokerConfig(
  clusterId: string,
  broker: number | "default",
  input: Input,
  opts: { dryRun: boolean; audit: AuditContext },
): Promise<ConfigDiff> {
  const cluster = getClusterConfigOrThrow(clusterId);
  const target =
    broker === "default" ? ({ kind: "broker-default" } as const) : ({ kind: "broker", brokerId: broker } as const);
  return withDeadline(20_000, `Cluster "${cluster.name}"`, () =>
    alterConfigs(clusterId, target, input, {
      dryRun: opts.dryRun,
      audit: opts.audit,
      action: broker === "default" ? "broker.default_config_altered" : "broker.config_altered",
      targetType: "broker",
      target: broker === "default" ? "cluster default" : String(broker),
    }),
  );
}
