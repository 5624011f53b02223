import "server-only";
import { z } from "zod";
import { ERROR_STATUS, type ErrorDetail, type ErrorEnvelope } from "@/lib/api/error-codes";
import { hostPolicy, isAllowedOrigin } from "@/lib/security/hosts";
import { hasBearer } from "@/server/auth/api-tokens";
import { authorize } from "@/server/auth/authorize";
import { can, PERMISSIONS, refusal, type Actor, type Permission } from "@/server/auth/permissions";
import { getActor } from "@/server/auth/session";
import { auditRefusal } from "@/server/services/audit/record-refusal";
import { ApiError } from "./api-error";
import { DRAIN_RETRY_MS, isDraining, trackMutation } from "./drain";
import { runWithRequest } from "./request-context";
import { newRequestId } from "./request-id";

type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.infer<S> : undefined;

/**
 * What a success answers, for the OpenAPI document: one JSON schema (status 200), JSON schemas per success status
 * (`null`: no body, e.g. 204), or a non-JSON media type (`{ mediaType: "text/event-stream" }`, export files).
 */
export type ResponseSpec = Schema | { [status: number]: Schema | null } | { mediaType: string; status?: number };

/** What a route declares, kept on its handler as `spec` for the OpenAPI document. */
export type RouteSpec = { permission: string; params?: Schema; query?: Schema; body?: Schema; response?: ResponseSpec };

type RouteOptions<P extends Schema | undefined, Q extends Schema | undefined, B extends Schema | undefined> = {
  /** "public": no session needed; "signed-in": any signed-in user (the service checks the rest). */
  permission: Permission | "public" | "signed-in";
  /**
   * For scoped permissions: the topic/group/subject name the action touches, checked against the operator's
   * team prefixes. Defaults to the topicName, groupId or subject path parameter.
   */
  scope?: (input: { params: Out<P>; query: Out<Q>; body: Out<B> }) => string | undefined;
  params?: P;
  query?: Q;
  body?: B;
  /** What a success answers (documented in /api/openapi.json; integration tests check every answer against it). */
  response?: ResponseSpec;
  /**
   * Largest JSON body accepted, in bytes (default BODY_LIMIT_DEFAULT); a function may size it from the path
   * parameters (produce: the topic's max.message.bytes). Larger bodies answer 413 before they are parsed.
   */
  bodyLimit?: number | ((params: Out<P>) => Promise<number> | number);
  handler: (input: {
    params: Out<P>;
    query: Out<Q>;
    body: Out<B>;
    actor: Actor;
    request: Request;
    requestId: string;
  }) => Promise<Response>;
};

export function zodDetails(error: z.ZodError): ErrorDetail[] {
  return error.issues.map((i) => ({ path: i.path.join("."), issue: i.message }));
}

function parseOrThrow<S extends Schema>(schema: S, value: unknown, what: string): z.infer<S> {
  const r = schema.safeParse(value);
  if (!r.success) {
    const details = zodDetails(r.error);
    const first = details[0];
    throw new ApiError(
      "unprocessable_entity",
      `Invalid ${what}: ${first.path ? `${first.path}: ` : ""}${first.issue}`,
      details,
    );
  }
  return r.data;
}

export function errorResponse(error: unknown, requestId: string): Response {
  let apiError: ApiError;
  if (error instanceof ApiError) {
    apiError = error;
  } else {
    console.error(`[${requestId}]`, error);
    apiError = new ApiError(
      "internal",
      "Something went wrong on Sluice's server. The error was logged with this request id.",
    );
  }
  const body: ErrorEnvelope = {
    error: {
      code: apiError.code,
      message: apiError.message,
      requestId,
      ...(apiError.details?.length ? { details: apiError.details } : {}),
    },
  };
  const retry: Record<string, string> =
    apiError.code === "service_unavailable" ? { "retry-after": String(Math.ceil(DRAIN_RETRY_MS / 1000)) } : {};
  return Response.json(body, { status: ERROR_STATUS[apiError.code], headers: { "x-request-id": requestId, ...retry } });
}

/** Bodies are small JSON documents unless a route says otherwise. */
export const BODY_LIMIT_DEFAULT = 64 * 1024;

/** Decodes one path segment; a malformed escape is the caller's error (400), never a 500. */
function decodeParam(name: string, value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw new ApiError("bad_request", `The path parameter "${name}" has a malformed percent-encoding.`, [
      { path: name, issue: "malformed percent-encoding" },
    ]);
  }
}

/**
 * Reads the body with a byte counter (Content-Length is checked first, but never trusted alone): past `limit`
 * the stream is cancelled and the request answered 413.
 */
