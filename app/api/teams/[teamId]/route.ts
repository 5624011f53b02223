import { teamBodySchema, teamParamsSchema, TeamDtoSchema } from "@/lib/schemas/accounts";
import { defineRoute } from "@/server/http/define-route";
import { deleteTeam, updateTeam } from "@/server/services/accounts/manage-teams";

export const dynamic = "force-dynamic";

export const PUT = defineRoute({
  permission: "signed-in",
  response: TeamDtoSchema,
  params: teamParamsSchema,
  body: teamBodySchema,
  async handler({ params, body, actor, requestId }) {
    return Response.json(await updateTeam(params.teamId, body, { actor, requestId }));
  },
});

export const DELETE = defineRoute({
  permission: "signed-in",
  response: { 204: null },
  params: teamParamsSchema,
  async handler({ params, actor, requestId }) {
    await deleteTeam(params.teamId, { actor, requestId });
    return new Response(null, { status: 204 });
  },
});
