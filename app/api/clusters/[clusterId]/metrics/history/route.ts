import { z } from "zod";
import { clusterParamsSchema } from "@/lib/schemas/params";
import { topicNameSchema } from "@/lib/schemas/topics";
import { defineRoute } from "@/server/http/define-route";
import { getMetricsHistory } from "@/server/services/metrics/get-metrics-history";
import { MetricsHistorySchema } from "@/lib/schemas/metrics";

export const dynamic = "force-dynamic";

/** Stored throughput and lag samples: range=1h (raw), 24h (per minute), 30d (per hour); optional topic or group. */
export const GET = defineRoute({
  permission: "clusters:read",
  response: MetricsHistorySchema,
  params: clusterParamsSchema,
  query: z.object({
    range: z.enum(["1h", "24h", "30d"]).default("1h"),
    topic: topicNameSchema.optional(),
    group: z.string().min(1).max(1000).optional(),
  }),
  async handler({ params, query }) {
    return Response.json(
      await getMetricsHistory(params.clusterId, query.range, { topic: query.topic, group: query.group }),
    );
  },
});
