import { scramUserParamsSchema, ScramDeleteResponseSchema } from "@/lib/schemas/access";
import { defineRoute } from "@/server/http/define-route";
import { deleteScramUser } from "@/server/services/access/scram-users";

export const dynamic = "force-dynamic";

/** Deletes every SCRAM credential of the user. */
export const DELETE = defineRoute({
  permission: "access:manage",
  response: ScramDeleteResponseSchema,
  params: scramUserParamsSchema,
  async handler({ params, actor, requestId }) {
    return Response.json(await deleteScramUser(params.clusterId, params.userName, { actor: actor!, requestId }));
  },
});
