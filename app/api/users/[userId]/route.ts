import { updateUserBodySchema, userParamsSchema, UserDtoSchema } from "@/lib/schemas/accounts";
import { defineRoute } from "@/server/http/define-route";
import { updateUser } from "@/server/services/accounts/manage-users";

export const dynamic = "force-dynamic";

export const PATCH = defineRoute({
  permission: "signed-in",
  response: UserDtoSchema,
  params: userParamsSchema,
  body: updateUserBodySchema,
  async handler({ params, body, actor, requestId }) {
    return Response.json(await updateUser(params.userId, body, { actor, requestId }));
  },
});
