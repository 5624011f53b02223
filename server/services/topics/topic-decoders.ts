import "server-only";
import { processState } from "@/server/process-state";
import type { DecodeFormat } from "@/lib/schemas/messages";
import type { DecoderKind, DecoderSideView, PutTopicDecodersBody, TopicDecoders } from "@/lib/schemas/topic-decoders";
import { decoderSideSchema } from "@/lib/schemas/topic-decoders";
import type { z } from "zod";
import { getClusterConfigOrThrow } from "@/server/config";
import { prisma } from "@/server/db/prisma";
import { ApiError } from "@/server/http/api-error";
import type { SideDecoding, TopicDecoding } from "@/server/messages/decode";
import {
  compileDecoder,
  DecoderSpecError,
  protobufMessageTypes,
  type DecoderSpec,
} from "@/server/messages/topic-decoders";
import { audited, type AuditContext } from "@/server/services/audit/record-audit";

type Side = "key" | "value";
type Row = {
  side: string;
  kind: string;
  options: string;
  schema: Uint8Array | null;
  fileName: string | null;
  updatedBy: string;
  updatedAt: Date;
};
type SideInput = z.output<typeof decoderSideSchema>;

/** View formats the simple kinds stand for (decode.ts does the work). */
const FORMAT_OF: Partial<Record<DecoderKind, DecodeFormat>> = { json: "json", text: "string", bytes: "hex" };

function specOf(row: Row): DecoderSpec {
  const o = JSON.parse(row.options) as Pick<DecoderSpec, "charset" | "messageType" | "source">;
  return { kind: row.kind as DecoderKind, ...o, schema: row.schema ? Buffer.from(row.schema) : null };
}

function labelOf(spec: DecoderSpec): string {
  if (spec.kind === "protobuf") return `protobuf ${spec.messageType}`;
  if (spec.kind === "string" && spec.charset) return `string (${spec.charset})`;
  return spec.kind === "registry" ? "automatic (registry, JSON, text, binary)" : spec.kind;
}

const CACHE_MS = 5_000;
type Cached = { at: number; decoding: TopicDecoding | undefined };
const cache: Map<string, Cached> = processState("TopicDecoding", () => new Map<string, Cached>());
const cacheKey = (clusterId: string, topic: string) => `${clusterId}\u0000${topic}`;

/**
 * The topic's decoder settings, compiled, for every read (browse, detail, search, tail, export, replay filter).
 * Cached for 5 s per process (another replica's change shows within that). A stored setting that no longer
 * compiles decodes nothing: every record then shows the reason.
 */
export async function topicDecodingFor(clusterId: string, topic: string): Promise<TopicDecoding | undefined> {
  const k = cacheKey(clusterId, topic);
  const hit = cache.get(k);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.decoding;
  const rows = await prisma.topicDecoder.findMany({ where: { clusterId, topic } });
  let decoding: TopicDecoding | undefined;
  for (const row of rows) {
    const side = row.side as Side;
    const spec = specOf(row);
    let sd: SideDecoding | undefined;
    const format = FORMAT_OF[spec.kind];
    if (format) {
      sd = { format };
    } else {
      try {
        const decoder = compileDecoder(spec);
        if (decoder) sd = { decoder };
      } catch (e) {
        const message = `the topic's ${side} decoder (${labelOf(spec)}) does not work: ${(e as Error).message}`;
        sd = {
          decoder: {
            kind: spec.kind,
            label: labelOf(spec),
            textual: false,
            decode: (buf) => ({ encoding: "hex", text: buf.toString("hex"), size: buf.length, error: message }),
            encode: () => {
              throw new Error(message);
            },
          },
        };
      }
    }
    if (sd) (decoding ??= {})[side] = sd;
  }
  if (cache.size > 10_000) cache.clear();
  cache.set(k, { at: Date.now(), decoding });
  return decoding;
}

/** True when raw bytes may be tested against a search (the shown text is the bytes as UTF-8) on both sides. */
export function rawBytesSearchable(decoding: TopicDecoding | undefined): boolean {
  if (!decoding) return true;
  return [decoding.key, decoding.value].every((s) => !s || ("decoder" in s ? s.decoder.textual : s.format !== "hex"));
}

