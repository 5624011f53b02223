import fs from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as openapi } from "@/app/api/openapi.json/route";
import { routePath } from "@/server/http/openapi";
import { callRoute } from "../call-route";

type Op = { parameters?: { name: string; in: string; required: boolean; schema: Record<string, unknown> }[]; requestBody?: { content: { "application/json": { schema: Record<string, unknown> } } }; security?: unknown[] };
type Doc = { openapi: string; paths: Record<string, Record<string, Op>> };

const root = path.resolve(import.meta.dirname, "../..");
function routeFiles(dir = path.join(root, "app/api")): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? routeFiles(p) : e.name === "route.ts" ? [path.relative(root, p).split(path.sep).join("/")] : [];
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
      for (const m of methods) expect(doc.paths[routePath(file)]?.[m.toLowerCase()], `${m} ${routePath(file)} (${file})`).toBeDefined();
    }
  });

  it("carries the routes' zod schemas: path and query parameters, request bodies, who may call", () => {
    const create = doc.paths["/api/tokens"].post;
    const body = create.requestBody!.content["application/json"].schema as { properties: Record<string, Record<string, unknown>>; required: string[] };
    expect(Object.keys(body.properties).sort()).toEqual(["expiresAt", "name", "roles", "userId"]);
    expect(body.required.sort()).toEqual(["expiresAt", "name", "roles"]);
    expect(body.properties.expiresAt).toMatchObject({ type: "string", format: "date-time" });
    expect(body.properties.name).toMatchObject({ type: "string", maxLength: 64 });

    const topic = doc.paths["/api/clusters/{clusterId}/topics/{topicName}"].delete;
    expect(topic.parameters?.filter((p) => p.in === "path").map((p) => p.name).sort()).toEqual(["clusterId", "topicName"]);
    expect(topic).toMatchObject({ "x-sluice-permission": "topics:delete" });

    const audit = doc.paths["/api/audit"].get;
    expect(audit.parameters?.some((p) => p.in === "query")).toBe(true);

    // Every route defined with a body schema has one in the document; public routes need no credentials.
    const ops = Object.values(doc.paths).flatMap((p) => Object.entries(p));
    expect(ops.filter(([m, o]) => m !== "get" && o.requestBody).length).toBeGreaterThan(30);
    expect(doc.paths["/api/health"].get.security).toEqual([]);
  });
});
