import "server-only";
import fs from "node:fs";
import path from "node:path";
import type { KafkaConfig, SASLOptions } from "kafkajs";
import type { AdminOptions } from "@platformatic/kafka";
import type { ClusterConfig } from "@/server/config";

/** Bounds that keep a dead cluster from hanging a page: connect fails within ~3 s, requests within 5 s. */
export const KAFKA_TIMEOUTS = {
  connectionTimeout: 2_500,
  requestTimeout: 5_000,
  authenticationTimeout: 3_000,
} as const;

/** TLS material of a cluster (files read here and nowhere else); undefined without TLS. */
function readTls(cluster: ClusterConfig) {
  const read = (f?: string) => (f ? fs.readFileSync(/*turbopackIgnore: true*/ path.resolve(f), "utf8") : undefined);
  return cluster.tls?.enabled
    ? {
        ca: read(cluster.tls.caFile),
        cert: read(cluster.tls.certFile),
        key: read(cluster.tls.keyFile),
        rejectUnauthorized: !cluster.tls.insecureSkipVerify,
      }
    : undefined;
}

const PLATFORMATIC_SASL = {
  plain: "PLAIN",
  "scram-sha-256": "SCRAM-SHA-256",
  "scram-sha-512": "SCRAM-SHA-512",
} as const;

/**
 * The same cluster configuration (bootstrap servers, TLS, SASL PLAIN/SCRAM, timeouts) as options for
 * `@platformatic/kafka`'s Admin, so both clients always connect the same way.
 */
export function toPlatformaticOptions(cluster: ClusterConfig): AdminOptions {
  const tls = readTls(cluster);
  return {
    clientId: `sluice-${cluster.id}`,
    bootstrapBrokers: cluster.bootstrapServers,
    tls,
    sasl: cluster.sasl
      ? {
          mechanism: PLATFORMATIC_SASL[cluster.sasl.mechanism],
          username: cluster.sasl.username,
          password: cluster.sasl.password,
        }
      : undefined,
    connectTimeout: KAFKA_TIMEOUTS.connectionTimeout,
    requestTimeout: KAFKA_TIMEOUTS.requestTimeout,
    timeout: KAFKA_TIMEOUTS.requestTimeout,
    retries: 1,
    retryDelay: 150,
    // Topic metadata is re-read on demand; the seam never relies on the client's metadata cache being current.
    metadataMaxAge: 5_000,
  };
}

/** Translates a cluster's configuration into kafkajs options. Secrets are read here and nowhere else. */
export function toKafkaConfig(cluster: ClusterConfig): KafkaConfig {
  const tls = readTls(cluster);
  return {
    clientId: `sluice-${cluster.id}`,
    brokers: cluster.bootstrapServers,
    ssl: tls,
    sasl: cluster.sasl
      ? ({
          mechanism: cluster.sasl.mechanism,
          username: cluster.sasl.username,
          password: cluster.sasl.password,
        } as SASLOptions)
      : undefined,
    ...KAFKA_TIMEOUTS,
    retry: { retries: 1, initialRetryTime: 150, maxRetryTime: 1_000 },
  };
}
