import "server-only";
import {
  describeConfigsV2,
  describeConfigsV3,
  describeConfigsV4,
  incrementalAlterConfigsV1,
  type Connection,
} from "@platformatic/kafka";
import { ApiError } from "@/server/http/api-error";
import { apiSupport } from "./api-versions";
import { toApiError } from "./errors";
import { withModernAdmin } from "./registry";

/**
 * Topic and broker configuration through `@platformatic/kafka`: DescribeConfigs, and IncrementalAlterConfigs
 * (KIP-339) for changes — each operation names one key (SET, DELETE, APPEND, SUBTRACT), so concurrent edits of
 * different keys never overwrite each other (AlterConfigs replaced a resource's whole override set). Requests for
 * one broker go to that broker; topics and the cluster-wide broker default go to any broker.
 */

export type ConfigTarget =
  { kind: "topic"; topic: string } | { kind: "broker"; brokerId: number } | { kind: "broker-default" };
export type ConfigOps = {
  set: Record<string, string>;
  reset: string[];
  append: Record<string, string>;
  subtract: Record<string, string>;
};
/** One config as the broker reports it. `source` is DescribeConfigs' configSource number (config-source.ts). */
export type DescribedConfig = {
  name: string;
  value: string | null;
  source: number;
  isSensitive: boolean;
  readOnly: boolean;
};

const DESCRIBE_CONFIGS = 32;
const INCREMENTAL_ALTER_CONFIGS = 44;
const TOPIC = 2;
const BROKER = 4;
const OPS = { SET: 0, DELETE: 1, APPEND: 2, SUBTRACT: 3 } as const;

const resourceOf = (t: ConfigTarget) =>
  t.kind === "topic"
    ? { resourceType: TOPIC, resourceName: t.topic }
    : { resourceType: BROKER, resourceName: t.kind === "broker" ? String(t.brokerId) : "" };

/** The connection a request about `target` goes to: the broker itself for its own configs, else any broker. */
async function connectionFor(
  admin: Parameters<Parameters<typeof withModernAdmin>[1]>[0],
  target: ConfigTarget,
): Promise<Connection> {
  const metadata = await admin.metadata({ topics: [] });
  const ids = [...metadata.brokers.keys()].sort((a, b) => a - b);
  if (target.kind === "broker" && !ids.includes(target.brokerId)) {
    throw new ApiError(
      "not_found",
      `Broker ${target.brokerId} is not part of this cluster (brokers: ${ids.join(", ")}).`,
    );
  }
  const id = target.kind === "broker" ? target.brokerId : ids[0];
  const connection = (await admin.connectToBrokers([id])).get(id);
  if (!connection) throw new ApiError("kafka_unavailable", `Broker ${id} could not be reached.`);
  return connection;
}

/**
 * A broker's refusal with its own words: INVALID_CONFIG and friends carry the broker's message
 * (serverErrorMessage), which says what is wrong with which key — more than any fixed sentence could.
 */
function brokerRefusal(error: unknown, clusterId: string): ApiError {
  let e = error as { errors?: unknown[]; apiId?: string; serverErrorMessage?: string | null } | undefined;
  for (let depth = 0; e && depth < 4 && !e.apiId && e.errors?.length; depth++) e = e.errors[0] as typeof e;
  const apiError = toApiError(error, clusterId);
  if (
    e?.apiId &&
    e.serverErrorMessage &&
    (apiError.code === "unprocessable_entity" || apiError.code === "not_found" || apiError.code === "forbidden")
  ) {
    return new ApiError(apiError.code, `The broker refused the change (${e.apiId}): ${e.serverErrorMessage}`);
  }
  return apiError;
}

/** Why config edits are not possible on this cluster (null when they are). */
export async function incrementalConfigGap(clusterId: string): Promise<string | null> {
  return (await apiSupport(clusterId)).why(INCREMENTAL_ALTER_CONFIGS, "IncrementalAlterConfigs", "Kafka 2.3+");
}

/** Every config of a topic, a broker, or (for the cluster-wide default) the keys set at the default level. */
export async function describeConfigs(clusterId: string, target: ConfigTarget): Promise<DescribedConfig[]> {
  const support = await apiSupport(clusterId);
  const describeApi = [describeConfigsV4, describeConfigsV3, describeConfigsV2].find((m) =>
    support.supports(DESCRIBE_CONFIGS, m.api.version),
  );
  if (!describeApi) {
    throw new ApiError(
      "unprocessable_entity",
      support.why(DESCRIBE_CONFIGS, "DescribeConfigs v2+", "Kafka 2.0+") ??
        "The cluster's DescribeConfigs versions are too old for Sluice.",
    );
  }
  return withModernAdmin(clusterId, async (admin) => {
    const connection = await connectionFor(admin, target);
    try {
      // configurationKeys null = every key (the v2/v3 types say string[], but their writers send null as null)
      const answer = await describeApi.api.async(
        connection,
        [
          {
            ...resourceOf(target),
            resourceType: resourceOf(target).resourceType as 2 | 4,
            configurationKeys: null as unknown as string[],
          },
        ],
        false,
        false,
      );
      return (answer.results[0]?.configs ?? []).map((c) => ({
        name: c.name,
        value: c.value ?? null,
        source: c.configSource,
        isSensitive: c.isSensitive,
        readOnly: c.readOnly,
      }));
    } catch (error) {
      throw brokerRefusal(error, clusterId);
    }
  });
}

/** Sends the operations in one IncrementalAlterConfigs request; with validateOnly the broker only checks them. */
export async function incrementalAlterConfigs(
  clusterId: string,
  target: ConfigTarget,
  ops: ConfigOps,
  validateOnly: boolean,
): Promise<void> {
  const gap = await incrementalConfigGap(clusterId);
  if (gap) throw new ApiError("unprocessable_entity", gap);
  const configs = [
    ...Object.entries(ops.set).map(([name, value]) => ({ name, configOperation: OPS.SET, value })),
    ...ops.reset.map((name) => ({ name, configOperation: OPS.DELETE })),
    ...Object.entries(ops.append).map(([name, value]) => ({ name, configOperation: OPS.APPEND, value })),
    ...Object.entries(ops.subtract).map(([name, value]) => ({ name, configOperation: OPS.SUBTRACT, value })),
  ] as Parameters<typeof incrementalAlterConfigsV1.api.async>[1][number]["configs"];
  await withModernAdmin(clusterId, async (admin) => {
    const connection = await connectionFor(admin, target);
    try {
      await incrementalAlterConfigsV1.api.async(
        connection,
        [{ ...resourceOf(target), resourceType: resourceOf(target).resourceType as 2 | 4, configs }],
        validateOnly,
      );
    } catch (error) {
      throw brokerRefusal(error, clusterId);
    }
  });
}
