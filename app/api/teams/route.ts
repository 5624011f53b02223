import { teamBodySchema, TeamListSchema, TeamDtoSchema } from "@/lib/schemas/accounts";
import { defineRoute } from "@/server/http/define-route";
import { createTeam, listTeams } from "@/server/services/accounts/manage-teams";

export const dynamic = "force-dynamic";

export const GET = defineRoute({
  permission: "signed-in",
  response: TeamListSchema,
  async handler({ actor }) {
    return Response.json({ teams: await listTeams(actor) });
  },
});

export const POST = defineRoute({
  permission: "signed-in",
  response: { 201: TeamDtoSchema },
  body: teamBodySchema,
  async handler({ body, actor, requestId }) {
    return Response.json(await createTeam(body, { actor, requestId }), { status: 201 });
  },
});
