import { z } from "zod";

/** The fixed decoders of primitive and MessagePack values: a topic can set each, and a value decoded by one is of that encoding. */
export const FIXED_DECODERS = ["msgpack", "int", "long", "short", "float", "double", "uuid"] as const;

/**
 * How a topic's keys or values are decoded: `registry` is the automatic detection (schema registry wire format or
 * Apicurio header ids, then JSON, text, binary); the rest are fixed decoders set per topic.
 */
export const DECODER_KINDS = [
  "registry",
  "protobuf",
  "avro",
  ...FIXED_DECODERS,
  "string",
  "json",
  "text",
  "bytes",
] as const;
export type DecoderKind = (typeof DECODER_KINDS)[number];

/** Largest uploaded descriptor set, `.proto` files (together) or Avro schema. */
export const DECODER_UPLOAD_MAX_BYTES = 1024 * 1024;

/** Charsets a `string` decoder accepts (WHATWG labels, as Node's TextDecoder knows them). */
const charset = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9._:-]+$/, "not a charset name");
const messageType = z
  .string()
  .trim()
  .min(1)
  .max(500)
  .regex(
    /^\.?[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/,
    "a fully-qualified message type such as shop.v1.Order",
  );
const base64 = z
  .string()
  .max(
    Math.ceil((DECODER_UPLOAD_MAX_BYTES * 4) / 3) + 4,
    `the descriptor set is larger than ${DECODER_UPLOAD_MAX_BYTES / 1024} KiB`,
  )
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, "not valid base64");
const protoFile = z.object({
  name: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/^[A-Za-z0-9._/-]+\.proto$/, "a .proto file name"),
  content: z.string().max(DECODER_UPLOAD_MAX_BYTES, `larger than ${DECODER_UPLOAD_MAX_BYTES / 1024} KiB`),
});

export const decoderSideSchema = z
  .object({
    kind: z.enum(DECODER_KINDS),
    /** string: the charset (default UTF-8). */
    charset: charset.optional(),
    /** protobuf: the fully-qualified message type. */
    messageType: messageType.optional(),
    /** protobuf: a binary FileDescriptorSet (`protoc --descriptor_set_out --include_imports`), base64. */
    descriptorSet: base64.optional(),
    /** protobuf: `.proto` source files instead of a descriptor set. */
    protoFiles: z.array(protoFile).min(1).max(50).optional(),
    /** avro: the schema (JSON text of an .avsc file). */
    avroSchema: z
      .string()
      .min(1)
      .max(DECODER_UPLOAD_MAX_BYTES, `larger than ${DECODER_UPLOAD_MAX_BYTES / 1024} KiB`)
      .optional(),
    /** The uploaded file's name, shown back. */
    fileName: z.string().trim().max(200).optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.kind === "protobuf" && !s.messageType) {
      ctx.addIssue({ code: "custom", path: ["messageType"], message: "protobuf needs the message type" });
    }
    if (s.descriptorSet && s.protoFiles) {
      ctx.addIssue({
        code: "custom",
        path: ["protoFiles"],
        message: "give a descriptor set or .proto files, not both",
      });
    }
    if (s.kind !== "protobuf" && (s.descriptorSet || s.protoFiles || s.messageType)) {
      ctx.addIssue({ code: "custom", path: ["kind"], message: "descriptor and message type are for protobuf only" });
    }
    if (s.kind !== "avro" && s.avroSchema) {
      ctx.addIssue({ code: "custom", path: ["avroSchema"], message: "an Avro schema is for avro only" });
    }
    if (s.kind !== "string" && s.charset) {
      ctx.addIssue({ code: "custom", path: ["charset"], message: "a charset is for string only" });
    }
    const total = (s.protoFiles ?? []).reduce((n, f) => n + f.content.length, 0);
    if (total > DECODER_UPLOAD_MAX_BYTES) {
      ctx.addIssue({
        code: "custom",
        path: ["protoFiles"],
        message: `the .proto files are larger than ${DECODER_UPLOAD_MAX_BYTES / 1024} KiB together`,
      });
    }
  });
export type DecoderSideInput = z.input<typeof decoderSideSchema>;

/** PUT body: the sides given are replaced (kind "registry" clears one); a side left out is kept. */
export const putTopicDecodersBodySchema = z
  .object({ key: decoderSideSchema.optional(), value: decoderSideSchema.optional() })
  .strict()
  .refine((b) => b.key || b.value, { message: "give key, value or both" });
export type PutTopicDecodersBody = z.input<typeof putTopicDecodersBodySchema>;

export const DecoderSideViewSchema = z.object({
  kind: z.enum(DECODER_KINDS),
  charset: z.string().optional(),
  messageType: z.string().optional(),
  /** protobuf: every message type the descriptor defines (to choose from). */
  messageTypes: z.array(z.string()).optional(),
  source: z.enum(["descriptor-set", "proto", "avro-schema"]).optional(),
  fileName: z.string().optional(),
  /** A short label, as records decoded with it show it. */
  label: z.string(),
  updatedBy: z.string().optional(),
  updatedAt: z.string().optional(),
});
export type DecoderSideView = z.infer<typeof DecoderSideViewSchema>;
export const TopicDecodersSchema = z.object({ key: DecoderSideViewSchema, value: DecoderSideViewSchema });
export type TopicDecoders = z.infer<typeof TopicDecodersSchema>;
