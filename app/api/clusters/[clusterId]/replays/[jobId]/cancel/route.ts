import { replayJobParamsSchema, ReplayJobSchema } from "@/lib/schemas/replay";
import { defineRoute } from "@/server/http/define-route";
import { cancelReplayJob } from "@/server/services/replay/replay-jobs";

export const dynamic = "force-dynamic";

/** Stop a job at its last written position (the creator, or the cluster's admins); audited. */
export const POST = defineRoute({
  permission: "messages:read",
  response: ReplayJobSchema,
  params: replayJobParamsSchema,
  async handler({ params, actor, requestId }) {
    return Response.json(await cancelReplayJob(params.clusterId, params.jobId, { actor, requestId }));
  },
});
