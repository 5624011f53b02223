import { z } from "zod";
import { ConfigEntrySchema } from "./clusters";

/** Kafka config names: dotted lower-case words (a broker also accepts listener-prefixed names like listener.name.x.ssl...). */
const configNameSchema = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[a-zA-Z0-9._-]+$/, "a config name has only letters, digits, '.', '_' and '-'")
  .refine((n) => n !== "__proto__" && n !== "constructor" && n !== "prototype", "not a config name");
const valuesSchema = z.record(configNameSchema, z.string().max(10_000, "the value is longer than 10,000 characters"));

/** The four IncrementalAlterConfigs operations of a change, as the body schemas give them after defaults. */
type ConfigOps = {
  set: Record<string, string>;
  reset: string[];
  append: Record<string, string>;
  subtract: Record<string, string>;
};
/** How many keys a change names, over its four operations. */
export const configOpsCount = (b: ConfigOps) =>
  Object.keys(b.set).length + b.reset.length + Object.keys(b.append).length + Object.keys(b.subtract).length;
export const CONFIG_OPS_EMPTY = "nothing to change: give keys to set, reset, append or subtract";
/** True when no key takes more than one operation. */
export const configOpsDistinct = (b: ConfigOps) =>
  new Set([...Object.keys(b.set), ...b.reset, ...Object.keys(b.append), ...Object.keys(b.subtract)]).size ===
  configOpsCount(b);
export const CONFIG_OPS_NOT_DISTINCT = "a key can take only one operation (set, reset, append or subtract) per change";

/**
 * A change to a broker's dynamic configuration (or the cluster-wide default), sent as IncrementalAlterConfigs:
 * set a value, reset (delete) an override, append or subtract list items. One operation per key.
 */
export const brokerConfigChangeBodySchema = z
  .object({
    set: valuesSchema.optional().default({}),
    reset: z.array(configNameSchema).max(200).optional().default([]),
    append: valuesSchema.optional().default({}),
    subtract: valuesSchema.optional().default({}),
  })
  .refine((b) => configOpsCount(b) > 0, CONFIG_OPS_EMPTY)
  .refine((b) => configOpsCount(b) <= 200, "at most 200 keys per change")
  .refine(configOpsDistinct, CONFIG_OPS_NOT_DISTINCT);
export type BrokerConfigChangeBody = z.input<typeof brokerConfigChangeBodySchema>;

/** The cluster-wide default broker configuration: keys set for every broker (DescribeConfigs of broker ""). */
export const BrokerDefaultConfigsSchema = z.object({
  configs: z.array(ConfigEntrySchema),
  unavailable: z.string().nullable(),
});
export type BrokerDefaultConfigs = z.infer<typeof BrokerDefaultConfigsSchema>;
