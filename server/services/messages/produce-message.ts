import "server-only";
import { topicDecodingFor } from "@/server/services/topics/topic-decoders";
import { z } from "zod";
import type { ProduceResult, produceBodySchema } from "@/lib/schemas/messages";
import { getClusterConfigOrThrow } from "@/server/config";
import { ApiError } from "@/server/http/api-error";
import { ConfigResourceTypes, getProducer, withAdmin } from "@/server/kafka/registry";
import { COMPRESSION_TYPE } from "@/server/kafka/codecs";
import { withDeadline } from "@/server/kafka/deadline";
import { toApiError } from "@/server/kafka/errors";
import { schemaRegistryFor } from "@/server/messages/decode";
import { rulesFor } from "@/server/messages/mask";
import { audited, type AuditContext } from "@/server/services/audit/record-audit";
import { getTopicInfoOrThrow } from "@/server/services/topics/get-topic-or-throw";

type Body = z.output<typeof produceBodySchema>;
type Part = Body["value"];

/** `quote`: errors may quote the library's message, which can carry the input (never on a masked topic). */
async function encodePart(
  clusterId: string,
  part: Part,
  which: "key" | "value",
  quote: boolean,
  topic: string,
): Promise<Buffer | null> {
  switch (part.format) {
    case "topic": {
      const side = (await topicDecodingFor(clusterId, topic))?.[which];
      if (!side || !("decoder" in side)) {
        throw new ApiError(
          "unprocessable_entity",
          `Topic "${topic}" has no ${which} decoder to encode with; choose one under Decoding, or another format.`,
          [{ path: `${which}.format`, issue: "no decoder" }],
        );
      }
      try {
        return side.decoder.encode(part.data);
      } catch (e) {
        throw new ApiError(
          "unprocessable_entity",
          `The ${which} cannot be encoded as ${side.decoder.label}${quote ? `: ${(e as Error).message}` : "."}`,
          [{ path: `${which}.data`, issue: "not encodable" }],
        );
      }
    }
    case "null":
      return null;
    case "string":
    case "json":
      return Buffer.from(part.data, "utf8");
    case "base64":
      return Buffer.from(part.data.replace(/\s/g, ""), "base64");
    case "schema": {
      const registry = schemaRegistryFor(clusterId);
      if (!registry) {
        throw new ApiError(
          "unprocessable_entity",
          `No schema registry is configured for this cluster, so the ${which} cannot be schema-encoded.`,
          [{ path: `${which}.format`, issue: "no registry" }],
        );
      }
      let payload: unknown;
      try {
        payload = JSON.parse(part.data);
      } catch (e) {
        throw new ApiError(
          "unprocessable_entity",
          `The ${which} must be JSON to be encoded with a schema${quote ? `: ${(e as Error).message}` : "."}`,
          [{ path: `${which}.data`, issue: "not JSON" }],
        );
      }
      let id: number;
      try {
        id = part.version
          ? await registry.getRegistryId(part.subject!, part.version)
          : await registry.getLatestSchemaId(part.subject!);
      } catch (e) {
        const status = (e as { status?: number }).status;
        if (status === 404 || /not found/i.test((e as Error).message)) {
          throw new ApiError(
            "unprocessable_entity",
            `Subject "${part.subject}"${part.version ? ` version ${part.version}` : ""} is not in the schema registry.`,
            [{ path: `${which}.subject`, issue: "unknown subject" }],
          );
        }
        throw new ApiError("kafka_unavailable", `The schema registry did not answer: ${(e as Error).message}`);
      }
      try {
        return await registry.encode(id, payload);
      } catch (e) {
        const paths = (e as { paths?: string[][] }).paths?.map((p) => p.join(".")).filter(Boolean) ?? [];
        throw new ApiError(
          "unprocessable_entity",
          `The ${which} does not match schema ${id} of "${part.subject}"${paths.length ? ` (check ${paths.join(", ")})` : ""}${quote ? `: ${(e as Error).message}` : "."}`,
          [{ path: `${which}.data`, issue: "does not match the schema" }],
        );
      }
    }
  }
}

