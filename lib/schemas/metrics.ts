import { z } from "zod";

/** One sampler tick as a client sees it (scoped to the cluster, a topic or a group). */
export const MetricsPointSchema = z.object({
  t: z.number(),
  /** false: the tick failed (cluster unreachable): charts draw a gap, not a zero. */
  ok: z.boolean(),
  produceRate: z.number().nullable(),
  consumeRate: z.number().nullable(),
  /** Cluster scope: the busiest topics; topic scope: that topic only. */
  topics: z.array(z.object({ topic: z.string(), rate: z.number().nullable(), end: z.number() })),
  /** Stored samples older than the live hour come at 1-minute or 1-hour resolution. */
  resolution: z.enum(["raw", "1m", "1h"]).optional(),
  /** Cluster scope: the groups with most lag; group scope: that group only. */
  groups: z.array(
    z.object({
      groupId: z.string(),
      lag: z.number(),
      rate: z.number().nullable(),
      lagSeconds: z.number().nullable().optional(),
    }),
  ),
  error: z.string().optional(),
});
export type MetricsPoint = z.infer<typeof MetricsPointSchema>;

export const MetricsEvents = {
  /** Sent once on connect: the samples the server still holds (up to an hour). */
  history: z.object({ intervalMs: z.number(), points: z.array(MetricsPointSchema) }),
  /** One tick's rates (its `groups` is empty: group lag comes in the `lag` event of the same tick). */
  metrics: MetricsPointSchema,
  lag: z.object({ t: z.number(), groups: MetricsPointSchema.shape.groups }),
  /** The tick failed: the reason (the chart shows a gap). */
  error: z.object({ t: z.number(), message: z.string().optional() }),
  heartbeat: z.object({ t: z.number() }),
  /** The set of topics changed (created or deleted anywhere): lists refresh. */
  "topics-changed": z.object({ added: z.array(z.string()), removed: z.array(z.string()) }),
};

/** GET /api/clusters/:id/metrics/history: the stored points of a range at one resolution. */
export const MetricsHistorySchema = z.object({ resolution: z.string(), points: z.array(MetricsPointSchema) });
