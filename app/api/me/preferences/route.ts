import { preferencesBodySchema } from "@/lib/schemas/preferences";
import { defineRoute } from "@/server/http/define-route";
import { getPreferences, savePreferences } from "@/server/services/accounts/preferences";

export const dynamic = "force-dynamic";

/** The signed-in user's display settings (time zone). */
export const GET = defineRoute({
  permission: "signed-in",
  response: preferencesBodySchema,
  async handler({ actor }) {
    return Response.json(await getPreferences(actor.id));
  },
});

export const PUT = defineRoute({
  permission: "signed-in",
  response: preferencesBodySchema,
  body: preferencesBodySchema,
  async handler({ body, actor, requestId }) {
    return Response.json(await savePreferences(body, { actor, requestId }));
  },
});
