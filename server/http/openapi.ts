import "server-only";
import { z } from "zod";
import { ERROR_CODES } from "@/lib/api/error-codes";
import type { ResponseSpec, RouteSpec } from "./define-route";

type Json = Record<string, unknown>;
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** `app/api/clusters/[clusterId]/topics/route.ts` → `/api/clusters/{clusterId}/topics` (a catch-all `[...x]` → `{x}`). */
export const routePath = (file: string) =>
  file
    .replace(/^app/, "")
    .replace(/\/route\.ts$/, "")
    .replace(/\[(?:\.\.\.)?([^\]]+)\]/g, "{$1}");

/**
 * A zod schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect), with zod 4's own `z.toJSONSchema`: what the route
 * accepts (`io: "input"`, before transforms and defaults). Dates (coerced from strings) are date-time strings; what
 * JSON Schema cannot say (custom checks) becomes `{}`.
 *
 * Response schemas use the input side too: they are the DTO schemas the browser parses the JSON with (lib/schemas),
 * so what may travel on the wire is what they accept: before their transforms and defaults, extra fields allowed
 * (zod's default objects strip them), dates as strings.
 */
export function jsonSchema(schema: z.ZodType): Json {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    io: "input",
    unrepresentable: "any",
    override: ({ zodSchema, jsonSchema: js }) => {
      if (zodSchema._zod.def.type === "date") Object.assign(js, { type: "string", format: "date-time" });
    },
  }) as Json;
  return rest;
}

function parameters(where: "path" | "query", schema: z.ZodType | undefined, names: string[]): Json[] {
  const js = schema ? jsonSchema(schema) : {};
  const props = (js.properties ?? {}) as Record<string, Json>;
  const required = new Set((js.required ?? []) as string[]);
  const all = [...new Set([...names, ...Object.keys(props)])];
  return all.map((name) => ({
    name,
    in: where,
    required: where === "path" || required.has(name),
    schema: props[name] ?? { type: "string" },
  }));
}

const envelope = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string", enum: ERROR_CODES },
        message: { type: "string" },
        requestId: { type: "string" },
        details: {
          type: "array",
          items: {
            type: "object",
            required: ["path", "issue"],
            properties: { path: { type: "string" }, issue: { type: "string" } },
          },
        },
      },
    },
  },
};

const json = (schema: z.ZodType) => ({ content: { "application/json": { schema: jsonSchema(schema) } } });

const STATUS_TEXT: Record<number, string> = { 200: "OK", 201: "Created", 202: "Accepted", 204: "No content" };

/** A route's declared success answers; without a declaration, "2XX" with no schema (listed by test/api/openapi-responses). */
function successes(response: ResponseSpec | undefined): Json {
  if (!response) return { "2XX": { description: "Success" } };
  if (response instanceof z.ZodType) return { "200": { description: "OK", ...json(response) } };
  if ("mediaType" in response && typeof response.mediaType === "string") {
    const body =
      response.mediaType === "text/event-stream"
        ? { type: "string", description: "Server-sent events" }
        : { type: "string" };
    return {
      [String(response.status ?? 200)]: {
        description: STATUS_TEXT[response.status ?? 200],
        content: { [response.mediaType]: { schema: body } },
      },
    };
  }
  return Object.fromEntries(
    Object.entries(response as Record<string, z.ZodType | null>).map(([status, schema]) => [
      status,
      { description: STATUS_TEXT[Number(status)] ?? "Success", ...(schema ? json(schema) : {}) },
    ]),
  );
}

function operation(method: string, path: string, spec: RouteSpec | undefined): Json {
  const pathNames = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
  const params = [
    ...parameters("path", spec?.params, pathNames),
    ...(spec?.query ? parameters("query", spec.query, []) : []),
  ];
  const segs = path.split("/").filter(Boolean);
  const tag = segs[1] === "clusters" && segs.length > 3 ? segs[3] : segs[1];
  return {
    operationId: `${method.toLowerCase()}${path.replace(/[{}]/g, "").replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ""))}`,
    tags: [tag],
    ...(spec ? { "x-sluice-permission": spec.permission } : {}),
    ...(spec?.permission === "public" ? { security: [] } : {}),
    ...(params.length ? { parameters: params } : {}),
    ...(spec?.body
      ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(spec.body) } } } }
      : {}),
    responses: {
      ...successes(spec?.response),
      default: {
        description: "Error",
        content: { "application/json": { schema: { $ref: "#/components/schemas/ErrorEnvelope" } } },
      },
    },
  };
}

let cached: Json | undefined;

/** A route file under app/api and its module (the generated app/api/route-index.ts lists them all). */
export type RouteModule = { file: string; module: Record<string, unknown> };

/**
 * The OpenAPI 3.1 document of the given routes (every route under app/api: `ROUTE_MODULES`), from the zod schemas
 * they are defined with. The route list is passed in by app/ code, so server/ never imports app/.
 */
export function openApiDocument(routes: readonly RouteModule[]): Json {
  if (cached) return cached;
  const paths: Record<string, Json> = {};
  for (const { file, module } of routes) {
    const path = routePath(file);
    for (const method of METHODS) {
      const handler: unknown = module[method];
      if (typeof handler !== "function") continue;
      (paths[path] ??= {})[method.toLowerCase()] = operation(method, path, (handler as { spec?: RouteSpec }).spec);
    }
  }
  paths["/api/openapi.json"] = {
    get: {
      operationId: "getApiOpenapiJson",
      tags: ["openapi"],
      security: [],
      "x-sluice-permission": "public",
      responses: {
        "200": {
          description: "This document",
          content: { "application/json": { schema: { type: "object", required: ["openapi", "paths"] } } },
        },
      },
    },
  };
  cached = {
    openapi: "3.1.0",
    info: {
      title: "Sluice API",
      version: "1",
      description:
        "Sluice's REST API. Authenticate with the session cookie (from the console) or `Authorization: Bearer sluice_…` (an API token).",
    },
    paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))),
    components: {
      schemas: { ErrorEnvelope: envelope },
      securitySchemes: {
        bearer: {
          type: "http",
          scheme: "bearer",
          description: "An API token (sluice_…), created by an admin of every cluster.",
        },
        session: { type: "apiKey", in: "cookie", name: "sluice.session_token" },
      },
    },
    security: [{ bearer: [] }, { session: [] }],
  };
  return cached;
}
