import { z } from "zod";
import { ConfigEntrySchema } from "./clusters";
import { CONFIG_OPS_EMPTY, CONFIG_OPS_NOT_DISTINCT, configOpsCount, configOpsDistinct } from "./configs";
import { TOPIC_CONFIG_KEYS, validateTopicConfigValue } from "../topic-configs";

/** Kafka's legal topic names: [a-zA-Z0-9._-], 1–249 characters, not "." or "..". */
export const topicNameSchema = z
  .string()
  .min(1, "the name is empty")
  .max(249, "the name is longer than 249 characters")
  .regex(/^[a-zA-Z0-9._-]+$/, "use only letters, digits, '.', '_' and '-'")
  .refine((n) => n !== "." && n !== "..", "'.' and '..' are not allowed")
  // Legal in Kafka, but as an object key it replaces the prototype inside the Kafka client library, which then
  // breaks the cluster's shared connection for every user: refused, like any name Sluice cannot handle safely.
  .refine((n) => n !== "__proto__", "'__proto__' is not supported");

export const TOPIC_SORT_KEYS = [
  "name",
  "partitions",
  "replicationFactor",
  "underReplicated",
  "offline",
  "records",
  "cleanupPolicy",
  "retentionMs",
  "size",
] as const;
export type TopicSortKey = (typeof TOPIC_SORT_KEYS)[number];

const boolParam = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

export const listTopicsQuerySchema = z.object({
  q: z.string().max(500).optional(),
  regex: boolParam.optional().default(false),
  internal: boolParam.optional().default(false),
  sort: z.enum(TOPIC_SORT_KEYS).optional().default("name"),
  dir: z.enum(["asc", "desc"]).optional().default("asc"),
  limit: z.coerce.number().int().min(1).max(1000).optional().default(100),
  cursor: z.string().max(2000).optional(),
});
export type ListTopicsQuery = z.input<typeof listTopicsQuerySchema>;

export const TopicListItemSchema = z.object({
  name: z.string(),
  internal: z.boolean(),
  partitions: z.number(),
  replicationFactor: z.number(),
  underReplicated: z.number(),
  offline: z.number(),
  /** end − start offsets summed over partitions; null if the offsets could not be read. */
  records: z.number().nullable(),
  cleanupPolicy: z.string().nullable(),
  retentionMs: z.number().nullable(),
  /** bytes on disk of one copy (each partition's largest replica, DescribeLogDirs); null when not available */
  size: z.number().nullable(),
});
export type TopicListItem = z.infer<typeof TopicListItemSchema>;

export const TopicListSchema = z.object({
  items: z.array(TopicListItemSchema),
  nextCursor: z.string().nullable(),
  /** topics matching the filter (all pages) */
  total: z.number(),
  totalPartitions: z.number(),
  /** age of the cached metadata the page was cut from */
  metadataAgeMs: z.number(),
  /** why the size column is empty (brokers without DescribeLogDirs, refused, timed out) */
  sizeUnavailable: z.string().nullable().optional(),
});
export type TopicList = z.infer<typeof TopicListSchema>;

export const PartitionSchema = z.object({
  partition: z.number(),
  leader: z.number(),
  replicas: z.array(z.number()),
  isr: z.array(z.number()),
  offlineReplicas: z.array(z.number()),
  underReplicated: z.boolean(),
  offline: z.boolean(),
  startOffset: z.string().nullable(),
  endOffset: z.string().nullable(),
  records: z.number().nullable(),
});

export const TopicConsumerGroupSchema = z.object({
  groupId: z.string(),
  lag: z.number().nullable(),
  partitionsWithOffsets: z.number(),
});

export const TopicDetailSchema = z.object({
  name: z.string(),
  internal: z.boolean(),
  replicationFactor: z.number(),
  records: z.number().nullable(),
  partitions: z.array(PartitionSchema),
  configs: z.array(ConfigEntrySchema),
  consumerGroups: z.array(TopicConsumerGroupSchema),
});
export type TopicDetail = z.infer<typeof TopicDetailSchema>;

