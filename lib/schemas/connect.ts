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
  .refine((s) => !/[\u0000-\u001f\u007f/\\%?#]/.test(s), "the connector name contains a control character, '/', '\\', '%', '?' or '#'")
  .refine((s) => s !== "__proto__", "'__proto__' is not supported")
  .refine((s) => s !== "." && s !== "..", "'.' and '..' are not connector names");

export const connectNameSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/, "not a Connect cluster name");

/** A connector config: string keys to string values, as Kafka Connect stores them. */
export const connectorConfigSchema = z
  .record(z.string().min(1).max(256).refine((k) => k !== "__proto__", "'__proto__' is not a config key"), z.string().max(64 * 1024, "a config value is longer than 64 KiB"))
  .refine((c) => Object.keys(c).length <= 500, "a connector config has at most 500 keys");

export const connectParamsSchema = clusterParamsSchema.extend({ connectId: connectNameSchema });
export const connectorParamsSchema = connectParamsSchema.extend({ name: connectorNameSchema });
export const connectorTaskParamsSchema = connectorParamsSchema.extend({
  taskId: z.coerce.number({ error: "task id must be a number" }).int().min(0, "task id must be 0 or more").max(100_000),
});
export const pluginParamsSchema = connectParamsSchema.extend({
  pluginClass: z.string().min(1).max(500).regex(/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/, "not a Java class name"),
});

export const createConnectorBodySchema = z.strictObject({
  name: connectorNameSchema,
  config: connectorConfigSchema.refine((c) => !!c["connector.class"], { message: "connector.class is required", path: ["connector.class"] }),
});
export const updateConnectorConfigBodySchema = z.strictObject({ config: connectorConfigSchema });
export const validateConfigBodySchema = z.strictObject({ config: connectorConfigSchema });

export const restartQuerySchema = z.strictObject({
  includeTasks: boolParam.optional().default(false),
  onlyFailed: boolParam.optional().default(false),
});

const offsetPart = z.record(z.string().max(1000), z.unknown()).refine((o) => JSON.stringify(o).length <= 16 * 1024, "too large");
/** Kafka Connect's PATCH /connectors/:name/offsets body: partitions with new offsets (null = remove it). */
export const alterOffsetsBodySchema = z.strictObject({
  offsets: z
    .array(z.strictObject({ partition: offsetPart, offset: offsetPart.nullable() }))
    .min(1, "give at least one partition")
    .max(1000, "at most 1000 partitions per change"),
});

export type ConnectorState = "RUNNING" | "PAUSED" | "STOPPED" | "FAILED" | "UNASSIGNED" | "RESTARTING" | "UNKNOWN";

export type ConnectClusterSummary = {
  name: string;
  host: string;
  up: boolean;
  version: string | null;
  commit: string | null;
  kafkaClusterId: string | null;
  connectors: number | null;
  running: number | null;
  failed: number | null;
  error: { code: string; message: string } | null;
};

export type TaskCounts = { total: number; running: number; failed: number; paused: number };

export type ConnectorRow = {
  name: string;
  type: string;
  className: string;
  state: ConnectorState;
  workerId: string | null;
  tasks: TaskCounts;
  topics: string[];
};

export type ConnectorTask = { id: number; state: ConnectorState; workerId: string | null; trace: string | null };

export type ConnectorDetail = {
  name: string;
  type: string;
  className: string;
  state: ConnectorState;
  workerId: string | null;
  trace: string | null;
  /** The config with secret values (PASSWORD-type keys) replaced by "[hidden]", as the worker hides them. */
  config: Record<string, string>;
  maskedKeys: string[];
  tasks: ConnectorTask[];
  topics: string[];
};

export type ConnectPlugin = { className: string; type: string; version: string | null };

export type ConfigField = {
  name: string;
  type: string;
  required: boolean;
  defaultValue: string | null;
  importance: string;
  documentation: string;
  group: string | null;
  orderInGroup: number;
  displayName: string;
  value: string | null;
  recommendedValues: string[];
  errors: string[];
  visible: boolean;
};

export type ConfigValidation = { className: string; errorCount: number; groups: string[]; fields: ConfigField[] };

export type ConnectorOffsets = { offsets: { partition: Record<string, unknown>; offset: Record<string, unknown> | null }[] };

/** SSE `connectors` event of the Connect stream: every connector's state, sent when anything changed. */
export type ConnectorStatesEvent = {
  connectors: { name: string; state: ConnectorState; workerId: string | null; tasks: { id: number; state: ConnectorState; workerId: string | null }[] }[];
};

/** The hidden-value marker Kafka Connect itself uses for PASSWORD-type config values. */
export const HIDDEN_VALUE = "[hidden]";
