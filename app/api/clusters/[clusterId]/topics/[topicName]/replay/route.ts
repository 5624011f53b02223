import { dryRunQuerySchema, replayBodySchema, DryRunResultSchema, ReplayJobSchema } from "@/lib/schemas/replay";
import { topicParamsSchema } from "@/lib/schemas/params";
import { defineRoute } from "@/server/http/define-route";
import { dryRunReplay } from "@/server/services/replay/dry-run-replay";
import { startReplayJob } from "@/server/services/replay/replay-jobs";
import { replayTarget } from "@/server/services/replay/targets";

export const dynamic = "force-dynamic";

/**
 * Copy a selection of this topic to another topic (same or another cluster). Needs messages:read here and
 * messages:produce on the destination (checked by the service, with team prefixes). `?dryRun=true` answers the
 * count and a sample and writes nothing; otherwise a job starts (202).
 */
export const POST = defineRoute({
  permission: "messages:read",
  response: { 200: DryRunResultSchema, 202: ReplayJobSchema },
  params: topicParamsSchema,
  query: dryRunQuerySchema,
  body: replayBodySchema,
  async handler({ params, query, body, actor, requestId }) {
    const { rateLimit, maxRecords, destination: _d, keepTimestamps: _t, keepPartition: _p, ...selection } = body;
    const access = { actor, requestId };
    if (query.dryRun) {
      return Response.json(
        await dryRunReplay(
          params.clusterId,
          params.topicName,
          { ...selection, maxRecords },
          replayTarget(body),
          access,
        ),
      );
    }
    return Response.json(
      await startReplayJob(
        params.clusterId,
        params.topicName,
        selection,
        { rateLimit, maxRecords },
        replayTarget(body),
        access,
      ),
      { status: 202 },
    );
  },
});
