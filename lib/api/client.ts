import { z } from "zod";
import { ERROR_CODES, type ErrorCode, type ErrorDetail } from "./error-codes";

/** An API error as the browser sees it: the envelope's fields plus the HTTP status. */
export class ApiClientError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
    readonly requestId?: string,
  ) {
    super(message);
    this.name = "ApiClientError";
  }
}

export function toApiClientError(status: number, body: unknown): ApiClientError {
  const err = (body as { error?: Record<string, unknown> } | null)?.error;
  if (err && typeof err.message === "string" && ERROR_CODES.includes(err.code as ErrorCode)) {
    return new ApiClientError(
      status,
      err.code as ErrorCode,
      err.message,
      (err.details as ErrorDetail[]) ?? [],
      err.requestId as string,
    );
  }
  return new ApiClientError(
    status,
    status >= 500 ? "internal" : "bad_request",
    `The server answered ${status} without an error description.`,
  );
}

/** A DTO type the server defines in TypeScript only (no zod schema to check it against): taken as sent. */
export const unchecked = <T>() => z.custom<T>(() => true);

/** A request with this method and, when given, this JSON body (fetchJson sets its content type). */
export const jsonInit = (method: string, body?: unknown): RequestInit => ({
  method,
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});

/** Fetches JSON and parses it with the DTO schema; any non-2xx becomes an ApiClientError. */
export async function fetchJson<S extends z.ZodType>(url: string, schema: S, init?: RequestInit): Promise<z.infer<S>> {
  let res: Response;
  try {
    res = await fetch(url, {
      ...init,
      headers: {
        accept: "application/json",
        ...(init?.body ? { "content-type": "application/json" } : {}),
        ...init?.headers,
      },
    });
  } catch (e) {
    if ((e as Error).name === "AbortError") throw e;
    throw new ApiClientError(
      0,
      "internal",
      "Sluice's server could not be reached. Check that it is running, then retry.",
    );
  }
  const body = await res.json().catch(() => null);
  if (res.status === 401 && typeof window !== "undefined" && !url.startsWith("/api/session")) {
    // The session expired or was ended: back to the sign-in page, returning here afterwards.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- a full reload outside React, on purpose
    window.location.assign(`/login?next=${encodeURIComponent(window.location.pathname + window.location.search)}`);
  }
  if (!res.ok) throw toApiClientError(res.status, body);
  return schema.parse(body);
}

/**
 * React Query retry policy: never retry a 4xx, nor a 503/504 (the server already retried Kafka within its
 * deadline, so the user should see the reason now); retry other failures once.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (
    error instanceof ApiClientError &&
    ((error.status >= 400 && error.status < 500) || error.status === 503 || error.status === 504)
  ) {
    return false;
  }
  return failureCount < 1;
}
