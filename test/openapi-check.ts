import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { openApiDocument } from "@/server/http/openapi";
import { ROUTE_MODULES } from "@/app/api/route-index";
import { routePath } from "@/server/http/openapi";

type Op = { responses: Record<string, { content?: Record<string, { schema: unknown }> }> };
type Doc = { paths: Record<string, Record<string, Op>> };

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
let ajv: Ajv2020 | undefined;
const compiled = new Map<string, ValidateFunction>();

/** The whole document is one schema resource in Ajv: response schemas are found by JSON pointer, `$ref`s resolve. */
function validator(pointer: string): ValidateFunction {
  if (!ajv) {
    ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
    addFormats(ajv);
    ajv.addSchema(openApiDocument(ROUTE_MODULES), "sluice-openapi");
  }
  let v = compiled.get(pointer);
  if (!v) {
    v = ajv.compile({ $ref: `sluice-openapi#${pointer}` });
    compiled.set(pointer, v);
  }
  return v;
}

const escape = (segment: string) => encodeURIComponent(segment.replace(/~/g, "~0").replace(/\//g, "~1"));

/** The document's path of a handler: by identity among the route modules, else by matching the URL's path. */
function findPath(doc: Doc, handler: unknown, method: string, url: string): string | undefined {
  if (handler) {
    for (const { file, module } of ROUTE_MODULES) {
      for (const m of METHODS) if (module[m] === handler && m === method) return routePath(file);
    }
  }
  const pathname = new URL(url, "http://sluice.test").pathname;
  // Literal segments win over parameters (/requests/drift before /requests/{requestId}).
  const candidates = Object.keys(doc.paths).filter((p) => doc.paths[p][method.toLowerCase()]);
  candidates.sort((a, b) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0));
  return candidates.find((p) => new RegExp(`^${p.replace(/\{[^}]+\}/g, "[^/]+")}$`).test(pathname));
}

const describeErrors = (errors: ErrorObject[] | null | undefined) =>
  (errors ?? [])
    .slice(0, 8)
    .map(
      (e) =>
        `  ${e.instancePath || "(body)"} ${e.message}${e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : ""}`,
    )
    .join("\n");

/**
 * Checks one answer against /api/openapi.json: the method and path are documented, the status is (explicitly, as
 * 2XX/4XX… or by `default`), and a JSON body matches that status's schema. Throws a readable error otherwise.
 */
export function checkResponse(
  handler: unknown,
  method: string,
  url: string,
  status: number,
  contentType: string | null,
  body: unknown,
  hasBody: boolean,
): void {
  const doc = openApiDocument(ROUTE_MODULES) as Doc;
  const m = method.toUpperCase();
  const path = findPath(doc, handler, m, url);
  const where = `${m} ${path ?? url}`;
  if (!path) throw new Error(`OpenAPI contract: ${m} ${url} is not in /api/openapi.json`);
  const responses = doc.paths[path][m.toLowerCase()].responses;
  // `default` is the error envelope: it covers errors, never an undocumented success.
  const key = [String(status), `${String(status)[0]}XX`, ...(status >= 400 ? ["default"] : [])].find(
    (k) => responses[k],
  );
  if (!key) {
    throw new Error(
      `OpenAPI contract: ${where} answered ${status}, which the document does not list (${Object.keys(responses).join(", ")})`,
    );
  }
  const content = responses[key].content;
  const isJson = /^application\/(.+\+)?json/.test(contentType ?? "");
  if (!content) return; // Documented without a body schema (the routes listed by test/api/openapi-responses).
  if (isJson && !content["application/json"]) {
    throw new Error(
      `OpenAPI contract: ${where} answered ${status} with JSON, but the document gives ${Object.keys(content).join(", ")}`,
    );
  }
  if (!isJson) {
    if (content["application/json"] && hasBody) {
      throw new Error(
        `OpenAPI contract: ${where} answered ${status} with ${contentType ?? "no content type"}, the document says application/json`,
      );
    }
    return;
  }
  const pointer = `/paths/${escape(path)}/${m.toLowerCase()}/responses/${escape(key)}/content/${escape("application/json")}/schema`;
  const validate = validator(pointer);
  if (!validate(body)) {
    throw new Error(
      `OpenAPI contract: ${where} answered ${status} with a body its schema (responses.${key}) refuses:\n${describeErrors(validate.errors)}`,
    );
  }
}
