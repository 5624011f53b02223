import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/cn";

type Json = Record<string, unknown>;
type Parameter = { name: string; in: string; required: boolean; schema: Json };
type Media = Record<string, { schema?: Json }>;
type Operation = {
  operationId: string;
  tags: string[];
  "x-sluice-permission"?: string;
  parameters?: Parameter[];
  requestBody?: { content: Media };
  responses: Record<string, { description: string; content?: Media }>;
};
export type OpenApiDoc = {
  info: { title: string; description?: string };
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Json> };
};

const METHOD_TONE: Record<string, string> = {
  get: "bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-300",
  post: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300",
  put: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300",
  patch: "bg-violet-100 text-violet-800 dark:bg-violet-950 dark:text-violet-300",
  delete: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300",
};

/** A JSON Schema type in a few words: `string`, `integer ≥ 1`, `"a" | "b"`, `array of object`, `#ErrorEnvelope`. */
function typeLabel(s: Json): string {
  if (typeof s.$ref === "string") return s.$ref.replace("#/components/schemas/", "");
  if (Array.isArray(s.enum)) return s.enum.map((v) => JSON.stringify(v)).join(" | ");
  if ("const" in s) return JSON.stringify(s.const);
  const union = (s.anyOf ?? s.oneOf) as Json[] | undefined;
  if (union) return union.map(typeLabel).join(" | ");
  const t = Array.isArray(s.type) ? s.type.join(" | ") : ((s.type as string | undefined) ?? "any");
  if (t === "array" && s.items) return `array of ${typeLabel(s.items as Json)}`;
  const facts = [
    s.format,
    s.minimum !== undefined ? `≥ ${s.minimum}` : null,
    s.maximum !== undefined ? `≤ ${s.maximum}` : null,
    s.maxLength !== undefined ? `max ${s.maxLength} chars` : null,
  ].filter(Boolean);
  return facts.length ? `${t} (${facts.join(", ")})` : t;
}

/** The object inside an array, union or nullable, whose properties are worth listing. */
const nullable = (s: Json) => (((s.anyOf ?? s.oneOf) as Json[] | undefined) ?? []).some((a) => a.type === "null");

function objectOf(s: Json): Json | undefined {
  if (s.properties) return s;
  if (s.items) return objectOf(s.items as Json);
  for (const alt of ((s.anyOf ?? s.oneOf) as Json[] | undefined) ?? []) {
    const o = objectOf(alt);
    if (o) return o;
  }
  return undefined;
}

/** A schema as a nested list of its properties (name, type, required), a few levels deep. */
function SchemaTree({ schema, depth = 0 }: { schema: Json; depth?: number }) {
  const obj = objectOf(schema);
  if (!obj) return <code className="text-xs text-slate-600 dark:text-slate-400">{typeLabel(schema)}</code>;
  const required = new Set((obj.required as string[] | undefined) ?? []);
  const alternatives = (((schema.anyOf ?? schema.oneOf) as Json[] | undefined) ?? []).filter((a) => a.properties);
  if (alternatives.length > 1 && depth < 3) {
    return (
      <div className="space-y-1">
        <p className="text-xs text-slate-500">one of:</p>
        {alternatives.map((a, i) => (
          <div key={i} className="border-l-2 border-slate-200 pl-2 dark:border-slate-700">
            <SchemaTree schema={a} depth={depth + 1} />
          </div>
        ))}
      </div>
    );
  }
  return (
    <ul className={cn("space-y-0.5 text-xs", depth > 0 && "ml-4 border-l border-slate-200 pl-2 dark:border-slate-700")}>
      {Object.entries(obj.properties as Record<string, Json>).map(([name, prop]) => {
        const nested = depth < 3 ? objectOf(prop) : undefined;
        return (
          <li key={name}>
            <code className="font-semibold text-slate-800 dark:text-slate-200">{name}</code>
            {required.has(name) ? null : <span className="text-slate-400">?</span>}{" "}
            <code className="text-slate-600 dark:text-slate-400">
              {nested
                ? `${prop.type === "array" ? "array of object" : "object"}${nullable(prop) ? " | null" : ""}`
                : typeLabel(prop)}
            </code>
            {typeof prop.description === "string" ? (
              <span className="text-slate-500"> — {prop.description}</span>
            ) : null}
            {nested ? <SchemaTree schema={nested} depth={depth + 1} /> : null}
          </li>
        );
      })}
    </ul>
  );
}

