import { defineRoute } from "@/server/http/define-route";

export const dynamic = "force-dynamic";

/** Liveness: the process answers. */
export const GET = defineRoute({
  permission: "public",
  async handler() {
    return Response.json({ status: "ok" });
  },
});
