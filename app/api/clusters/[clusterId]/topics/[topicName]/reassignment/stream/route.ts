import { topicParamsSchema } from "@/lib/schemas/params";
import { defineRoute } from "@/server/http/define-route";
import { streamReassignment } from "@/server/services/replicas/reassignment-status";

export const dynamic = "force-dynamic";

/** SSE: "progress" while the topic's partitions move, then "complete" (throttle removed). */
export const GET = defineRoute({
  permission: "topics:read",
  response: { mediaType: "text/event-stream" },
  params: topicParamsSchema,
  async handler({ params, actor, request, requestId }) {
    return streamReassignment(request, params.clusterId, params.topicName, { actor, requestId });
  },
});