async function readJsonBody(request: Request, limit: number): Promise<unknown> {
  const tooLarge = () =>
    new ApiError("payload_too_large", `The request body is larger than this endpoint accepts (${limit} bytes).`);
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
  const chunks: Uint8Array[] = [];
  if (request.body) {
    const reader = request.body.getReader();
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read().catch(() => {
        throw new ApiError("bad_request", "The request body could not be read.");
      });
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => {});
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new ApiError("bad_request", "The request body must be JSON.");
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF defence for cookie sessions: a mutating request from a browser must come from Sluice's own origin. Browsers
 * send Origin on every cross-origin and every non-GET request, and Sec-Fetch-Site on modern ones; a request with
 * neither is not from a browser page (curl, scripts), which cannot ride on a victim's cookies.
 */
export function assertSameOrigin(request: Request): void {
  if (SAFE_METHODS.has(request.method)) return;
  const origin = request.headers.get("origin");
  const site = request.headers.get("sec-fetch-site");
  // The request's own origin (its Host passed proxy.ts's host check) or a configured one, never one implied by
  // X-Forwarded-Host.
  const ours = (o: string) => o === new URL(request.url).origin || isAllowedOrigin(o, hostPolicy(process.env));
  if (origin ? !ours(origin) : site !== null && site !== "same-origin" && site !== "none") {
    throw new ApiError("forbidden", "Cross-site request refused: changes must be made from Sluice's own pages.");
  }
}

const defaultScope = (params: unknown): string | undefined => {
  const p = (params ?? {}) as Record<string, unknown>;
  const name = p.topicName ?? p.groupId ?? p.subject;
  return typeof name === "string" ? name : undefined;
};

/**
 * The one wrapper every route handler goes through: resolves the signed-in actor (401 without a session or a valid
 * API token), checks the same-origin rule on cookie-session mutations, the actor's role on the cluster and, for scoped permissions, their teams'
 * prefixes; refuses writes on read-only clusters, parses params/query/body with zod, and turns any thrown error
 * into the error envelope.
 */
export function defineRoute<
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
>(options: RouteOptions<P, Q, B>) {
  const route = async (
    request: Request,
    ctx: { params: Promise<Record<string, string | string[]>> },
  ): Promise<Response> => {
    // A draining replica (server/http/drain.ts) refuses new mutations and lets the ones already running finish.
    if (SAFE_METHODS.has(request.method)) return handle(request, ctx);
    if (isDraining()) {
      return errorResponse(
        new ApiError("service_unavailable", "This Sluice server is restarting. Retry in a moment."),
        newRequestId(),
      );
    }
    const done = trackMutation();
    try {
      return await handle(request, ctx);
    } finally {
      done();
    }
  };
  const handle = async (
    request: Request,
    ctx: { params: Promise<Record<string, string | string[]>> },
  ): Promise<Response> => {
    const requestId = newRequestId();
    let actor: Actor | null = null;
    let handling = false;
    try {
      const rawParams = Object.fromEntries(
        Object.entries((await ctx?.params) ?? {}).map(([k, v]) => [
          k,
          Array.isArray(v) ? v.map((x) => decodeParam(k, x)) : decodeParam(k, v),
        ]),
      );
      const clusterId = typeof rawParams.clusterId === "string" ? rawParams.clusterId : undefined;
      const permission =
        options.permission === "public" || options.permission === "signed-in" ? null : options.permission;
      // A bearer token is not sent by browsers on their own, so it cannot ride on a victim's session: no CSRF check
      // where the token is what authenticates (public routes keep it).
      if (options.permission === "public" || !hasBearer(request)) assertSameOrigin(request);
      // The role check first (before parsing; shared with pages), the prefix check of scoped permissions once the
      // name is known.
      if (options.permission !== "public") {
        actor = await getActor(request);
        authorize(actor, options.permission, clusterId);
      }
      const params = options.params ? parseOrThrow(options.params, rawParams, "path") : undefined;
      const query = options.query
        ? parseOrThrow(options.query, Object.fromEntries(new URL(request.url).searchParams), "query")
        : undefined;
      let body: unknown;
      if (options.body) {
        const limit =
          typeof options.bodyLimit === "function"
            ? await options.bodyLimit(params as Out<P>)
            : (options.bodyLimit ?? BODY_LIMIT_DEFAULT);
        const raw = await readJsonBody(request, limit);
        body = parseOrThrow(options.body, raw, "request body");
      }
      if (permission && actor && PERMISSIONS[permission].scoped) {
        const name = options.scope
          ? options.scope({ params, query, body } as never)
          : defaultScope(params ?? rawParams);
        if (!can(actor, permission, clusterId, name)) {
          throw new ApiError("forbidden", refusal(actor, permission, clusterId, name));
        }
      }
      handling = true;
      const res = await runWithRequest({ userId: actor?.id ?? null, signal: request.signal }, () =>
        options.handler({ params, query, body, actor, request, requestId } as Parameters<typeof options.handler>[0]),
      );
      res.headers.set("x-request-id", requestId);
      return res;
    } catch (error) {
      if (!handling) await auditRefusal(request, error, actor, options.permission, requestId);
      return errorResponse(error, requestId);
    }
  };
  // The schemas stay readable on the handler, for the OpenAPI document (server/http/openapi.ts).
  const spec: RouteSpec = {
    permission: options.permission,
    params: options.params,
    query: options.query,
    body: options.body,
    response: options.response,
  };
  return Object.assign(route, { spec });
}
