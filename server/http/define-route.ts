import "server-only";
import { z } from "zod";
import { ERROR_STATUS, type ErrorDetail, type ErrorEnvelope } from "@/lib/api/error-codes";
import { getActor } from "@/server/auth/session";
import { can, PERMISSIONS, type Actor, type Permission } from "@/server/auth/permissions";
import { getClusterConfigOrThrow } from "@/server/config";
import { ApiError } from "./api-error";
import { newRequestId } from "./request-id";

type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.infer<S> : undefined;

type RouteOptions<P extends Schema | undefined, Q extends Schema | undefined, B extends Schema | undefined> = {
  permission: Permission | "public";
  params?: P;
  query?: Q;
  body?: B;
  handler: (input: { params: Out<P>; query: Out<Q>; body: Out<B>; actor: Actor | null; request: Request; requestId: string }) => Promise<Response>;
};

export function zodDetails(error: z.ZodError): ErrorDetail[] {
  return error.issues.map((i) => ({ path: i.path.join("."), issue: i.message }));
}

function parseOrThrow<S extends Schema>(schema: S, value: unknown, what: string): z.infer<S> {
  const r = schema.safeParse(value);
  if (!r.success) {
    const details = zodDetails(r.error);
    const first = details[0];
    throw new ApiError("unprocessable_entity", `Invalid ${what}: ${first.path ? `${first.path}: ` : ""}${first.issue}`, details);
  }
  return r.data;
}

export function errorResponse(error: unknown, requestId: string): Response {
  let apiError: ApiError;
  if (error instanceof ApiError) apiError = error;
  else {
    console.error(`[${requestId}]`, error);
    apiError = new ApiError("internal", "Something went wrong on Sluice's server. The error was logged with this request id.");
  }
  const body: ErrorEnvelope = {
    error: { code: apiError.code, message: apiError.message, requestId, ...(apiError.details?.length ? { details: apiError.details } : {}) },
  };
  return Response.json(body, { status: ERROR_STATUS[apiError.code], headers: { "x-request-id": requestId } });
}

/**
 * The one wrapper every route handler goes through: resolves the actor and permission, refuses writes on
 * read-only clusters, parses params/query/body with zod, and turns any thrown error into the error envelope.
 */
export function defineRoute<P extends Schema | undefined = undefined, Q extends Schema | undefined = undefined, B extends Schema | undefined = undefined>(
  options: RouteOptions<P, Q, B>,
) {
  return async (request: Request, ctx: { params: Promise<Record<string, string | string[]>> }): Promise<Response> => {
    const requestId = newRequestId();
    try {
      const rawParams = Object.fromEntries(
        Object.entries((await ctx?.params) ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v.map(decodeURIComponent) : decodeURIComponent(v)]),
      );
      let actor: Actor | null = null;
      if (options.permission !== "public") {
        actor = await getActor(request);
        if (!can(actor, options.permission)) throw new ApiError("forbidden", `Your role (${actor.role}) does not allow ${options.permission}.`);
        const clusterId = typeof rawParams.clusterId === "string" ? rawParams.clusterId : undefined;
        if (clusterId) {
          const cluster = getClusterConfigOrThrow(clusterId);
          if (cluster.readOnly && PERMISSIONS[options.permission].write) {
            throw new ApiError("forbidden", `Cluster "${cluster.name}" is configured read-only; changes are refused.`);
          }
        }
      }
      const params = options.params ? parseOrThrow(options.params, rawParams, "path") : undefined;
      const query = options.query ? parseOrThrow(options.query, Object.fromEntries(new URL(request.url).searchParams), "query") : undefined;
      let body: unknown;
      if (options.body) {
        const raw = await request.json().catch(() => {
          throw new ApiError("bad_request", "The request body must be JSON.");
        });
        body = parseOrThrow(options.body, raw, "request body");
      }
      const res = await options.handler({ params, query, body, actor, request, requestId } as Parameters<typeof options.handler>[0]);
      res.headers.set("x-request-id", requestId);
      return res;
    } catch (error) {
      return errorResponse(error, requestId);
    }
  };
}
