import { z } from "zod";
import { subjectNameSchema } from "./schemas";
import { FIXED_DECODERS } from "./topic-decoders";

/** How the browser asks for a key or value to be decoded; "auto" detects (schema wire format, JSON, text, binary). */
export const DECODE_FORMATS = ["auto", "string", "json", "schema", "hex", "base64"] as const;
export type DecodeFormat = (typeof DECODE_FORMATS)[number];

/** What a key or value turned out to be. */
export const DECODED_ENCODINGS = [
  "null",
  "string",
  "json",
  "avro",
  "protobuf",
  "json-schema",
  "hex",
  "base64",
  ...FIXED_DECODERS,
] as const;
export type DecodedEncoding = (typeof DECODED_ENCODINGS)[number];

export const COMPRESSIONS = ["none", "gzip", "snappy", "lz4", "zstd"] as const;
export type Compression = (typeof COMPRESSIONS)[number];

/** List views send at most this much of a key or value; the full payload is fetched on demand. */
export const PREVIEW_BYTES = 20 * 1024;

export const DecodedFieldSchema = z.object({
  encoding: z.enum(DECODED_ENCODINGS),
  /** Display text: pretty JSON for json/avro/protobuf/json-schema, the text for string, hex or base64 for binary; null for a null key/value. */
  text: z.string().nullable(),
  /** Size in bytes as stored in Kafka. */
  size: z.number(),
  /** The text was cut to PREVIEW_BYTES; fetch the single message for all of it. */
  truncated: z.boolean(),
  schemaId: z.number().optional(),
  /** Why the requested or detected decoding failed; `text` then holds the raw bytes (hex), or on a masked topic a marker. */
  error: z.string().optional(),
  /** Masking rules changed this field before it left the server. */
  masked: z.boolean().optional(),
  /** The topic's decoder setting (or Apicurio header id) this field was decoded with, e.g. "protobuf shop.Order". */
  decoder: z.string().optional(),
});
export type DecodedField = z.infer<typeof DecodedFieldSchema>;

export const MessageHeaderSchema = z.object({ key: z.string(), value: z.string().nullable(), binary: z.boolean() });

export const MessageSchema = z.object({
  partition: z.number(),
  offset: z.string(),
  timestamp: z.number(),
  timestampType: z.enum(["CreateTime", "LogAppendTime"]),
  key: DecodedFieldSchema,
  value: DecodedFieldSchema,
  headers: z.array(MessageHeaderSchema),
  /** key + value + header bytes. */
  size: z.number(),
  compression: z.enum(COMPRESSIONS),
});
export type Message = z.infer<typeof MessageSchema>;

export const PartitionRangeSchema = z.object({ partition: z.number(), low: z.string(), high: z.string() });

export const decodeQuery = {
  keyFormat: z.enum(DECODE_FORMATS).optional().default("auto"),
  valueFormat: z.enum(DECODE_FORMATS).optional().default("auto"),
  /** Lift the masking rules the reader is exempt from (admins, or roles/teams a rule names); audited, else 403. */
  unmasked: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional()
    .default(false),
};

const partitionsParam = z
  .string()
  .regex(/^\d+(,\d+)*$/, "a comma-separated list of partition numbers")
  .transform((s) => [...new Set(s.split(",").map(Number))])
  .optional();

const offsetParam = z.string().regex(/^\d+$/, "a non-negative integer");

/** Epoch milliseconds or an ISO-8601 date-time. */
const timeParam = z.string().transform((s, ctx) => {
  const ms = /^\d+$/.test(s) ? Number(s) : Date.parse(s);
  if (!Number.isFinite(ms)) {
    ctx.addIssue({ code: "custom", message: "not a timestamp (epoch milliseconds or ISO-8601)" });
    return z.NEVER;
  }
  return ms;
});

export const BROWSE_STARTS = ["oldest", "newest", "offset", "timestamp"] as const;

const startQuery = {
  start: z.enum(BROWSE_STARTS).optional().default("newest"),
  /** With start=offset: the offset to read from in every selected partition. */
  offset: offsetParam.optional(),
  /** With start=timestamp: the first record at or after this time. */
  timestamp: timeParam.optional(),
  partitions: partitionsParam,
};

export const browseQuerySchema = z
  .object({
    ...startQuery,
    ...decodeQuery,
    limit: z.coerce.number().int().min(1).max(500).optional().default(50),
    /** From a previous page's nextCursor / prevCursor; overrides start. */
    cursor: z.string().max(20_000).optional(),
  })
  .superRefine((q, ctx) => {
    if (!q.cursor && q.start === "offset" && q.offset === undefined) {
      ctx.addIssue({ code: "custom", path: ["offset"], message: "start=offset needs an offset" });
    }
    if (!q.cursor && q.start === "timestamp" && q.timestamp === undefined) {
      ctx.addIssue({ code: "custom", path: ["timestamp"], message: "start=timestamp needs a timestamp" });
    }
  });
export type BrowseQuery = z.output<typeof browseQuerySchema>;

