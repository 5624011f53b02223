import { defineRoute } from "@/server/http/define-route";
import { HealthSchema } from "@/lib/schemas/system";

export const dynamic = "force-dynamic";

/** Liveness: the process answers. */
export const GET = defineRoute({
  permission: "public",
  response: HealthSchema,
  async handler() {
    return Response.json({ status: "ok" });
  },
});
