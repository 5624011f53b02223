import "server-only";
import { importLineSchema, type ImportBody, type ImportResult } from "@/lib/schemas/import";
import { getClusterConfigOrThrow } from "@/server/config";
import { ApiError } from "@/server/http/api-error";
import { destinationTopic, openReplayProducer, type OutRecord } from "@/server/kafka/replay-producer";
import { audited, type AuditContext } from "@/server/services/audit/record-audit";

const MAX_ERRORS = 100;
const PIECE = 500;
const OVERHEAD = 128;
type Field = { encoding: string; text: string | null; truncated?: boolean; masked?: boolean; error?: string };

/** The bytes an exported key or value stood for; throws the reason it cannot be restored. */
function bytesOf(f: Field, which: string): Buffer | null {
  if (f.truncated) throw new Error(`${which} was cut to a preview in the export`);
  if (f.masked) throw new Error(`${which} was masked in the export`);
  if (f.encoding === "null" || f.text === null) return null;
  switch (f.encoding) {
    case "string":
    case "json":
      // A field that failed its decoding carries its raw bytes as hex.
      return f.error && /^[0-9a-f]*$/i.test(f.text) ? Buffer.from(f.text, "hex") : Buffer.from(f.text, "utf8");
    case "hex":
      if (!/^(?:[0-9a-f]{2})*$/i.test(f.text)) throw new Error(`${which} is not valid hex`);
      return Buffer.from(f.text, "hex");
    case "base64":
      return Buffer.from(f.text, "base64");
    default:
      throw new Error(
        `${which} was exported decoded from ${f.encoding} (schema registry); it cannot be re-encoded from the export`,
      );
  }
}

/** Validates every line first (line-numbered errors); nothing is parsed twice. */
function parseLines(text: string, keepPartition: boolean, keepTimestamps: boolean) {
  const records: { line: number; out: Omit<OutRecord, "topic"> }[] = [];
  const errors: { line: number; message: string }[] = [];
  let lines = 0;
  let invalid = 0;
  text.split("\n").forEach((raw, i) => {
    if (raw.trim() === "") return;
    lines++;
    const fail = (message: string) => {
      invalid++;
      if (errors.length < MAX_ERRORS) errors.push({ line: i + 1, message });
    };
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (e) {
      return fail(`not JSON: ${(e as Error).message.slice(0, 200)}`);
    }
    const parsed = importLineSchema.safeParse(json);
    if (!parsed.success) {
      return fail(parsed.error.issues.map((x) => `${x.path.join(".") || "record"}: ${x.message}`).join("; "));
    }
    const r = parsed.data;
    try {
      records.push({
        line: i + 1,
        out: {
          key: bytesOf(r.key, "key"),
          value: bytesOf(r.value, "value"),
          headers: r.headers.map((h) => ({
            key: h.key,
            value: h.value === null ? null : Buffer.from(h.value, h.binary ? "base64" : "utf8"),
          })),
          ...(keepPartition && r.partition !== undefined ? { partition: r.partition } : {}),
          ...(keepTimestamps && r.timestamp !== undefined ? { timestamp: r.timestamp } : {}),
        },
      });
    } catch (e) {
      fail((e as Error).message);
    }
  });
  return { records, errors, lines, invalid };
}

/**
 * Loads a JSON Lines file in the export's format into a topic. Every line is validated first: with an invalid
 * line nothing is written (422 listing the lines) unless skipInvalid. Written through the idempotent producer in
 * pieces; records larger than the topic's max.message.bytes are skipped and listed. Audited (not the dry run).
 */
export async function importRecords(
  clusterId: string,
  topic: string,
  body: ImportBody,
  dryRun: boolean,
  ctx: Omit<AuditContext, "clusterId">,
): Promise<ImportResult> {
  const cluster = getClusterConfigOrThrow(clusterId);
  const { records, errors, lines, invalid } = parseLines(body.jsonl, body.keepPartition, body.keepTimestamps);
  if (invalid && !body.skipInvalid) {
    throw new ApiError(
      "unprocessable_entity",
      `${invalid} of ${lines} line(s) are not valid records; nothing was written. First: line ${errors[0].line}: ${errors[0].message}`,
      errors.map((e) => ({ path: `line ${e.line}`, issue: e.message })),
    );
  }
  const dest = await destinationTopic(clusterId, topic);
  if (!dest) throw new ApiError("not_found", `Topic "${topic}" does not exist on cluster "${cluster.name}".`);
  const skipped: { line: number; reason: string }[] = [];
  const writable = records.filter((r) => {
    const size =
      (r.out.key?.length ?? 0) +
      (r.out.value?.length ?? 0) +
      r.out.headers.reduce((n, h) => n + h.key.length + (h.value?.length ?? 0), 0);
    if (size + OVERHEAD > dest.maxMessageBytes) {
      skipped.push({ line: r.line, reason: `${size} bytes, larger than max.message.bytes (${dest.maxMessageBytes})` });
    } else if (r.out.partition !== undefined && r.out.partition >= dest.partitions) {
      skipped.push({
        line: r.line,
        reason: `partition ${r.out.partition} does not exist (the topic has ${dest.partitions})`,
      });
    } else {
      return true;
    }
    return false;
  });
  const result: ImportResult = { dryRun, lines, valid: records.length, written: 0, errors, skipped };
  if (dryRun) return result;
  return audited(
    { ...ctx, clusterId },
    {
      action: "messages.import",
      targetType: "topic",
      target: topic,
      before: {
        lines,
        valid: records.length,
        invalid,
        skipped: skipped.length,
        keepPartition: body.keepPartition,
        keepTimestamps: body.keepTimestamps,
      },
    },
    async () => {
      const producer = await openReplayProducer(clusterId);
      try {
        for (let i = 0; i < writable.length; i += PIECE) {
          await producer.send(writable.slice(i, i + PIECE).map((r) => ({ ...r.out, topic })));
          result.written += Math.min(PIECE, writable.length - i);
        }
      } finally {
        await producer.close();
      }
      return result;
    },
    (r) => ({ written: r.written, skipped: r.skipped.length }),
  );
}
