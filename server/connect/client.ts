import "server-only";
import { getClusterConfigOrThrow } from "@/server/config";
import type { ConnectClusterConfig } from "@/server/config/schema";
import { ApiError } from "@/server/http/api-error";

/** Every call to a worker ends within this time (validate and restart may make the worker talk to the broker). */
export const CONNECT_TIMEOUT_MS = Number(process.env.SLUICE_CONNECT_TIMEOUT_MS ?? 15_000);
/** Largest worker answer Sluice reads; past it the body is dropped and the call fails (a worker never sends this much). */
export const CONNECT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

type Query = Record<string, string | number | boolean | undefined>;
export type ConnectRequest = {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  query?: Query | [string, string][];
  body?: unknown;
};
export type ConnectClient = {
  clusterId: string;
  clusterName: string;
  /** The Connect cluster's configured name (it appears in URLs). */
  name: string;
  /** Scheme, host and port only: credentials and paths stay on the server. */
  host: string;
  request: <T>(req: ConnectRequest) => Promise<T>;
};

/** Kafka Connect error bodies: {error_code, message}. */
type ConnectErrorBody = { error_code?: number; message?: string };

/** A worker answer that is not 2xx → the ApiError the user sees, with the worker's own message kept. */
export function toConnectError(status: number, body: unknown, who: string): ApiError {
  const b = (body && typeof body === "object" ? body : {}) as ConnectErrorBody;
  const message = (typeof b.message === "string" && b.message ? b.message : `HTTP ${status}`).slice(0, 2000);
  // Some input errors (an unknown plugin class in /config/validate) come back as 500 wrapping a BadRequestException.
  const badRequest = /^org\.apache\.kafka\.connect\.runtime\.rest\.errors\.BadRequestException: /.exec(message);
  if (badRequest) {
    return new ApiError("unprocessable_entity", `${who} refused the request: ${message.slice(badRequest[0].length)}`);
  }
  if (status === 404) return new ApiError("not_found", `${who}: ${message}`);
  if (status === 409) return new ApiError("conflict", `${who}: ${message}`);
  if (status === 400 || status === 422) {
    return new ApiError("unprocessable_entity", `${who} refused the request: ${message}`);
  }
  if (status === 401 || status === 403) {
    return new ApiError("forbidden", `${who} refused Sluice's credentials (HTTP ${status}).`);
  }
  if (status === 408 || status === 504) return new ApiError("upstream_timeout", `${who} timed out: ${message}`);
  if (status >= 500) return new ApiError("connect_unavailable", `${who} failed: ${message}`);
  return new ApiError("bad_request", `${who} rejected the request: ${message}`);
}

/**
 * A worker refuses any request with 409 while its group rebalances or its config view is stale ("Cannot complete
 * request momentarily due to stale configuration", "… a conflicting operation (e.g. worker rebalance)", "… no known
 * leader URL"): it did nothing, and the same request succeeds moments later. "Already exists" is a real conflict.
 */
export function isMomentaryConflict(status: number, body: unknown): boolean {
  if (status !== 409) return false;
  const message = (body && typeof body === "object" ? (body as ConnectErrorBody).message : undefined) ?? "";
  return /rebalanc|stale configuration|conflicting operation|no known leader/i.test(message);
}

/** Pauses between retries of a momentary conflict: about 15 s in all, then the worker's 409 reaches the caller. */
export const MOMENTARY_CONFLICT_BACKOFF_MS = [250, 500, 1000, 2000, 4000, 4000, 4000];

/** A failed fetch (refused connection, DNS, timeout) → 503 or 504 naming the worker. */
export function toConnectTransportError(error: unknown, who: string): ApiError {
  if (error instanceof ApiError) return error;
  const name = (error as { name?: string })?.name;
  if (name === "TimeoutError" || name === "AbortError") {
    return new ApiError("upstream_timeout", `${who} did not answer within ${CONNECT_TIMEOUT_MS / 1000} s.`);
  }
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  const why = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
  return new ApiError("connect_unavailable", `${who} cannot be reached (${why}).`);
}

/** Reads a body up to `limit` bytes; past it the stream is cancelled and the call fails. */
async function readBounded(res: Response, limit: number, who: string): Promise<string> {
  if (!res.body) return "";
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw new ApiError(
        "connect_unavailable",
        `${who} sent an answer larger than ${limit / (1024 * 1024)} MB; Sluice stopped reading it.`,
      );
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export function connectClustersOf(clusterId: string): ConnectClusterConfig[] {
  return getClusterConfigOrThrow(clusterId).connect;
}

/** The client of one Connect cluster of a Kafka cluster: 404 when no Connect cluster of that name is configured. */
export function connectFor(clusterId: string, connectName: string): ConnectClient {
  const cluster = getClusterConfigOrThrow(clusterId);
  const cfg = cluster.connect.find((c) => c.name === connectName);
  if (!cfg) {
    throw new ApiError(
      "not_found",
      `No Kafka Connect cluster "${connectName}" is configured for cluster "${cluster.name}".`,
    );
  }
  const base = cfg.url.replace(/\/+$/, "");
  const host = new URL(base).host;
  const who = `Kafka Connect "${cfg.name}" (${host})`;
  const auth = cfg.auth
    ? `Basic ${Buffer.from(`${cfg.auth.username}:${cfg.auth.password}`).toString("base64")}`
    : undefined;

  async function request<T>({ method = "GET", path, query, body }: ConnectRequest, attempt = 0): Promise<T> {
    const qs = new URLSearchParams(Array.isArray(query) ? query : []);
    if (!Array.isArray(query)) {
      for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) qs.set(k, String(v));
    }
    const url = `${base}${path}${qs.size ? `?${qs}` : ""}`;
    let text: string;
    let res: Response;
    try {
      res = await fetch(url, {
        method,
        headers: {
          accept: "application/json",
          ...(body === undefined ? {} : { "content-type": "application/json" }),
          ...(auth ? { authorization: auth } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(CONNECT_TIMEOUT_MS),
        cache: "no-store",
        redirect: "error",
      });
      text = await readBounded(res, CONNECT_MAX_RESPONSE_BYTES, who);
    } catch (error) {
      throw toConnectTransportError(error, who);
    }
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = { message: text.slice(0, 300) };
    }
    if (!res.ok) {
      const pause = MOMENTARY_CONFLICT_BACKOFF_MS[attempt];
      if (pause !== undefined && isMomentaryConflict(res.status, parsed)) {
        await new Promise((resolve) => setTimeout(resolve, pause));
        return request<T>({ method, path, query, body }, attempt + 1);
      }
      throw toConnectError(res.status, parsed, who);
    }
    return parsed as T;
  }

  return { clusterId, clusterName: cluster.name, name: cfg.name, host, request: (req) => request(req) };
}

/** Path segment helper: connector names may hold any character. */
export const seg = (s: string | number) => encodeURIComponent(String(s));
