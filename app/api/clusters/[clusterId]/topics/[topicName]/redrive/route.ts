import { dryRunQuerySchema, redriveBodySchema, DryRunResultSchema, ReplayJobSchema } from "@/lib/schemas/replay";
import { topicParamsSchema } from "@/lib/schemas/params";
import { defineRoute } from "@/server/http/define-route";
import { dryRunReplay } from "@/server/services/replay/dry-run-replay";
import { startReplayJob } from "@/server/services/replay/replay-jobs";
import { redriveTarget } from "@/server/services/replay/targets";

export const dynamic = "force-dynamic";

/**
 * Send records of this dead-letter topic back to the topics their header names (same cluster). Needs
 * messages:read here and messages:produce on each original topic (records for topics the actor may not write
 * are skipped with the reason). `?dryRun=true` writes nothing.
 */
export const POST = defineRoute({
  permission: "messages:read",
  response: { 200: DryRunResultSchema, 202: ReplayJobSchema },
  params: topicParamsSchema,
  query: dryRunQuerySchema,
  body: redriveBodySchema,
  async handler({ params, query, body, actor, requestId }) {
    const {
      rateLimit,
      maxRecords,
      preset: _a,
      header: _b,
      removeErrorHeaders: _c,
      errorHeaderPrefix: _d,
      keepTimestamps: _e,
      ...selection
    } = body;
    const access = { actor, requestId };
    const target = redriveTarget(params.clusterId, body);
    if (query.dryRun) {
      return Response.json(
        await dryRunReplay(params.clusterId, params.topicName, { ...selection, maxRecords }, target, access),
      );
    }
    return Response.json(
      await startReplayJob(params.clusterId, params.topicName, selection, { rateLimit, maxRecords }, target, access),
      { status: 202 },
    );
  },
});
