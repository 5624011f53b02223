import { tokenParamsSchema, ApiTokenDtoSchema } from "@/lib/schemas/tokens";
import { defineRoute } from "@/server/http/define-route";
import { revokeToken } from "@/server/services/accounts/api-tokens";

export const dynamic = "force-dynamic";

export const DELETE = defineRoute({
  permission: "signed-in",
  response: ApiTokenDtoSchema,
  params: tokenParamsSchema,
  async handler({ params, actor, requestId }) {
    return Response.json(await revokeToken(params.tokenId, { actor, requestId }));
  },
});
