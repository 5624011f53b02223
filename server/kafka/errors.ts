import "server-only";
import { TimeoutError } from "@platformatic/kafka";
import type { ErrorCode } from "@/lib/api/error-codes";
import { ApiError } from "@/server/http/api-error";

type KafkaLikeError = Error & {
  type?: string;
  cause?: unknown;
  broker?: string;
  name: string;
  code?: unknown;
  apiId?: string;
};

/** Broker error types (KafkaJSProtocolError.type) → API code and a sentence a user can act on. */
const PROTOCOL_ERRORS: Record<string, [ErrorCode, string]> = {
  TOPIC_ALREADY_EXISTS: ["conflict", "A topic with this name already exists."],
  NON_EMPTY_GROUP: ["conflict", "The consumer group still has active members; stop them first."],
  UNKNOWN_TOPIC_OR_PARTITION: ["not_found", "The topic or partition does not exist on the cluster."],
  GROUP_ID_NOT_FOUND: ["not_found", "The consumer group does not exist."],
  TOPIC_AUTHORIZATION_FAILED: ["forbidden", "The cluster's ACLs do not allow Sluice's principal to access this topic."],
  GROUP_AUTHORIZATION_FAILED: ["forbidden", "The cluster's ACLs do not allow Sluice's principal to access this group."],
  CLUSTER_AUTHORIZATION_FAILED: [
    "forbidden",
    "The cluster's ACLs do not allow Sluice's principal to perform this cluster operation.",
  ],
  SASL_AUTHENTICATION_FAILED: [
    "forbidden",
    "The cluster rejected Sluice's SASL credentials; check the username and password in the configuration.",
  ],
  POLICY_VIOLATION: ["unprocessable_entity", "The broker's create/alter policy rejected the request."],
  INVALID_TOPIC_EXCEPTION: ["unprocessable_entity", "The topic name is not valid."],
  INVALID_PARTITIONS: ["unprocessable_entity", "The partition count is not valid."],
  INVALID_REPLICATION_FACTOR: ["unprocessable_entity", "The replication factor is not valid for this cluster."],
  INVALID_CONFIG: ["unprocessable_entity", "A configuration value is not valid."],
  INVALID_REQUEST: ["unprocessable_entity", "The broker rejected the request as invalid."],
  REQUEST_TIMED_OUT: ["upstream_timeout", "The broker did not answer in time."],
  LEADER_NOT_AVAILABLE: [
    "kafka_unavailable",
    "A partition has no leader right now; the cluster may be electing one. Retry shortly.",
  ],
  BROKER_NOT_AVAILABLE: ["kafka_unavailable", "A broker is not available."],
  NOT_CONTROLLER: ["kafka_unavailable", "The cluster's controller moved; retry."],
  COORDINATOR_NOT_AVAILABLE: ["kafka_unavailable", "The group coordinator is not available yet; retry shortly."],
  SECURITY_DISABLED: ["unprocessable_entity", "The cluster has no authorizer configured, so ACLs are not available."],
};

const UNAVAILABLE_NAMES = new Set([
  "KafkaJSConnectionError",
  "KafkaJSConnectionClosedError",
  "KafkaJSNoBrokerAvailableError",
  "KafkaJSBrokerNotFound",
  "KafkaJSMetadataNotLoaded",
]);

function rootCause(error: KafkaLikeError): KafkaLikeError {
  let e = error;
  // createTopics and friends wrap per-resource failures in an aggregate; the first one says what went wrong.
  const first = (e as { errors?: unknown[] }).errors?.[0];
  if (e.name === "KafkaJSAggregateError" && first instanceof Error) e = first as KafkaLikeError;
  while (
    (e.name === "KafkaJSNumberOfRetriesExceeded" || e.name === "KafkaJSNonRetriableError") &&
    e.cause instanceof Error
  ) {
    e = e.cause as KafkaLikeError;
  }
  // @platformatic/kafka: MultipleErrors/ResponseError aggregate per-resource errors; a ProtocolError names the
  // broker's error in apiId (the same names kafkajs uses as `type`).
  for (let depth = 0; depth < 4 && typeof e.code === "string" && e.code.startsWith("PLT_KFK_"); depth++) {
    const inner = (e as { errors?: unknown[] }).errors?.[0];
    if (e.apiId) break;
    if (inner instanceof Error) e = inner as KafkaLikeError;
    else break;
  }
  return e;
}

/** The broker error type behind a kafkajs error (through retries and aggregates), if any. */
export function kafkaErrorType(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const e = rootCause(error as KafkaLikeError);
  return e.type ?? e.apiId;
}

/** Maps anything kafkajs throws to an ApiError. ApiErrors pass through untouched. */
export function toApiError(error: unknown, clusterId?: string): ApiError {
  if (error instanceof ApiError) return error;
  if (!(error instanceof Error)) return new ApiError("internal", "Unexpected error while talking to Kafka.");
  const e = rootCause(error as KafkaLikeError);
  if (e.name === "DecompressionLimitError") return new ApiError("unprocessable_entity", e.message);
  const where = clusterId ? `Cluster "${clusterId}"` : "The cluster";
  const type = e.type ?? e.apiId;

  if (type && PROTOCOL_ERRORS[type]) {
    const [code, text] = PROTOCOL_ERRORS[type];
    return new ApiError(code, text);
  }
  if (type?.endsWith("_AUTHORIZATION_FAILED")) {
    return new ApiError("forbidden", `Not authorised by the cluster's ACLs (${type}).`);
  }
  if (type?.startsWith("INVALID_")) {
    return new ApiError("unprocessable_entity", `The broker rejected the request: ${e.message}`);
  }
  if (e.name === "KafkaJSSASLAuthenticationError" || e.code === "PLT_KFK_AUTHENTICATION") {
    return new ApiError("forbidden", `${where} rejected Sluice's credentials: ${e.message}`);
  }
  if (e.name === "KafkaJSRequestTimeoutError" || e.name === "KafkaJSTimeout" || e instanceof TimeoutError) {
    return new ApiError("upstream_timeout", `${where} did not answer in time. It may be overloaded; retry.`);
  }
  if (
    UNAVAILABLE_NAMES.has(e.name) ||
    e.code === "PLT_KFK_NETWORK" ||
    /ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ETIMEDOUT|Connection timeout/i.test(e.message)
  ) {
    return new ApiError("kafka_unavailable", `${where} is unreachable: ${describeConnectionFailure(e)}`);
  }
  if (e.name.startsWith("KafkaJS") || (typeof e.code === "string" && e.code.startsWith("PLT_KFK_"))) {
    return new ApiError("internal", `Kafka error: ${e.message}`);
  }
  return new ApiError("internal", "Unexpected error while talking to Kafka.");
}

function describeConnectionFailure(e: KafkaLikeError): string {
  const m = e.message;
  if (/ECONNREFUSED/.test(m)) {
    return `connection refused${e.broker ? ` by ${e.broker}` : ""}. Is the broker running and is the address right?`;
  }
  if (/ENOTFOUND/.test(m)) return "the broker's host name does not resolve. Check bootstrapServers.";
  if (/timeout|ETIMEDOUT/i.test(m)) return "connecting timed out. Check the address, firewall and TLS settings.";
  return m;
}
