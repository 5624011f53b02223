import { z } from "zod";
import { clusterParamsSchema } from "./params";

const boolParam = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

/**
 * A connector name. Kafka Connect refuses control characters; Sluice also refuses '/', '\', '%', '?' and '#'
 * (they would be ambiguous in the worker's REST paths), '.', '..' and '__proto__'.
 */
export const connectorNameSchema = z
  .string()
  .min(1, "the connector name is empty")
  .max(249, "the connector name is longer than 249 characters")
  .refine((s) => s.trim() === s, "the connector name starts or ends with whitespace")
  .refine(
    (s) => !/[\u0000-\u001f\u007f/\\%?#]/.test(s),
    "the connector name contains a control character, '/', '\\', '%', '?' or '#'",
  )
  .refine((s) => s !== "__proto__", "'__proto__' is not supported")
  .refine((s) => s !== "." && s !== "..", "'.' and '..' are not connector names");

export const connectNameSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/, "not a Connect cluster name");

/** A connector config: string keys to string values, as Kafka Connect stores them. */
export const connectorConfigSchema = z
  .record(
    z
      .string()
      .min(1)
      .max(256)
      .refine((k) => k !== "__proto__", "'__proto__' is not a config key"),
    z.string().max(64 * 1024, "a config value is longer than 64 KiB"),
  )
  .refine((c) => Object.keys(c).length <= 500, "a connector config has at most 500 keys");

export const connectParamsSchema = clusterParamsSchema.extend({ connectId: connectNameSchema });
export const connectorParamsSchema = connectParamsSchema.extend({ name: connectorNameSchema });
export const connectorTaskParamsSchema = connectorParamsSchema.extend({
  taskId: z.coerce.number({ error: "task id must be a number" }).int().min(0, "task id must be 0 or more").max(100_000),
});
export const pluginParamsSchema = connectParamsSchema.extend({
  pluginClass: z
    .string()
    .min(1)
    .max(500)
    .regex(/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/, "not a Java class name"),
});

export const createConnectorBodySchema = z.strictObject({
  name: connectorNameSchema,
  config: connectorConfigSchema.refine((c) => !!c["connector.class"], {
    message: "connector.class is required",
    path: ["connector.class"],
  }),
});
export const updateConnectorConfigBodySchema = z.strictObject({ config: connectorConfigSchema });
export const validateConfigBodySchema = z.strictObject({ config: connectorConfigSchema });

export const restartQuerySchema = z.strictObject({
  includeTasks: boolParam.optional().default(false),
  onlyFailed: boolParam.optional().default(false),
});

const offsetPart = z
  .record(z.string().max(1000), z.unknown())
  .refine((o) => JSON.stringify(o).length <= 16 * 1024, "too large");
/** Kafka Connect's PATCH /connectors/:name/offsets body: partitions with new offsets (null = remove it). */
export const alterOffsetsBodySchema = z.strictObject({
  offsets: z
    .array(z.strictObject({ partition: offsetPart, offset: offsetPart.nullable() }))
    .min(1, "give at least one partition")
    .max(1000, "at most 1000 partitions per change"),
});

export const CONNECTOR_STATES = [
  "RUNNING",
  "PAUSED",
  "STOPPED",
  "FAILED",
  "UNASSIGNED",
  "RESTARTING",
  "UNKNOWN",
] as const;
export type ConnectorState = (typeof CONNECTOR_STATES)[number];
const connectorState = z.enum(CONNECTOR_STATES);

export const ConnectClusterSummarySchema = z.object({
  name: z.string(),
  host: z.string(),
  up: z.boolean(),
  version: z.string().nullable(),
  commit: z.string().nullable(),
  kafkaClusterId: z.string().nullable(),
  connectors: z.number().nullable(),
  running: z.number().nullable(),
  failed: z.number().nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type ConnectClusterSummary = z.infer<typeof ConnectClusterSummarySchema>;
export const ConnectClusterListSchema = z.object({ connect: z.array(ConnectClusterSummarySchema) });

export const TaskCountsSchema = z.object({
  total: z.number(),
  running: z.number(),
  failed: z.number(),
  paused: z.number(),
});
export type TaskCounts = z.infer<typeof TaskCountsSchema>;

export const ConnectorRowSchema = z.object({
  name: z.string(),
  type: z.string(),
  className: z.string(),
  state: connectorState,
  workerId: z.string().nullable(),
  tasks: TaskCountsSchema,
  topics: z.array(z.string()),
});
export type ConnectorRow = z.infer<typeof ConnectorRowSchema>;
export const ConnectorListSchema = z.object({ connectors: z.array(ConnectorRowSchema) });

export const ConnectorTaskSchema = z.object({
  id: z.number(),
  state: connectorState,
  workerId: z.string().nullable(),
  trace: z.string().nullable(),
});
export type ConnectorTask = z.infer<typeof ConnectorTaskSchema>;

export const ConnectorDetailSchema = z.object({
  name: z.string(),
  type: z.string(),
  className: z.string(),
  state: connectorState,
  workerId: z.string().nullable(),
  trace: z.string().nullable(),
  /** The config with secret values (PASSWORD-type keys) replaced by "[hidden]", as the worker hides them. */
  config: z.record(z.string(), z.string()),
  maskedKeys: z.array(z.string()),
  tasks: z.array(ConnectorTaskSchema),
  topics: z.array(z.string()),
});
export type ConnectorDetail = z.infer<typeof ConnectorDetailSchema>;

export const ConnectPluginSchema = z.object({
  className: z.string(),
  type: z.string(),
  version: z.string().nullable(),
});
export type ConnectPlugin = z.infer<typeof ConnectPluginSchema>;
export const ConnectPluginListSchema = z.object({ plugins: z.array(ConnectPluginSchema) });

export const ConfigFieldSchema = z.object({
  name: z.string(),
  type: z.string(),
  required: z.boolean(),
  defaultValue: z.string().nullable(),
  importance: z.string(),
  documentation: z.string(),
  group: z.string().nullable(),
  orderInGroup: z.number(),
  displayName: z.string(),
  value: z.string().nullable(),
  recommendedValues: z.array(z.string()),
  errors: z.array(z.string()),
  visible: z.boolean(),
});
export type ConfigField = z.infer<typeof ConfigFieldSchema>;

export const ConfigValidationSchema = z.object({
  className: z.string(),
  errorCount: z.number(),
  groups: z.array(z.string()),
  fields: z.array(ConfigFieldSchema),
});
export type ConfigValidation = z.infer<typeof ConfigValidationSchema>;

export const ConnectorOffsetsSchema = z.object({
  offsets: z.array(
    z.object({ partition: z.record(z.string(), z.unknown()), offset: z.record(z.string(), z.unknown()).nullable() }),
  ),
});
export type ConnectorOffsets = z.infer<typeof ConnectorOffsetsSchema>;
/** Answers of the connector actions (202: the worker accepted them) and of offset changes. */
export const ConnectorActionResultSchema = z.object({ name: z.string(), action: z.string() });
export const ConnectorRestartResultSchema = z.object({
  name: z.string(),
  restarted: z.literal(true),
  task: z.number().optional(),
});
export const ConnectMessageSchema = z.object({ message: z.string() });

/** SSE `connectors` event of the Connect stream: every connector's state, sent when anything changed. */
export type ConnectorStatesEvent = {
  connectors: {
    name: string;
    state: ConnectorState;
    workerId: string | null;
    tasks: { id: number; state: ConnectorState; workerId: string | null }[];
  }[];
};

/** The hidden-value marker Kafka Connect itself uses for PASSWORD-type config values. */
export const HIDDEN_VALUE = "[hidden]";
