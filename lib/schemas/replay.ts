import { z } from "zod";
import { SEARCH_FIELDS } from "./messages";
import { topicNameSchema } from "./topics";

/** Header presets naming a dead-letter record's original topic, and the prefix of the error headers beside it. */
export const REDRIVE_PRESETS = {
  connect: { header: "__connect.errors.topic", errorPrefix: "__connect.errors." },
  spring: { header: "kafka_dlt-original-topic", errorPrefix: "kafka_dlt-" },
} as const;

/** Every matching record of the selection is copied; without an end the end offsets captured at start bound it. */
const selection = {
  partitions: z.array(z.number().int().min(0)).max(10_000).optional(),
  start: z.enum(["oldest", "offset", "timestamp"]).default("oldest"),
  offset: z.string().regex(/^\d+$/, "offset must be a non-negative integer").optional(),
  timestamp: z.number().int().min(0).optional(),
  /** Record timestamps (ms) to keep: from ≤ t ≤ to. */
  from: z.number().int().min(0).optional(),
  to: z.number().int().min(0).optional(),
  /** A substring (or RE2 regex) and/or a CEL expression, as the message search takes them. */
  q: z.string().max(1000).optional(),
  regex: z.boolean().default(false),
  in: z.array(z.enum(SEARCH_FIELDS)).min(1).optional(),
  cel: z.string().max(4000).optional(),
  /** Records per second written, at most (none: as fast as the destination takes them). */
  rateLimit: z.number().int().min(1).max(1_000_000).optional(),
  /** Stop after this many records written. */
  maxRecords: z.number().int().min(1).max(100_000_000).optional(),
};

const refineSelection = (
  b: { start: string; offset?: string; timestamp?: number; from?: number; to?: number },
  ctx: z.RefinementCtx,
) => {
  if (b.start === "offset" && b.offset === undefined) {
    ctx.addIssue({ code: "custom", path: ["offset"], message: "start=offset needs an offset" });
  }
  if (b.start === "timestamp" && b.timestamp === undefined) {
    ctx.addIssue({ code: "custom", path: ["timestamp"], message: "start=timestamp needs a timestamp" });
  }
  if (b.from !== undefined && b.to !== undefined && b.from > b.to) {
    ctx.addIssue({ code: "custom", path: ["to"], message: "'to' is before 'from'" });
  }
};

export const replayBodySchema = z
  .object({
    ...selection,
    destination: z.object({ clusterId: z.string().min(1).max(200), topic: topicNameSchema }),
    /** Keep each record's timestamp (else the destination stamps it) and partition (else keyed partitioning). */
    keepTimestamps: z.boolean().default(false),
    keepPartition: z.boolean().default(false),
  })
  .superRefine(refineSelection);
export type ReplayBody = z.output<typeof replayBodySchema>;
export type ReplayInput = z.input<typeof replayBodySchema>;

export const redriveBodySchema = z
  .object({
    ...selection,
    /** The header carrying the original topic: a preset or a name of its own. */
    preset: z.enum(["connect", "spring"]).optional(),
    header: z.string().min(1).max(249).optional(),
    /** Drop the error headers (the preset's prefix, or this one) from the records sent back. */
    removeErrorHeaders: z.boolean().default(false),
    errorHeaderPrefix: z.string().min(1).max(249).optional(),
    keepTimestamps: z.boolean().default(false),
  })
  .superRefine((b, ctx) => {
    refineSelection(b, ctx);
    if (!b.preset && !b.header) {
      ctx.addIssue({
        code: "custom",
        path: ["header"],
        message: "name the header that carries the original topic, or pick a preset",
      });
    }
  });
export type RedriveBody = z.output<typeof redriveBodySchema>;

export const dryRunQuerySchema = z.object({
  dryRun: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional()
    .default(false),
});

export const ReplaySampleSchema = z.object({
  partition: z.number(),
  offset: z.string(),
  timestamp: z.number(),
  key: z.string().nullable(),
  value: z.string().nullable(),
  headers: z.array(z.object({ key: z.string(), value: z.string().nullable() })),
  destination: z.string(),
});

export const DryRunResultSchema = z.object({
  /** Records matching the selection and filter (the whole range is scanned unless `capped`). */
  count: z.number(),
  scanned: z.number(),
  capped: z.boolean(),
  sample: z.array(ReplaySampleSchema),
  /** Records that would not be written, with the reason (too large for the destination, no original topic, …). */
  skipped: z.array(z.object({ partition: z.number(), offset: z.string(), reason: z.string() })),
  /** Per destination topic: how many records would go there. */
  destinations: z.array(z.object({ clusterId: z.string(), topic: z.string(), count: z.number() })),
});
export type DryRunResult = z.infer<typeof DryRunResultSchema>;

export const REPLAY_STATES = ["running", "cancelled", "failed", "done", "interrupted"] as const;

export const ReplayJobSchema = z.object({
  id: z.string(),
  kind: z.enum(["replay", "redrive"]),
  state: z.enum(REPLAY_STATES),
  source: z.object({ clusterId: z.string(), topic: z.string() }),
  destination: z.object({ clusterId: z.string(), topic: z.string().nullable() }),
  scanned: z.number(),
  written: z.number(),
  skipped: z.number(),
  skippedList: z.array(z.object({ partition: z.number(), offset: z.string(), reason: z.string() })),
  /** Per partition: next source offset to read, and the end the job stops at. */
  partitions: z.array(z.object({ partition: z.number(), start: z.string(), position: z.string(), end: z.string() })),
  error: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ReplayJob = z.infer<typeof ReplayJobSchema>;

/** Share of the source range already read (0–1), from the per-partition positions. */
export function replayProgress(job: Pick<ReplayJob, "partitions" | "state">): number {
  if (job.state === "done") return 1;
  let total = 0n;
  let read = 0n;
  for (const p of job.partitions) {
    const end = BigInt(p.end);
    const pos = BigInt(p.position);
    const from = BigInt(p.start);
    total += end > from ? end - from : 0n;
    read += pos > from ? (pos < end ? pos - from : end - from) : 0n;
  }
  return total === 0n ? 1 : Number((read * 1000n) / total) / 1000;
}

export const replayJobParamsSchema = z.object({ clusterId: z.string().min(1), jobId: z.string().min(1).max(64) });
