import { createUserBodySchema } from "@/lib/schemas/accounts";
import { defineRoute } from "@/server/http/define-route";
import { createUser, listUsers } from "@/server/services/accounts/manage-users";

export const dynamic = "force-dynamic";

export const GET = defineRoute({
  permission: "signed-in",
  async handler({ actor }) {
    return Response.json({ users: await listUsers(actor) });
  },
});

export const POST = defineRoute({
  permission: "signed-in",
  body: createUserBodySchema,
  async handler({ body, actor, requestId }) {
    return Response.json(await createUser(body, { actor, requestId }), { status: 201 });
  },
});
