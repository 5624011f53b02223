import "server-only";
import { processState } from "@/server/process-state";
import type avro from "avsc";
import { getClusterConfigOrThrow } from "@/server/config";
import type { DecodedValue } from "./decode";
import { avroValue, parseAvroSchema } from "./topic-decoders";

/**
 * Apicurio's serdes with `apicurio.registry.headers.enabled` put the schema's id in a record header instead of the
 * payload (found by apicurioHeaderId in decode-sync.ts); the payload is then the bare Avro binary (or JSON for JSON
 * Schema). The schema is read from Apicurio's own API.
 */

type Schema = { kind: "avro"; type: avro.Type } | { kind: "json" };
const FAILURE_TTL_MS = 30_000;
const schemas: Map<string, { at: number; result: Promise<Schema> }> = processState(
  "Apicurio",
  () =>
    new Map<
      string,
      {
        at: number;
        result: Promise<Schema>;
      }
    >(),
);

async function fetchSchema(clusterId: string, by: "globalId" | "contentId", id: number): Promise<Schema> {
  const reg = getClusterConfigOrThrow(clusterId).schemaRegistry;
  if (!reg) throw new Error("no schema registry is configured for this cluster");
  const base = reg.url.replace(/\/+$/, "").replace(/\/apis\/ccompat\/v\d+$/, "");
  const headers: Record<string, string> = reg.username
    ? { authorization: `Basic ${Buffer.from(`${reg.username}:${reg.password ?? ""}`).toString("base64")}` }
    : {};
  let text: string | null = null;
  let status = 0;
  // Apicurio 3 serves /apis/registry/v3, Apicurio 2 /apis/registry/v2: the same paths for ids.
  for (const v of ["v3", "v2"]) {
    const res = await fetch(`${base}/apis/registry/${v}/ids/${by === "globalId" ? "globalIds" : "contentIds"}/${id}`, {
      headers,
      signal: AbortSignal.timeout(5_000),
    });
    status = res.status;
    if (res.ok) {
      text = await res.text();
      break;
    }
  }
  if (text === null) {
    throw new Error(
      status === 404
        ? `Apicurio ${by} ${id} is not in the registry`
        : `the registry answered HTTP ${status} for Apicurio ${by} ${id}`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`Apicurio ${by} ${id} is not an Avro or JSON schema (Protobuf with header ids is not decoded)`);
  }
  const o = json as { $schema?: unknown; properties?: unknown };
  if (o && typeof o === "object" && (o.$schema !== undefined || o.properties !== undefined)) return { kind: "json" };
  return { kind: "avro", type: parseAvroSchema(text) };
}

function schemaFor(clusterId: string, by: "globalId" | "contentId", id: number): Promise<Schema> {
  const k = `${clusterId}\u0000${by}\u0000${id}`;
  const hit = schemas.get(k);
  if (hit && Date.now() - hit.at < FAILURE_TTL_MS) return hit.result;
  const result = fetchSchema(clusterId, by, id);
  // Schemas are immutable by id: kept; a failure is retried after 30 s.
  schemas.set(k, { at: Number.MAX_SAFE_INTEGER, result });
  result.catch(() => schemas.set(k, { at: Date.now(), result }));
  if (schemas.size > 10_000) schemas.clear();
  return result;
}

export async function decodeApicurio(
  clusterId: string,
  buf: Buffer,
  ref: { by: "globalId" | "contentId"; id: number },
): Promise<DecodedValue> {
  const decoder = `apicurio ${ref.by} ${ref.id}`;
  try {
    const schema = await schemaFor(clusterId, ref.by, ref.id);
    if (schema.kind === "json") {
      const text = buf.toString("utf8");
      return { encoding: "json-schema", data: JSON.parse(text) as unknown, text, size: buf.length, decoder };
    }
    return { encoding: "avro", ...avroValue(schema.type, buf), size: buf.length, decoder };
  } catch (e) {
    const m = e instanceof Error ? e.message : String(e);
    return {
      encoding: "hex",
      text: buf.toString("hex"),
      size: buf.length,
      decoder,
      error: m.length > 300 ? `${m.slice(0, 300)}…` : m,
    };
  }
}
