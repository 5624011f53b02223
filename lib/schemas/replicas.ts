import { z } from "zod";
import { topicNameSchema } from "./topics";

/** Kafka broker ids and partition indexes are int32, never negative. */
const brokerId = z
  .number({ error: "a broker id must be a number" })
  .int("a broker id must be a whole number")
  .min(0, "a broker id must be 0 or more")
  .max(2_147_483_647);
const partitionIndex = z
  .number({ error: "a partition must be a number" })
  .int()
  .min(0, "a partition must be 0 or more")
  .max(2_147_483_647);

const noDuplicates = (ids: number[]) => new Set(ids).size === ids.length;

/**
 * A reassignment plan. "generate": Sluice computes a balanced placement for a replication factor over a set of
 * brokers (all of them when omitted), moving as few replicas as it can. "manual": the replica list of each
 * partition to change (the first replica is the preferred leader); partitions left out stay where they are.
 */
export const reassignmentPlanSchema = z.discriminatedUnion("mode", [
  z.object({
    mode: z.literal("generate"),
    replicationFactor: z
      .number({ error: "the replication factor must be a number" })
      .int()
      .min(1, "the replication factor must be at least 1")
      .max(32, "the replication factor must be at most 32"),
    brokers: z
      .array(brokerId)
      .min(1, "choose at least one broker")
      .max(1000)
      .refine(noDuplicates, "a broker is listed twice")
      .optional(),
  }),
  z.object({
    mode: z.literal("manual"),
    partitions: z
      .array(
        z.object({
          partition: partitionIndex,
          replicas: z
            .array(brokerId)
            .min(1, "a partition needs at least one replica")
            .max(32)
            .refine(noDuplicates, "a broker is listed twice for one partition"),
        }),
      )
      .min(1, "the plan names no partition")
      .max(10_000)
      .refine((ps) => noDuplicates(ps.map((p) => p.partition)), "a partition is listed twice"),
  }),
]);
export type ReassignmentPlanInput = z.infer<typeof reassignmentPlanSchema>;

export const reassignmentPreviewBodySchema = z.object({ plan: reassignmentPlanSchema });

/** Starting a reassignment: the plan, and optionally a replication throttle in bytes per second (≥ 1 KiB/s). */
export const reassignmentStartBodySchema = z.object({
  plan: reassignmentPlanSchema,
  throttleBytesPerSecond: z
    .number()
    .int()
    .min(1024, "the throttle must be at least 1024 bytes/s")
    .max(10 * 1024 ** 3, "the throttle must be at most 10 GiB/s")
    .optional(),
});

/** Preferred-leader election: one topic, or every partition of the cluster when no topic is given. */
export const electLeadersBodySchema = z.object({ topic: topicNameSchema.optional() });

const ids = z.array(z.number());
export const ReplicaMoveSchema = z.object({
  partition: z.number(),
  current: ids,
  target: ids,
  adding: ids,
  removing: ids,
  leaderChanges: z.boolean(),
});
export type ReplicaMove = z.infer<typeof ReplicaMoveSchema>;
export const PlacementBrokerDtoSchema = z.object({
  id: z.number(),
  host: z.string(),
  port: z.number(),
  rack: z.string().nullable(),
});
export type PlacementBrokerDto = z.infer<typeof PlacementBrokerDtoSchema>;
export const ReassignmentPreviewSchema = z.object({
  topic: z.string(),
  brokers: z.array(PlacementBrokerDtoSchema),
  replicationFactor: z.object({ from: z.number(), to: z.number() }),
  moves: z.array(ReplicaMoveSchema),
  unchanged: z.number(),
});
export type ReassignmentPreview = z.infer<typeof ReassignmentPreviewSchema>;
export const ReassignmentStartedSchema = ReassignmentPreviewSchema.extend({
  throttleBytesPerSecond: z.number().nullable(),
});
export type ReassignmentStarted = z.infer<typeof ReassignmentStartedSchema>;

export const PartitionProgressSchema = z.object({
  partition: z.number(),
  leader: z.number(),
  replicas: ids,
  isr: ids,
  offline: ids,
  adding: ids,
  removing: ids,
  inProgress: z.boolean(),
});
export type PartitionProgress = z.infer<typeof PartitionProgressSchema>;
/** One progress event of the reassignment stream (and the GET answer). */
export const ReassignmentStatusSchema = z.object({
  topic: z.string(),
  brokers: z.array(PlacementBrokerDtoSchema),
  partitions: z.array(PartitionProgressSchema),
  inProgress: z.number(),
  throttle: z.object({
    topic: z.record(z.string(), z.string()),
    brokers: z.record(z.string(), z.record(z.string(), z.string())),
  }),
});
export type ReassignmentStatus = z.infer<typeof ReassignmentStatusSchema>;
/** DELETE /reassignment: the partitions whose moves were cancelled, the brokers whose throttle stays on. */
export const ReassignmentCancelledSchema = z.object({ cancelled: ids, throttleLeftOn: ids });
export const ElectLeadersResultSchema = z.object({
  elected: z.number(),
  alreadyPreferred: z.number(),
  failed: z.array(z.object({ topic: z.string(), partition: z.number(), error: z.string(), message: z.string() })),
});
export type ElectLeadersResult = z.infer<typeof ElectLeadersResultSchema>;
