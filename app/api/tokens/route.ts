import { createTokenBodySchema, ApiTokenListSchema, CreatedTokenSchema } from "@/lib/schemas/tokens";
import { defineRoute } from "@/server/http/define-route";
import { createToken, listTokens } from "@/server/services/accounts/api-tokens";

export const dynamic = "force-dynamic";

export const GET = defineRoute({
  permission: "signed-in",
  response: ApiTokenListSchema,
  async handler({ actor }) {
    return Response.json({ tokens: await listTokens(actor) });
  },
});

/** Answers the secret once: `{id, token, info}`. */
export const POST = defineRoute({
  permission: "signed-in",
  response: { 201: CreatedTokenSchema },
  body: createTokenBodySchema,
  async handler({ body, actor, requestId }) {
    return Response.json(await createToken(body, { actor, requestId }), {
      status: 201,
      headers: { "cache-control": "no-store" },
    });
  },
});
