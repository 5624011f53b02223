import "server-only";
import fs from "node:fs";
import path from "node:path";
import type { KafkaConfig, SASLOptions } from "kafkajs";
import type { ClusterConfig } from "@/server/config";

/** Bounds that keep a dead cluster from hanging a page: connect fails within ~3 s, requests within 5 s. */
export const KAFKA_TIMEOUTS = { connectionTimeout: 2_500, requestTimeout: 5_000, authenticationTimeout: 3_000 } as const;

/** Translates a cluster's configuration into kafkajs options. Secrets are read here and nowhere else. */
export function toKafkaConfig(cluster: ClusterConfig): KafkaConfig {
  const read = (f?: string) => (f ? fs.readFileSync(/*turbopackIgnore: true*/ path.resolve(f), "utf8") : undefined);
  const tls = cluster.tls?.enabled
    ? {
        ca: read(cluster.tls.caFile),
        cert: read(cluster.tls.certFile),
        key: read(cluster.tls.keyFile),
        rejectUnauthorized: !cluster.tls.insecureSkipVerify,
      }
    : undefined;
  return {
    clientId: `sluice-${cluster.id}`,
    brokers: cluster.bootstrapServers,
    ssl: tls,
    sasl: cluster.sasl
      ? ({ mechanism: cluster.sasl.mechanism, username: cluster.sasl.username, password: cluster.sasl.password } as SASLOptions)
      : undefined,
    ...KAFKA_TIMEOUTS,
    retry: { retries: 1, initialRetryTime: 150, maxRetryTime: 1_000 },
  };
}