export const configValuesSchema = z.record(z.string(), z.string()).superRefine((configs, ctx) => {
  for (const [key, value] of Object.entries(configs)) {
    if (!TOPIC_CONFIG_KEYS.has(key)) {
      ctx.addIssue({ code: "custom", path: [key], message: `unknown topic config "${key}"` });
      continue;
    }
    const problem = validateTopicConfigValue(key, value);
    if (problem) ctx.addIssue({ code: "custom", path: [key], message: problem });
  }
});

/** A new topic's replication factor (a topic created directly or through a request). */
export const replicationFactorSchema = z
  .number({ error: "replication factor must be a number" })
  .int()
  .min(1, "replication factor must be at least 1")
  .max(32);

export const createTopicBodySchema = z.object({
  name: topicNameSchema,
  partitions: z
    .number({ error: "partitions must be a number" })
    .int("partitions must be a whole number")
    .min(1, "partitions must be at least 1")
    .max(100_000),
  replicationFactor: replicationFactorSchema,
  configs: configValuesSchema.optional().default({}),
});
export type CreateTopicBody = z.input<typeof createTopicBodySchema>;

export const dryRunQuerySchema = z.object({ dryRun: boolParam.optional().default(false) });

export const CreateTopicResultSchema = z.object({
  name: z.string(),
  partitions: z.number(),
  replicationFactor: z.number(),
  dryRun: z.boolean(),
  /** the configuration the topic gets: requested overrides and the broker's defaults */
  configs: z.array(
    z.object({ name: z.string(), value: z.string().nullable(), source: z.enum(["override", "default"]) }),
  ),
  warnings: z.array(z.string()),
});
export type CreateTopicResult = z.infer<typeof CreateTopicResultSchema>;

/** Items to add to or remove from a list-valued topic config (cleanup.policy, *.replication.throttled.replicas). */
const configListItemsSchema = z
  .record(z.string(), z.string().min(1, "give the items, comma-separated").max(10_000))
  .superRefine((configs, ctx) => {
    for (const key of Object.keys(configs)) {
      if (!TOPIC_CONFIG_KEYS.has(key)) {
        ctx.addIssue({ code: "custom", path: [key], message: `unknown topic config "${key}"` });
      }
    }
  });

/** IncrementalAlterConfigs operations: set, reset (delete the override), append and subtract list items; one op per key. */
export const alterTopicConfigBodySchema = z
  .object({
    set: configValuesSchema.optional().default({}),
    reset: z.array(z.string().min(1)).max(500).optional().default([]),
    append: configListItemsSchema.optional().default({}),
    subtract: configListItemsSchema.optional().default({}),
  })
  .refine((b) => configOpsCount(b) > 0, CONFIG_OPS_EMPTY)
  .refine(configOpsDistinct, CONFIG_OPS_NOT_DISTINCT);
export type AlterTopicConfigBody = z.input<typeof alterTopicConfigBodySchema>;

export const ConfigDiffSchema = z.object({
  dryRun: z.boolean(),
  changes: z.array(z.object({ name: z.string(), before: z.string().nullable(), after: z.string().nullable() })),
  /** the complete override set after the change */
  overrides: z.record(z.string(), z.string()),
});
export type ConfigDiff = z.infer<typeof ConfigDiffSchema>;

export const addPartitionsBodySchema = z.object({
  count: z
    .number({ error: "count must be a number" })
    .int()
    .min(2, "the new partition count must be at least 2")
    .max(100_000),
});

export const purgeTopicBodySchema = z.union([
  z.object({ all: z.literal(true) }),
  z.object({
    partitions: z
      .array(
        z.object({
          partition: z.number().int().min(0),
          offset: z
            .union([z.string().regex(/^\d+$/, "offset must be a whole number"), z.number().int().min(0)])
            .transform(String),
        }),
      )
      .min(1, "choose at least one partition"),
  }),
]);
export type PurgeTopicBody = z.input<typeof purgeTopicBodySchema>;

export const PurgeResultSchema = z.object({
  partitions: z.array(z.object({ partition: z.number(), before: z.string(), after: z.string(), deleted: z.number() })),
});

/** DELETE of a topic or a consumer group: the name that is gone. */
export const DeletedSchema = z.object({ deleted: z.string() });
/** POST /topics/:name/partitions: the partition count now. */
export const AddPartitionsResultSchema = z.object({ partitions: z.number() });
