import { z } from "zod";
import { topicNameSchema } from "./topics";

export const clusterParamsSchema = z.object({ clusterId: z.string().min(1) });
export const brokerParamsSchema = clusterParamsSchema.extend({
  brokerId: z.coerce.number({ error: "broker id must be a number" }).int().min(0, "broker id must be 0 or more"),
});
export const topicParamsSchema = clusterParamsSchema.extend({ topicName: topicNameSchema });
// '__proto__' as an object key replaces the prototype inside the Kafka client library (see topicNameSchema).
export const groupParamsSchema = clusterParamsSchema.extend({
  groupId: z
    .string()
    .min(1, "the group id is empty")
    .max(1000)
    .refine((g) => g !== "__proto__", "'__proto__' is not supported"),
});
export const messageParamsSchema = topicParamsSchema.extend({
  partition: z.coerce.number({ error: "partition must be a number" }).int().min(0, "partition must be 0 or more"),
  offset: z.string().regex(/^\d+$/, "offset must be a non-negative integer"),
});
