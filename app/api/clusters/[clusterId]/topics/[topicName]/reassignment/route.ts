import { topicParamsSchema } from "@/lib/schemas/params";
import {
  reassignmentStartBodySchema,
  ReassignmentStatusSchema,
  ReassignmentStartedSchema,
  ReassignmentCancelledSchema,
} from "@/lib/schemas/replicas";
import { defineRoute } from "@/server/http/define-route";
import { cancelReassignment } from "@/server/services/replicas/cancel-reassignment";
import { getReassignmentStatus } from "@/server/services/replicas/reassignment-status";
import { startReassignment } from "@/server/services/replicas/start-reassignment";

export const dynamic = "force-dynamic";

/** Where the topic's replicas are, which partitions are moving, and the throttle still set. */
export const GET = defineRoute({
  permission: "topics:read",
  response: ReassignmentStatusSchema,
  params: topicParamsSchema,
  async handler({ params }) {
    return Response.json(await getReassignmentStatus(params.clusterId, params.topicName));
  },
});

/** Starts a reassignment (generated or hand-edited plan), optionally throttled. */
export const POST = defineRoute({
  permission: "replicas:manage",
  response: { 202: ReassignmentStartedSchema },
  params: topicParamsSchema,
  body: reassignmentStartBodySchema,
  async handler({ params, body, actor, requestId }) {
    return Response.json(await startReassignment(params.clusterId, params.topicName, body, { actor, requestId }), {
      status: 202,
    });
  },
});

/** Cancels the topic's reassignments in progress and removes the throttle. */
export const DELETE = defineRoute({
  permission: "replicas:manage",
  response: ReassignmentCancelledSchema,
  params: topicParamsSchema,
  async handler({ params, actor, requestId }) {
    return Response.json(await cancelReassignment(params.clusterId, params.topicName, { actor, requestId }));
  },
});
