import { defineRoute } from "@/server/http/define-route";
import { listNotifications } from "@/server/services/notifications/inbox";
import { NotificationsDtoSchema } from "@/lib/schemas/notifications";

export const dynamic = "force-dynamic";

/** The signed-in user's notifications (their requests' changes, requests waiting for their decision) and firing alerts. */
export const GET = defineRoute({
  permission: "signed-in",
  response: NotificationsDtoSchema,
  async handler({ actor }) {
    return Response.json(await listNotifications(actor));
  },
});
