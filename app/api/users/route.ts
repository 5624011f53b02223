import { createUserBodySchema, UserListSchema, UserDtoSchema } from "@/lib/schemas/accounts";
import { defineRoute } from "@/server/http/define-route";
import { createUser, listUsers } from "@/server/services/accounts/manage-users";

export const dynamic = "force-dynamic";

export const GET = defineRoute({
  permission: "signed-in",
  response: UserListSchema,
  async handler({ actor }) {
    return Response.json({ users: await listUsers(actor) });
  },
});

export const POST = defineRoute({
  permission: "signed-in",
  response: { 201: UserDtoSchema },
  body: createUserBodySchema,
  async handler({ body, actor, requestId }) {
    return Response.json(await createUser(body, { actor, requestId }), { status: 201 });
  },
});
