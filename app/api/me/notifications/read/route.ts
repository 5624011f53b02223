import { markReadBodySchema, MarkReadResultSchema } from "@/lib/schemas/notifications";
import { defineRoute } from "@/server/http/define-route";
import { markRead } from "@/server/services/notifications/inbox";

export const dynamic = "force-dynamic";

/** Marks the signed-in user's notifications read: `{ids}` or `{all: true}`. */
export const POST = defineRoute({
  permission: "signed-in",
  response: MarkReadResultSchema,
  body: markReadBodySchema,
  async handler({ body, actor, requestId }) {
    return Response.json(await markRead(body, { actor, requestId }));
  },
});
