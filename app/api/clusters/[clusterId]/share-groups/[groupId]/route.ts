import { groupParamsSchema } from "@/lib/schemas/params";
import { defineRoute } from "@/server/http/define-route";
import { getShareGroup } from "@/server/services/groups/get-share-group";
import { ShareGroupAnswerSchema } from "@/lib/schemas/groups";

export const dynamic = "force-dynamic";

/** A share group (KIP-932); `supported: false` with a reason on clusters without share groups. */
export const GET = defineRoute({
  permission: "groups:read",
  response: ShareGroupAnswerSchema,
  params: groupParamsSchema,
  async handler({ params }) {
    return Response.json(await getShareGroup(params.clusterId, params.groupId));
  },
});
