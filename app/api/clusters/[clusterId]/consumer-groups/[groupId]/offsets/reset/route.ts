import { resetOffsetsBodySchema, ResetPreviewSchema } from "@/lib/schemas/groups";
import { groupParamsSchema } from "@/lib/schemas/params";
import { dryRunQuerySchema } from "@/lib/schemas/topics";
import { defineRoute } from "@/server/http/define-route";
import { resetGroupOffsets } from "@/server/services/groups/reset-group-offsets";

export const dynamic = "force-dynamic";

/** Preview (?dryRun=true) or apply an offset reset; applying needs a group without active members. */
export const POST = defineRoute({
  permission: "groups:alter",
  response: ResetPreviewSchema,
  params: groupParamsSchema,
  query: dryRunQuerySchema,
  body: resetOffsetsBodySchema,
  async handler({ params, query, body, actor, requestId }) {
    return Response.json(
      await resetGroupOffsets(params.clusterId, params.groupId, body, {
        dryRun: query.dryRun,
        audit: { actor: actor!, requestId },
      }),
    );
  },
});
