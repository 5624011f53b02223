import { groupParamsSchema } from "@/lib/schemas/params";
import { defineRoute } from "@/server/http/define-route";
import { deleteGroup } from "@/server/services/groups/delete-group";
import { getGroup } from "@/server/services/groups/get-group";
import { GroupDetailSchema } from "@/lib/schemas/groups";
import { DeletedSchema } from "@/lib/schemas/topics";

export const dynamic = "force-dynamic";

export const GET = defineRoute({
  permission: "groups:read",
  response: GroupDetailSchema,
  params: groupParamsSchema,
  async handler({ params }) {
    return Response.json(await getGroup(params.clusterId, params.groupId));
  },
});

export const DELETE = defineRoute({
  permission: "groups:alter",
  response: DeletedSchema,
  params: groupParamsSchema,
  async handler({ params, actor, requestId }) {
    return Response.json(await deleteGroup(params.clusterId, params.groupId, { actor: actor!, requestId }));
  },
});
