import { topicParamsSchema } from "@/lib/schemas/params";
import { reassignmentPreviewBodySchema, ReassignmentPreviewSchema } from "@/lib/schemas/replicas";
import { defineRoute } from "@/server/http/define-route";
import { previewReassignment } from "@/server/services/replicas/preview-reassignment";

export const dynamic = "force-dynamic";

/** What a plan would move, checked by the broker; nothing changes (not audited, like other dry runs). */
export const POST = defineRoute({
  permission: "replicas:manage",
  response: ReassignmentPreviewSchema,
  params: topicParamsSchema,
  body: reassignmentPreviewBodySchema,
  async handler({ params, body }) {
    return Response.json(await previewReassignment(params.clusterId, params.topicName, body.plan));
  },
});
