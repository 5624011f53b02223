import { z } from "zod";

/** Sizes on disk come from DescribeLogDirs; a cluster whose brokers lack it says why instead. */
const Unavailable = z.object({ available: z.literal(false), reason: z.string() });

export const LogDirSchema = z.object({
  path: z.string(),
  /** bytes of every replica in this directory */
  sizeBytes: z.number(),
  /** the volume's capacity and free space; null when the broker does not report them (Kafka < 3.3) */
  totalBytes: z.number().nullable(),
  usableBytes: z.number().nullable(),
});
export type LogDirInfo = z.infer<typeof LogDirSchema>;

/**
 * Bytes written per second, derived by Sluice from size growth between cached DescribeLogDirs snapshots (brokers
 * report bytes-in only over JMX). null until two snapshots a few seconds apart exist.
 */
const BytesIn = {
  bytesInPerSec: z.number().nullable(),
  bytesInWindowMs: z.number(),
  bytesInSource: z.literal("derived"),
};

export const ClusterSizesSchema = z.discriminatedUnion("available", [
  z.object({
    available: z.literal(true),
    measuredAt: z.string(),
    /** one copy of every topic (each partition's largest replica) */
    totalBytes: z.number(),
    /** every replica on every broker */
    diskBytes: z.number(),
    brokers: z.array(
      z.object({
        brokerId: z.number(),
        sizeBytes: z.number(),
        totalBytes: z.number().nullable(),
        usableBytes: z.number().nullable(),
        logDirs: z.array(LogDirSchema),
      }),
    ),
    ...BytesIn,
  }),
  Unavailable,
]);
export type ClusterSizes = z.infer<typeof ClusterSizesSchema>;

export const ReplicaSizeSchema = z.object({
  brokerId: z.number(),
  logDir: z.string(),
  sizeBytes: z.number(),
  offsetLag: z.number(),
  future: z.boolean(),
});

export const TopicSizesSchema = z.discriminatedUnion("available", [
  z.object({
    available: z.literal(true),
    measuredAt: z.string(),
    sizeBytes: z.number(),
    diskBytes: z.number(),
    partitions: z.array(
      z.object({ partition: z.number(), sizeBytes: z.number().nullable(), replicas: z.array(ReplicaSizeSchema) }),
    ),
    ...BytesIn,
  }),
  Unavailable,
]);
export type TopicSizes = z.infer<typeof TopicSizesSchema>;
