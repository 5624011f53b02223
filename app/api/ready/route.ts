import { defineRoute } from "@/server/http/define-route";
import { checkReadiness } from "@/server/services/system/check-readiness";
import { ReadySchema } from "@/lib/schemas/system";

export const dynamic = "force-dynamic";

/** Readiness: the database is reachable and migrated. */
export const GET = defineRoute({
  permission: "public",
  response: ReadySchema,
  async handler() {
    return Response.json(await checkReadiness());
  },
});
