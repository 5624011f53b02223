import { setupBodySchema, SessionUserSchema } from "@/lib/schemas/accounts";
import { defineRoute } from "@/server/http/define-route";
import { createFirstAdmin } from "@/server/services/accounts/create-first-admin";

export const dynamic = "force-dynamic";

/** First run only: creates the first admin while no user exists (409 afterwards). */
export const POST = defineRoute({
  permission: "public",
  response: { 201: SessionUserSchema },
  body: setupBodySchema,
  async handler({ body, requestId }) {
    const user = await createFirstAdmin(body, requestId);
    return Response.json({ user }, { status: 201 });
  },
});
