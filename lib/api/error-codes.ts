/** The closed set of error codes Sluice returns, and the HTTP status each one maps to. */
export const ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  /** The request's Host is not one Sluice is configured to answer to (proxy.ts; DNS rebinding defence). */
  misdirected_request: 421,
  unprocessable_entity: 422,
  rate_limited: 429,
  internal: 500,
  kafka_unavailable: 503,
  /** A Kafka Connect worker (its REST API) cannot be reached or failed; the rest of Sluice is unaffected. */
  connect_unavailable: 503,
  /** This Sluice replica is shutting down (draining): retry, and a proxy sends the retry to another replica. */
  service_unavailable: 503,
  upstream_timeout: 504,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

export type ErrorDetail = { path: string; issue: string };

export type ErrorEnvelope = {
  error: { code: ErrorCode; message: string; requestId?: string; details?: ErrorDetail[] };
};
