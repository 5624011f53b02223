import "server-only";
import { COMPATIBILITY_LEVELS, type CompatibilityLevel, type SchemaType } from "@/lib/schemas/schemas";
import { getClusterConfigOrThrow, type ClusterConfig } from "@/server/config";
import { ApiError } from "@/server/http/api-error";

export const REGISTRY_TIMEOUT_MS = 5_000;
const CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

type Query = Record<string, string | number | boolean | undefined>;
export type RegistryRequest = {
  method?: "GET" | "POST" | "PUT" | "DELETE";
  path: string;
  query?: Query;
  body?: unknown;
};
export type RegistryClient = { clusterName: string; request: <T>(req: RegistryRequest) => Promise<T> };

/** Confluent error bodies: {error_code, message}. Apicurio speaks the same. */
type RegistryErrorBody = { error_code?: number; message?: string };

/**
 * A registry answer that is not 2xx → the ApiError the user sees. Confluent's codes first (they are finer than the
 * HTTP status), then the status. The registry's own message is kept: it names the subject, version or syntax problem.
 */
export function toRegistryError(status: number, body: unknown, who: string): ApiError {
  const b = (body && typeof body === "object" ? body : {}) as RegistryErrorBody;
  const code = typeof b.error_code === "number" ? b.error_code : status;
  const message = typeof b.message === "string" && b.message ? b.message : `HTTP ${status}`;
  if (code === 40405 || code === 40407) {
    return new ApiError(
      "unprocessable_entity",
      `${message}. Only soft-deleted subjects and versions can be deleted permanently: delete it without "permanent" first.`,
    );
  }
  if (code === 40401 || code === 40402 || code === 40403 || code === 40404 || code === 40408 || status === 404) {
    return new ApiError("not_found", message);
  }
  if (Math.floor(code / 100) === 422 || status === 422) {
    return new ApiError("unprocessable_entity", `${who} refused the schema: ${message}`);
  }
  if (code === 409 || status === 409) {
    return new ApiError("conflict", `${who} refused the schema as incompatible: ${message}`);
  }
  if (status === 401 || status === 403) {
    return new ApiError("forbidden", `${who} refused Sluice's credentials (HTTP ${status}).`);
  }
  if (status === 504 || status === 408) return new ApiError("upstream_timeout", `${who} timed out: ${message}`);
  if (status >= 500) return new ApiError("kafka_unavailable", `${who} failed: ${message}`);
  return new ApiError("bad_request", `${who} rejected the request: ${message}`);
}

/** A failed fetch (refused connection, DNS, timeout) → 503 or 504 naming the registry. */
export function toTransportError(error: unknown, who: string): ApiError {
  const name = (error as { name?: string })?.name;
  if (name === "TimeoutError" || name === "AbortError") {
    return new ApiError("upstream_timeout", `${who} did not answer within ${REGISTRY_TIMEOUT_MS / 1000} s.`);
  }
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  const why = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
  return new ApiError("kafka_unavailable", `${who} cannot be reached (${why}).`);
}

/** GET /config answers {compatibilityLevel}; Apicurio's PUT answers {compatibility}. Either → the level, or null. */
export function readCompatibility(body: unknown): CompatibilityLevel | null {
  const b = (body ?? {}) as { compatibilityLevel?: unknown; compatibility?: unknown };
  const level = b.compatibilityLevel ?? b.compatibility;
  return typeof level === "string" && (COMPATIBILITY_LEVELS as readonly string[]).includes(level)
    ? (level as CompatibilityLevel)
    : null;
}

function describe(cluster: ClusterConfig): string {
  const url = new URL(cluster.schemaRegistry!.url);
  return `The schema registry of cluster "${cluster.name}" (${url.host})`;
}

/** The registry client of a cluster: 404 when the cluster has none configured. */
export function registryFor(clusterId: string): RegistryClient {
  const cluster = getClusterConfigOrThrow(clusterId);
  const reg = cluster.schemaRegistry;
  if (!reg) throw new ApiError("not_found", `No schema registry is configured for cluster "${cluster.name}".`);
  const base = reg.url.replace(/\/+$/, "");
  const who = describe(cluster);
  const auth = reg.username
    ? `Basic ${Buffer.from(`${reg.username}:${reg.password ?? ""}`).toString("base64")}`
    : undefined;

  async function request<T>({ method = "GET", path, query, body }: RegistryRequest): Promise<T> {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) qs.set(k, String(v));
    const url = `${base}${path}${qs.size ? `?${qs}` : ""}`;
    let res: Response;
    try {
      res = await fetch(url, {
        method,
        headers: {
          accept: `${CONTENT_TYPE}, application/json`,
          ...(body === undefined ? {} : { "content-type": CONTENT_TYPE }),
          ...(auth ? { authorization: auth } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(REGISTRY_TIMEOUT_MS),
        cache: "no-store",
      });
    } catch (error) {
      throw toTransportError(error, who);
    }
    const text = await res.text().catch(() => "");
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = { message: text.slice(0, 300) };
    }
    if (!res.ok) throw toRegistryError(res.status, parsed, who);
    return parsed as T;
  }

  return { clusterName: cluster.name, request };
}

/** Path segment helper: subjects may hold any character. */
export const seg = (s: string | number) => encodeURIComponent(String(s));

export type SchemaInput = {
  schemaType: SchemaType;
  schema: string;
  references: { name: string; subject: string; version: number }[];
};

/** The registry's schema body: Confluent leaves schemaType out for AVRO. */
export const toRegistrySchema = (s: SchemaInput) => ({
  schema: s.schema,
  ...(s.schemaType === "AVRO" ? {} : { schemaType: s.schemaType }),
  ...(s.references.length ? { references: s.references } : {}),
});