function viewOf(row: Row | undefined): DecoderSideView {
  if (!row) return { kind: "registry", label: labelOf({ kind: "registry" }) };
  const spec = specOf(row);
  let messageTypes: string[] | undefined;
  if (spec.kind === "protobuf" && spec.schema) {
    try {
      messageTypes = protobufMessageTypes(spec);
    } catch {
      messageTypes = undefined;
    }
  }
  return {
    kind: spec.kind,
    ...(spec.charset ? { charset: spec.charset } : {}),
    ...(spec.messageType ? { messageType: spec.messageType } : {}),
    ...(messageTypes ? { messageTypes } : {}),
    ...(spec.source ? { source: spec.source } : {}),
    ...(row.fileName ? { fileName: row.fileName } : {}),
    label: labelOf(spec),
    updatedBy: row.updatedBy,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function getTopicDecoders(clusterId: string, topic: string): Promise<TopicDecoders> {
  getClusterConfigOrThrow(clusterId);
  const rows = await prisma.topicDecoder.findMany({ where: { clusterId, topic } });
  return { key: viewOf(rows.find((r) => r.side === "key")), value: viewOf(rows.find((r) => r.side === "value")) };
}

/** The stored spec for an input side; reuses the stored descriptor when only the message type changes. */
function specFor(input: SideInput, existing: Row | undefined): { spec: DecoderSpec; fileName: string | null } {
  const spec: DecoderSpec = {
    kind: input.kind,
    ...(input.charset ? { charset: input.charset } : {}),
    ...(input.messageType ? { messageType: input.messageType.replace(/^\./, "") } : {}),
  };
  let fileName = input.fileName ?? null;
  if (input.kind === "protobuf") {
    if (input.descriptorSet) {
      Object.assign(spec, { source: "descriptor-set", schema: Buffer.from(input.descriptorSet, "base64") });
    } else if (input.protoFiles) {
      Object.assign(spec, { source: "proto", schema: Buffer.from(JSON.stringify(input.protoFiles), "utf8") });
      fileName ??= input.protoFiles.map((f) => f.name).join(", ");
    } else if (existing?.kind === "protobuf" && existing.schema) {
      const prev = specOf(existing);
      Object.assign(spec, { source: prev.source, schema: prev.schema });
      fileName ??= existing.fileName;
    } else {
      throw new ApiError("bad_request", "protobuf needs a descriptor set (descriptorSet) or .proto files (protoFiles)");
    }
  }
  if (input.kind === "avro") {
    if (input.avroSchema) {
      Object.assign(spec, { source: "avro-schema", schema: Buffer.from(input.avroSchema, "utf8") });
    } else if (existing?.kind === "avro" && existing.schema) {
      Object.assign(spec, { source: "avro-schema", schema: Buffer.from(existing.schema) });
      fileName ??= existing.fileName;
    } else {
      throw new ApiError("bad_request", "avro needs a schema file (avroSchema)");
    }
  }
  return { spec, fileName };
}

/** Replaces the given sides (kind "registry" removes a side's setting); every spec is compiled first (422 if it fails). */
export async function putTopicDecoders(
  clusterId: string,
  topic: string,
  body: PutTopicDecodersBody,
  ctx: AuditContext,
): Promise<TopicDecoders> {
  getClusterConfigOrThrow(clusterId);
  const before = await getTopicDecoders(clusterId, topic);
  const summary = (v: DecoderSideView) => ({
    kind: v.kind,
    ...(v.messageType ? { messageType: v.messageType } : {}),
    ...(v.charset ? { charset: v.charset } : {}),
    ...(v.fileName ? { fileName: v.fileName } : {}),
  });
  return audited(
    { ...ctx, clusterId },
    {
      action: "topic.decoders_set",
      targetType: "topic",
      target: topic,
      before: { key: summary(before.key), value: summary(before.value) },
    },
    async () => {
      const rows = await prisma.topicDecoder.findMany({ where: { clusterId, topic } });
      const writes: (() => Promise<unknown>)[] = [];
      for (const side of ["key", "value"] as const) {
        const raw = body[side];
        if (!raw) continue;
        const input = decoderSideSchema.parse(raw);
        if (input.kind === "registry") {
          writes.push(() => prisma.topicDecoder.deleteMany({ where: { clusterId, topic, side } }));
          continue;
        }
        const { spec, fileName } = specFor(
          input,
          rows.find((r) => r.side === side),
        );
        try {
          compileDecoder(spec);
        } catch (e) {
          if (e instanceof DecoderSpecError) {
            throw new ApiError("unprocessable_entity", `${side}: ${e.message}`, [
              { path: side, issue: e.position ?? e.message },
            ]);
          }
          throw e;
        }
        const options = JSON.stringify({
          ...(spec.charset ? { charset: spec.charset } : {}),
          ...(spec.messageType ? { messageType: spec.messageType } : {}),
          ...(spec.source ? { source: spec.source } : {}),
        });
        const data = {
          kind: spec.kind,
          options,
          schema: spec.schema ? new Uint8Array(spec.schema) : null,
          fileName,
          updatedBy: ctx.actor.email,
        };
        writes.push(() =>
          prisma.topicDecoder.upsert({
            where: { clusterId_topic_side: { clusterId, topic, side } },
            create: { clusterId, topic, side, ...data },
            update: data,
          }),
        );
      }
      for (const w of writes) await w();
      cache.delete(cacheKey(clusterId, topic));
      return getTopicDecoders(clusterId, topic);
    },
    (r) => ({ key: summary(r.key), value: summary(r.value) }),
  );
}

export async function deleteTopicDecoders(clusterId: string, topic: string, ctx: AuditContext): Promise<TopicDecoders> {
  getClusterConfigOrThrow(clusterId);
  return audited(
    { ...ctx, clusterId },
    { action: "topic.decoders_cleared", targetType: "topic", target: topic },
    async () => {
      await prisma.topicDecoder.deleteMany({ where: { clusterId, topic } });
      cache.delete(cacheKey(clusterId, topic));
      return getTopicDecoders(clusterId, topic);
    },
  );
}
