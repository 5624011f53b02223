import fs from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listClusters } from "@/app/api/clusters/route";
import { GET as openapi } from "@/app/api/openapi.json/route";
import { POST as createToken } from "@/app/api/tokens/route";
import { routePath } from "@/server/http/openapi";
import { callRoute } from "../call-route";
import { checkResponse } from "../openapi-check";

type Op = {
  parameters?: { name: string; in: string; required: boolean; schema: Record<string, unknown> }[];
  requestBody?: { content: { "application/json": { schema: Record<string, unknown> } } };
  security?: unknown[];
};
type Doc = { openapi: string; paths: Record<string, Record<string, Op>> };

const root = path.resolve(import.meta.dirname, "../..");
function routeFiles(dir = path.join(root, "app/api")): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory()
      ? routeFiles(p)
      : e.name === "route.ts"
        ? [path.relative(root, p).split(path.sep).join("/")]
        : [];
  });
}

let doc: Doc;
beforeAll(async () => {
  const res = await callRoute<Doc>(openapi, "/api/openapi.json", {}, { anonymous: true });
  expect(res.status).toBe(200);
  doc = res.body;
});

describe("GET /api/openapi.json", () => {
  it("is a valid OpenAPI 3.1 document (checked against the specification's JSON Schema)", async () => {
    expect(doc.openapi).toBe("3.1.0");
    const result = await new Validator().validate(doc as unknown as Parameters<Validator["validate"]>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("describes every method of every route file under app/api (run `node dev/openapi-routes.mjs` after adding one)", async () => {
    const files = routeFiles();
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) {
      const mod = (await import(/* @vite-ignore */ path.join(root, file))) as Record<string, unknown>;
      const methods = ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((m) => typeof mod[m] === "function");
      expect(methods.length, file).toBeGreaterThan(0);
      for (const m of methods) {
        expect(doc.paths[routePath(file)]?.[m.toLowerCase()], `${m} ${routePath(file)} (${file})`).toBeDefined();
      }
    }
  });

  it("carries the routes' zod schemas: path and query parameters, request bodies, who may call", () => {
    const create = doc.paths["/api/tokens"].post;
    const body = create.requestBody!.content["application/json"].schema as {
      properties: Record<string, Record<string, unknown>>;
      required: string[];
    };
    expect(Object.keys(body.properties).sort()).toEqual(["expiresAt", "name", "roles", "userId"]);
    expect(body.required.sort()).toEqual(["expiresAt", "name", "roles"]);
    expect(body.properties.expiresAt).toMatchObject({ type: "string", format: "date-time" });
    expect(body.properties.name).toMatchObject({ type: "string", maxLength: 64 });

    const topic = doc.paths["/api/clusters/{clusterId}/topics/{topicName}"].delete;
    expect(
      topic.parameters
        ?.filter((p) => p.in === "path")
        .map((p) => p.name)
        .sort(),
    ).toEqual(["clusterId", "topicName"]);
    expect(topic).toMatchObject({ "x-sluice-permission": "topics:delete" });

    const audit = doc.paths["/api/audit"].get;
    expect(audit.parameters?.some((p) => p.in === "query")).toBe(true);

    // Every route defined with a body schema has one in the document; public routes need no credentials.
    const ops = Object.values(doc.paths).flatMap((p) => Object.entries(p));
    expect(ops.filter(([m, o]) => m !== "get" && o.requestBody).length).toBeGreaterThan(30);
    expect(doc.paths["/api/health"].get.security).toEqual([]);
  });
});

/**
 * Routes whose success answers are not described yet ("2XX" without a schema): their answers are checked for status
 * only. This list may only shrink; a route leaving it must be removed from it, a new route may not join it.
 */
const RESPONSES_STILL_UNDESCRIBED: string[] = [];
/** Not Sluice's JSON: better-auth's own endpoints (OIDC redirects and callbacks), mounted as a catch-all. */
const NOT_JSON_BY_DESIGN = ["GET /api/auth/{all}", "POST /api/auth/{all}"];

describe("response schemas", () => {
  it("every route documents its success answers: a JSON schema, or its media type (event streams, exports, metrics text)", () => {
    const missing = Object.entries(doc.paths)
      .flatMap(([p, ops]) =>
        Object.entries(ops).map(([m, op]) => ({
          key: `${m.toUpperCase()} ${p}`,
          op: op as Op & {
            responses: Record<string, { content?: Record<string, { schema?: Record<string, unknown> }> }>;
          },
        })),
      )
      .filter(({ op }) => {
        const ok = Object.entries(op.responses).filter(([s]) => s !== "default");
        const described = ok.every(
          ([s, r]) =>
            s === "204" ||
            (r.content && Object.values(r.content).every((c) => c.schema && Object.keys(c.schema).length > 0)),
        );
        return ok.length === 0 || ok.some(([s]) => s === "2XX") || !described;
      })
      .map(({ key }) => key)
      .filter((k) => !NOT_JSON_BY_DESIGN.includes(k))
      .sort();
    expect(missing).toEqual([...RESPONSES_STILL_UNDESCRIBED].sort());
  });

  it("documents the status each route answers with, and the error envelope for every error", () => {
    const tokens = doc.paths["/api/tokens"] as Record<
      string,
      Op & { responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }> }
    >;
    expect(Object.keys(tokens.post.responses).sort()).toEqual(["201", "default"]);
    expect(tokens.post.responses["201"].content!["application/json"].schema).toMatchObject({
      type: "object",
      required: expect.arrayContaining(["id", "token", "info"]),
    });
    expect(tokens.get.responses.default.content!["application/json"].schema).toEqual({
      $ref: "#/components/schemas/ErrorEnvelope",
    });
    const team = doc.paths["/api/teams/{teamId}"] as Record<
      string,
      Op & { responses: Record<string, { content?: unknown }> }
    >;
    expect(team.delete.responses["204"]).toBeDefined();
    expect(team.delete.responses["204"].content).toBeUndefined();
    const tail = doc.paths["/api/clusters/{clusterId}/topics/{topicName}/messages/stream"] as Record<
      string,
      Op & { responses: Record<string, { content?: Record<string, unknown> }> }
    >;
    expect(Object.keys(tail.get.responses["200"].content!)).toEqual(["text/event-stream"]);
  });

  it("fails a call whose answer its schema refuses, naming the route, the status and what is wrong", () => {
    expect(() =>
      checkResponse(listClusters, "GET", "/api/clusters", 200, "application/json", { clusters: [{ id: 42 }] }, true),
    ).toThrow(
      /GET \/api\/clusters answered 200 with a body its schema \(responses\.200\) refuses:[\s\S]*\/clusters\/0/,
    );
    expect(() =>
      checkResponse(listClusters, "GET", "/api/clusters", 200, "application/json", { clusters: [] }, true),
    ).not.toThrow();
    // An error answer is checked against the envelope.
    expect(() =>
      checkResponse(listClusters, "GET", "/api/clusters", 401, "application/json", { error: { message: "no" } }, true),
    ).toThrow(/responses\.default[\s\S]*code/);
    // A status the route does not document, and a path the document does not have.
    expect(() => checkResponse(createToken, "POST", "/api/tokens", 200, "application/json", {}, true)).toThrow(
      /POST \/api\/tokens answered 200, which the document does not list/,
    );
    expect(() => checkResponse(undefined, "GET", "/api/nowhere", 200, "application/json", {}, true)).toThrow(
      /GET \/api\/nowhere is not in/,
    );
    // A JSON answer where the document gives an event stream.
    expect(() =>
      checkResponse(
        undefined,
        "GET",
        "/api/clusters/local/topics/t/messages/stream",
        200,
        "application/json",
        {},
        true,
      ),
    ).toThrow(/the document gives text\/event-stream/);
  });
});