export const BrowsePageSchema = z.object({
  messages: z.array(MessageSchema),
  /** Continue in the page's reading order (older for newest-first, newer otherwise); null at the end. */
  nextCursor: z.string().nullable(),
  /** Go back the other way; null at the start. */
  prevCursor: z.string().nullable(),
  /** newest-first pages are sorted newest → oldest; the others oldest → newest. */
  order: z.enum(["newest-first", "oldest-first"]),
  partitions: z.array(PartitionRangeSchema),
});
export type BrowsePage = z.infer<typeof BrowsePageSchema>;

export const SEARCH_FIELDS = ["key", "value", "headers"] as const;

/** Query of the streaming search / live tail and of the export: where to start, filters, and whether to follow. */
export const streamQuerySchema = z
  .object({
    ...startQuery,
    ...decodeQuery,
    start: z
      .enum([...BROWSE_STARTS, "end"])
      .optional()
      .default("oldest"),
    /** Substring (or regex with regex=true, RE2 syntax: linear time) matched against the decoded text. */
    q: z.string().max(1000).optional(),
    regex: z
      .enum(["true", "false"])
      .transform((v) => v === "true")
      .optional()
      .default(false),
    in: z
      .string()
      .transform((s) => s.split(",").filter(Boolean))
      .pipe(z.array(z.enum(SEARCH_FIELDS)).min(1))
      .optional(),
    /** A CEL expression over key, value, headers, partition, offset, timestamp; e.g. value.orderId == "X-42". */
    cel: z.string().max(4000).optional(),
    from: timeParam.optional(),
    to: timeParam.optional(),
    /** Keep going past the end offsets captured at start (live tail). */
    follow: z
      .enum(["true", "false"])
      .transform((v) => v === "true")
      .optional()
      .default(false),
    /** Stop after this many matches (none by default: the whole range is scanned). */
    maxResults: z.coerce.number().int().min(1).max(1_000_000).optional(),
  })
  .superRefine((q, ctx) => {
    if (q.start === "offset" && q.offset === undefined) {
      ctx.addIssue({ code: "custom", path: ["offset"], message: "start=offset needs an offset" });
    }
    if (q.start === "timestamp" && q.timestamp === undefined) {
      ctx.addIssue({ code: "custom", path: ["timestamp"], message: "start=timestamp needs a timestamp" });
    }
    if (q.from !== undefined && q.to !== undefined && q.from > q.to) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "'to' is before 'from'" });
    }
  });
export type StreamQuery = z.output<typeof streamQuerySchema>;

/** "topic": encoded with the topic's decoder setting (numbers, UUID, charset text; JSON for msgpack/protobuf/avro). */
export const PRODUCE_FORMATS = ["null", "string", "json", "base64", "schema", "topic"] as const;

const producePart = z.object({
  format: z.enum(PRODUCE_FORMATS).default("string"),
  data: z
    .string()
    .max(10 * 1024 * 1024, "at most 10 MiB")
    .default(""),
  /** With format=schema: encode with the latest (or given) version of this subject. */
  subject: subjectNameSchema.optional(),
  version: z.number().int().positive().optional(),
});

export const produceBodySchema = z
  .object({
    key: producePart.default({ format: "null", data: "" }),
    value: producePart,
    headers: z
      .array(z.object({ key: z.string().min(1, "header key is empty").max(1000), value: z.string().max(1024 * 1024) }))
      .max(100)
      .default([]),
    /** null: the partitioner chooses (by key hash, or round-robin without a key). */
    partition: z.number().int().min(0).nullable().default(null),
    compression: z.enum(COMPRESSIONS).default("none"),
  })
  .superRefine((b, ctx) => {
    for (const part of ["key", "value"] as const) {
      if (b[part].format === "schema" && !b[part].subject) {
        ctx.addIssue({ code: "custom", path: [part, "subject"], message: "schema encoding needs a subject" });
      }
      if (b[part].format === "json") {
        try {
          JSON.parse(b[part].data);
        } catch (e) {
          // Only where it fails: the parser's own message can quote the input (a masked field, say).
          const at = /position (\d+)/.exec((e as Error).message)?.[1];
          ctx.addIssue({
            code: "custom",
            path: [part, "data"],
            message: `not valid JSON${at ? ` (at position ${at})` : ""}`,
          });
        }
      }
      if (b[part].format === "base64" && !/^[A-Za-z0-9+/]*={0,2}$/.test(b[part].data.replace(/\s/g, ""))) {
        ctx.addIssue({ code: "custom", path: [part, "data"], message: "not valid base64" });
      }
    }
  });
export type ProduceBody = z.input<typeof produceBodySchema>;

export const ProduceResultSchema = z.object({
  topic: z.string(),
  partition: z.number(),
  offset: z.string(),
  timestamp: z.number().nullable(),
});
export type ProduceResult = z.infer<typeof ProduceResultSchema>;

/** GET /messages/:partition/:offset: one record, decoded. */
export const MessageAnswerSchema = z.object({ message: MessageSchema });
