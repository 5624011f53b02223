import { defineRoute } from "@/server/http/define-route";
import { checkReadiness } from "@/server/services/system/check-readiness";

export const dynamic = "force-dynamic";

/** Readiness: the database is reachable and migrated. */
export const GET = defineRoute({
  permission: "public",
  async handler() {
    return Response.json(await checkReadiness());
  },
});
