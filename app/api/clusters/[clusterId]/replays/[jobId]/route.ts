import { replayJobParamsSchema, ReplayJobSchema } from "@/lib/schemas/replay";
import { defineRoute } from "@/server/http/define-route";
import { getReplayJobRowOrThrow, toReplayJob } from "@/server/services/replay/replay-jobs";

export const dynamic = "force-dynamic";

/** One replay or redrive job: state, counts, per-partition positions (the creator's, or any for admins). */
export const GET = defineRoute({
  permission: "messages:read",
  response: ReplayJobSchema,
  params: replayJobParamsSchema,
  async handler({ params, actor }) {
    return Response.json(toReplayJob(await getReplayJobRowOrThrow(params.clusterId, params.jobId, actor)));
  },
});
