import { z } from "zod";
import { topicNameSchema } from "./topics";

/** Kafka broker ids and partition indexes are int32, never negative. */
const brokerId = z.number({ error: "a broker id must be a number" }).int("a broker id must be a whole number").min(0, "a broker id must be 0 or more").max(2_147_483_647);
const partitionIndex = z.number({ error: "a partition must be a number" }).int().min(0, "a partition must be 0 or more").max(2_147_483_647);

const noDuplicates = (ids: number[]) => new Set(ids).size === ids.length;

/**
 * A reassignment plan. "generate": Sluice computes a balanced placement for a replication factor over a set of
 * brokers (all of them when omitted), moving as few replicas as it can. "manual": the replica list of each
 * partition to change (the first replica is the preferred leader); partitions left out stay where they are.
 */
export const reassignmentPlanSchema = z.discriminatedUnion("mode", [
  z.object({
    mode: z.literal("generate"),
    replicationFactor: z.number({ error: "the replication factor must be a number" }).int().min(1, "the replication factor must be at least 1").max(32, "the replication factor must be at most 32"),
    brokers: z.array(brokerId).min(1, "choose at least one broker").max(1000).refine(noDuplicates, "a broker is listed twice").optional(),
  }),
  z.object({
    mode: z.literal("manual"),
    partitions: z
      .array(z.object({ partition: partitionIndex, replicas: z.array(brokerId).min(1, "a partition needs at least one replica").max(32).refine(noDuplicates, "a broker is listed twice for one partition") }))
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
  throttleBytesPerSecond: z.number().int().min(1024, "the throttle must be at least 1024 bytes/s").max(10 * 1024 ** 3, "the throttle must be at most 10 GiB/s").optional(),
});

/** Preferred-leader election: one topic, or every partition of the cluster when no topic is given. */
export const electLeadersBodySchema = z.object({ topic: topicNameSchema.optional() });

export type ReplicaMove = { partition: number; current: number[]; target: number[]; adding: number[]; removing: number[]; leaderChanges: boolean };
export type PlacementBrokerDto = { id: number; host: string; port: number; rack: string | null };
export type ReassignmentPreview = {
  topic: string;
  brokers: PlacementBrokerDto[];
  replicationFactor: { from: number; to: number };
  moves: ReplicaMove[];
  unchanged: number;
};
export type ReassignmentStarted = ReassignmentPreview & { throttleBytesPerSecond: number | null };

export type PartitionProgress = { partition: number; leader: number; replicas: number[]; isr: number[]; offline: number[]; adding: number[]; removing: number[]; inProgress: boolean };
/** One progress event of the reassignment stream (and the GET answer). */
export type ReassignmentStatus = {
  topic: string;
  brokers: PlacementBrokerDto[];
  partitions: PartitionProgress[];
  inProgress: number;
  throttle: { topic: Record<string, string>; brokers: Record<string, Record<string, string>> };
};
export type ElectLeadersResult = { elected: number; alreadyPreferred: number; failed: { topic: string; partition: number; error: string; message: string }[] };
