import { z } from "zod";
import { groupParamsSchema } from "@/lib/schemas/params";
import { topicNameSchema } from "@/lib/schemas/topics";
import { defineRoute } from "@/server/http/define-route";
import { deleteGroupOffsets } from "@/server/services/groups/delete-group-offsets";
import { DeletedGroupOffsetsSchema } from "@/lib/schemas/groups";

export const dynamic = "force-dynamic";

/** DELETE ?topic=…: remove the group's committed offsets for that topic only (Kafka's OffsetDelete). */
export const DELETE = defineRoute({
  permission: "groups:alter",
  response: DeletedGroupOffsetsSchema,
  params: groupParamsSchema,
  query: z.object({ topic: topicNameSchema }),
  async handler({ params, query, actor, requestId }) {
    return Response.json(
      await deleteGroupOffsets(params.clusterId, params.groupId, query.topic, { actor: actor!, requestId }),
    );
  },
});
