import { defineRoute } from "@/server/http/define-route";
import { listNotifications } from "@/server/services/notifications/inbox";

export const dynamic = "force-dynamic";

/** The signed-in user's notifications (their requests' changes, requests waiting for their decision) and firing alerts. */
export const GET = defineRoute({
  permission: "signed-in",
  async handler({ actor }) {
    return Response.json(await listNotifications(actor));
  },
});