function Content({ content }: { content: Media }) {
  return (
    <>
      {Object.entries(content).map(([media, { schema }]) => (
        <div key={media} className="space-y-1">
          <p className="text-xs text-slate-500">{media}</p>
          {schema ? <SchemaTree schema={schema} /> : null}
        </div>
      ))}
    </>
  );
}

function OperationView({ method, path, op }: { method: string; path: string; op: Operation }) {
  const params = op.parameters ?? [];
  return (
    <details
      className="rounded-md border border-slate-200 dark:border-slate-800"
      data-testid="api-operation"
      id={op.operationId}
    >
      <summary className="flex cursor-pointer flex-wrap items-center gap-2 px-3 py-2">
        <span
          className={cn(
            "w-16 rounded px-1.5 py-0.5 text-center font-mono text-xs font-semibold uppercase",
            METHOD_TONE[method],
          )}
        >
          {method}
        </span>
        <code className="text-sm">{path}</code>
        {op["x-sluice-permission"] ? (
          <Badge
            tone={op["x-sluice-permission"] === "public" ? "ok" : "neutral"}
            className="ml-auto"
            title="Who may call it"
          >
            {op["x-sluice-permission"]}
          </Badge>
        ) : null}
      </summary>
      <div className="space-y-3 border-t border-slate-200 px-3 py-3 dark:border-slate-800">
        {params.length ? (
          <section>
            <h4 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Parameters</h4>
            <table className="text-xs">
              <tbody>
                {params.map((p) => (
                  <tr key={`${p.in}:${p.name}`}>
                    <td className="pr-3 font-mono font-semibold">
                      {p.name}
                      {p.required ? null : <span className="text-slate-400">?</span>}
                    </td>
                    <td className="pr-3 text-slate-500">{p.in}</td>
                    <td className="font-mono text-slate-600 dark:text-slate-400">{typeLabel(p.schema)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ) : null}
        {op.requestBody ? (
          <section>
            <h4 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Request body</h4>
            <Content content={op.requestBody.content} />
          </section>
        ) : null}
        <section>
          <h4 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Responses</h4>
          <div className="space-y-2">
            {Object.entries(op.responses).map(([status, r]) => (
              <div key={status} className="flex gap-3">
                <code
                  className={cn(
                    "w-14 shrink-0 text-xs font-semibold",
                    status.startsWith("2") ? "text-emerald-700 dark:text-emerald-400" : "text-slate-500",
                  )}
                >
                  {status}
                </code>
                <div className="min-w-0 flex-1 space-y-1">
                  <p className="text-xs text-slate-600 dark:text-slate-400">{r.description}</p>
                  {r.content ? <Content content={r.content} /> : null}
                </div>
              </div>
            ))}
          </div>
        </section>
      </div>
    </details>
  );
}

/** The OpenAPI document, readable: operations grouped by tag, each with who may call it, its inputs and answers. */
export function ApiReference({ doc }: { doc: OpenApiDoc }) {
  const byTag = new Map<string, { method: string; path: string; op: Operation }[]>();
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const tag = op.tags?.[0] ?? "other";
      byTag.set(tag, [...(byTag.get(tag) ?? []), { method, path, op }]);
    }
  }
  const tags = [...byTag.keys()].sort();
  return (
    <div className="space-y-8">
      <nav aria-label="API sections" className="flex flex-wrap gap-2 text-sm">
        {tags.map((t) => (
          <a
            key={t}
            href={`#tag-${t}`}
            className="rounded-md bg-slate-100 px-2 py-1 hover:bg-slate-200 dark:bg-slate-800 dark:hover:bg-slate-700"
          >
            {t} <span className="text-slate-400">{byTag.get(t)!.length}</span>
          </a>
        ))}
      </nav>
      {tags.map((t) => (
        <section key={t} id={`tag-${t}`} className="space-y-2" data-testid={`api-tag-${t}`}>
          <h2 className="text-lg font-semibold">{t}</h2>
          {byTag.get(t)!.map(({ method, path, op }) => (
            <OperationView key={`${method} ${path}`} method={method} path={path} op={op} />
          ))}
        </section>
      ))}
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">Error envelope</h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Every error answers with this body, whatever the route.
        </p>
        <SchemaTree schema={doc.components.schemas.ErrorEnvelope} />
      </section>
    </div>
  );
}
