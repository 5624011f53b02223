import { replayJobParamsSchema, ReplayJobSchema } from "@/lib/schemas/replay";
import { defineRoute } from "@/server/http/define-route";
import { resumeReplayJob } from "@/server/services/replay/replay-jobs";

export const dynamic = "force-dynamic";

/** Continue a cancelled, failed or interrupted job from its stored positions; rights checked again; audited. */
export const POST = defineRoute({
  permission: "messages:read",
  response: { 202: ReplayJobSchema },
  params: replayJobParamsSchema,
  async handler({ params, actor, requestId }) {
    return Response.json(await resumeReplayJob(params.clusterId, params.jobId, { actor, requestId }), { status: 202 });
  },
});
