import "server-only";
import { perCluster } from "@/server/process-state";
import { SchemaRegistry } from "@kafkajs/confluent-schema-registry";
import { getClusterConfigOrThrow } from "@/server/config";
import type { DecodeFormat, DecodedEncoding } from "@/lib/schemas/messages";
import type { KafkaRecord } from "@/server/kafka/fetch-records";
import { assertAvroBounded } from "./bounded-avro";
import { decodeApicurio } from "./apicurio";
import {
  apicurioHeaderId,
  binary,
  decodeBytesSync,
  decodeHeader,
  decodePlainSync,
  describeError,
  toJsonText,
  wireSchemaId,
  type DecodedRecord,
  type DecodedValue,
  type PlainSide,
} from "./decode-sync";
import type { SideDecoder } from "./topic-decoders";

export { decodeHeader, toJsonText, wireSchemaId };
export type { DecodedHeader, DecodedRecord, DecodedValue } from "./decode-sync";

/** A topic's decoder setting for one side, used where the view asks for "auto": a compiled decoder or a view format. */
export type SideDecoding = { decoder: SideDecoder } | { format: DecodeFormat };
export type TopicDecoding = { key?: SideDecoding; value?: SideDecoding };

const ENCODING_OF_TYPE: Record<string, DecodedEncoding> = { AVRO: "avro", PROTOBUF: "protobuf", JSON: "json-schema" };
const SCHEMA_FAILURE_TTL_MS = 30_000;

type SchemaDecoder = { registry: SchemaRegistry; failures: Map<number, { at: number; message: string }> };
const decoders: Map<string, SchemaDecoder> = perCluster<SchemaDecoder>("SchemaDecoders");

/** The cluster's registry decoder (schemas cached by id for the process's life), or null without a registry. */
function schemaDecoderFor(clusterId: string): SchemaDecoder | null {
  const existing = decoders.get(clusterId);
  if (existing) return existing;
  const reg = getClusterConfigOrThrow(clusterId).schemaRegistry;
  if (!reg) return null;
  const registry = new SchemaRegistry({
    host: reg.url.replace(/\/+$/, ""),
    ...(reg.username ? { auth: { username: reg.username, password: reg.password ?? "" } } : {}),
    retry: { retries: 0 },
  });
  const created = { registry, failures: new Map() };
  decoders.set(clusterId, created);
  return created;
}

/** The cluster's registry client from @kafkajs/confluent-schema-registry (shared schema cache), or null. */
export function schemaRegistryFor(clusterId: string): SchemaRegistry | null {
  return schemaDecoderFor(clusterId)?.registry ?? null;
}

/** Whether the cluster has a schema registry (records with a schema id are then decoded through it). */
export function hasSchemaRegistry(clusterId: string): boolean {
  return schemaDecoderFor(clusterId) !== null;
}

async function viaSchema(clusterId: string, buf: Buffer, id: number): Promise<DecodedValue> {
  const decoder = schemaDecoderFor(clusterId);
  if (!decoder) {
    return binary(buf, "hex", `schema id ${id} in the record, but no schema registry is configured for this cluster`);
  }
  const failed = decoder.failures.get(id);
  if (failed && Date.now() - failed.at < SCHEMA_FAILURE_TTL_MS) {
    return { ...binary(buf, "hex", failed.message), schemaId: id };
  }
  try {
    await assertAvroBounded(decoder.registry, buf, id);
    const data = await decoder.registry.decode(buf);
    const type = decoder.registry.cache.getSchema(id)?.type ?? "AVRO";
    return { encoding: ENCODING_OF_TYPE[type] ?? "avro", data, text: toJsonText(data), size: buf.length, schemaId: id };
  } catch (e) {
    const status = (e as { status?: number }).status;
    const message =
      status === 404 || /not found/i.test(describeError(e))
        ? `schema id ${id} is not in the registry`
        : /ECONNREFUSED|ETIMEDOUT|fetch failed|socket|network/i.test(describeError(e))
          ? `the schema registry is unreachable (${describeError(e)}); raw bytes shown`
          : `could not decode with schema ${id}: ${describeError(e)}`;
    // Registry lookups that fail are remembered briefly, so a down registry costs one request, not one per record.
    if (!decoder.registry.cache.getSchema(id)) decoder.failures.set(id, { at: Date.now(), message });
    return { ...binary(buf, "hex", message), schemaId: id };
  }
}

export type DecodeOptions = {
  keyFormat: DecodeFormat;
  valueFormat: DecodeFormat;
  /** Structured values are parsed (CEL and masking need them); otherwise JSON is recognised by its shape and left as text. */
  parse?: boolean;
  /** Decode only this many bytes of text values (list previews); ignored when values are parsed. */
  previewBytes?: number;
  /** The topic's decoder settings, applied where a format is "auto". */
  topic?: TopicDecoding;
};

/** How one side is decoded: the topic's compiled decoder where the view asks for "auto", or a plain format. */
export function sidePlan(format: DecodeFormat, side: SideDecoding | undefined): { decoder: SideDecoder } | PlainSide {
  if (format === "auto" && side) return "decoder" in side ? side : { format: side.format, apicurio: false };
  return { format, apicurio: !side && (format === "auto" || format === "schema") };
}

/** Decodes one key or value as asked, through the schema registry when the record carries a schema id. */
export async function decodeValue(
  clusterId: string,
  buf: Buffer | null,
  format: DecodeFormat,
  parse = true,
): Promise<DecodedValue> {
  const sync = decodeBytesSync(buf, format, hasSchemaRegistry(clusterId), parse);
  if (sync) return sync;
  return viaSchema(clusterId, buf!, wireSchemaId(buf!)!);
}

/** One side: without waiting where it can, else through Apicurio's header id or the registry's wire format. */
function decodeSide(
  clusterId: string,
  record: KafkaRecord,
  which: "key" | "value",
  plan: { decoder: SideDecoder } | PlainSide,
  parse: boolean,
  previewBytes?: number,
): DecodedValue | Promise<DecodedValue> {
  const buf = record[which];
  if ("decoder" in plan) return buf === null ? { encoding: "null", text: null, size: 0 } : plan.decoder.decode(buf);
  const sync = decodePlainSync(record, which, plan, hasSchemaRegistry(clusterId), parse, previewBytes);
  if (sync) return sync;
  const ref = plan.apicurio ? apicurioHeaderId(record, which) : null;
  return ref ? decodeApicurio(clusterId, buf!, ref) : viaSchema(clusterId, buf!, wireSchemaId(buf!)!);
}

/** Decodes a record's key, value and headers; synchronous unless a schema lookup is needed. */
export function decodeRecord(
  clusterId: string,
  record: KafkaRecord,
  o: DecodeOptions,
): DecodedRecord | Promise<DecodedRecord> {
  const parse = o.parse ?? true;
  const key = decodeSide(clusterId, record, "key", sidePlan(o.keyFormat, o.topic?.key), parse, o.previewBytes);
  const value = decodeSide(clusterId, record, "value", sidePlan(o.valueFormat, o.topic?.value), parse, o.previewBytes);
  const headers = record.headers.length ? record.headers.map(decodeHeader) : [];
  if (!(key instanceof Promise) && !(value instanceof Promise)) return { record, key, value, headers };
  return Promise.all([key, value]).then(([k, v]) => ({ record, key: k, value: v, headers }));
}

/** Forgets cached schemas and failures of a cluster (tests, configuration change). */
export function resetSchemaDecoder(clusterId: string): void {
  decoders.delete(clusterId);
}