const KAFKA_DEFAULT_MAX_MESSAGE_BYTES = 1_048_588;

/**
 * The largest produce body the route reads for this topic: its max.message.bytes as JSON could carry it (base64
 * is 4/3 the bytes, JSON string escapes up to 6×, headers alongside), plus room for the envelope; capped at 64 MiB.
 * Larger bodies are refused with 413 before they are parsed; the broker has the last word on the record itself.
 */
export async function produceBodyLimit(clusterId: string, topic: string): Promise<number> {
  const max = await withAdmin(clusterId, async (admin) => {
    const res = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: ConfigResourceTypes.TOPIC, name: topic }],
    });
    const v = Number(res.resources[0]?.configEntries.find((e) => e.configName === "max.message.bytes")?.configValue);
    return Number.isFinite(v) && v > 0 ? v : KAFKA_DEFAULT_MAX_MESSAGE_BYTES;
  }).catch(() => KAFKA_DEFAULT_MAX_MESSAGE_BYTES);
  return Math.min(64 * 1024 * 1024, max * 6 + 64 * 1024);
}

/** Writes one record through the cluster's shared producer and reports where it landed. Audited. */
export async function produceMessage(
  clusterId: string,
  topic: string,
  body: Body,
  ctx: Omit<AuditContext, "clusterId">,
): Promise<ProduceResult> {
  const cluster = getClusterConfigOrThrow(clusterId);
  const info = await getTopicInfoOrThrow(clusterId, cluster.name, topic);
  if (body.partition !== null && body.partition >= info.partitions.length) {
    throw new ApiError(
      "unprocessable_entity",
      `Topic "${topic}" has partitions 0–${info.partitions.length - 1}; partition ${body.partition} does not exist.`,
      [{ path: "partition", issue: "unknown partition" }],
    );
  }
  const quote = rulesFor(cluster.messages.masking, topic).length === 0;
  const [key, value] = await Promise.all([
    encodePart(clusterId, body.key, "key", quote, topic),
    encodePart(clusterId, body.value, "value", quote, topic),
  ]);
  const summary = {
    partition: body.partition,
    compression: body.compression,
    key: body.key.format === "null" ? null : { format: body.key.format, bytes: key?.length ?? 0 },
    value: {
      format: body.value.format,
      bytes: value?.length ?? 0,
      ...(body.value.subject ? { subject: body.value.subject } : {}),
    },
    headers: body.headers.map((h) => h.key),
  };
  return audited(
    { ...ctx, clusterId },
    { action: "messages.produce", targetType: "topic", target: topic, before: summary },
    () =>
      withDeadline(15_000, `Cluster "${cluster.name}"`, async () => {
        const producer = await getProducer(clusterId);
        const timestamp = Date.now();
        try {
          const [meta] = await producer.send({
            topic,
            acks: -1,
            compression: COMPRESSION_TYPE[body.compression],
            messages: [
              {
                key,
                value,
                timestamp: String(timestamp),
                headers: Object.fromEntries(groupHeaders(body.headers)),
                ...(body.partition !== null ? { partition: body.partition } : {}),
              },
            ],
          });
          return { topic, partition: meta.partition, offset: String(meta.baseOffset ?? meta.offset ?? "0"), timestamp };
        } catch (error) {
          throw toApiError(error, clusterId);
        }
      }),
  );
}

/** kafkajs takes repeated header keys as arrays. */
function groupHeaders(headers: { key: string; value: string }[]): Map<string, string | string[]> {
  const out = new Map<string, string | string[]>();
  for (const h of headers) {
    const prev = out.get(h.key);
    out.set(h.key, prev === undefined ? h.value : Array.isArray(prev) ? [...prev, h.value] : [prev, h.value]);
  }
  return out;
}
