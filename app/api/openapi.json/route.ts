import { defineRoute } from "@/server/http/define-route";
import { openApiDocument } from "@/server/http/openapi";
import { ROUTE_MODULES } from "@/app/api/route-index";

export const dynamic = "force-dynamic";

/** The API contract (OpenAPI 3.1), generated from the routes' zod schemas; public like the routes' shapes in the README. */
export const GET = defineRoute({
  permission: "public",
  async handler() {
    return Response.json(openApiDocument(ROUTE_MODULES));
  },
});
