import { setCompatibilityBodySchema, subjectParamsSchema } from "@/lib/schemas/schemas";
import { defineRoute } from "@/server/http/define-route";
import { getCompatibilityConfig } from "@/server/services/schemas/get-compatibility-config";
import { setCompatibilityLevel } from "@/server/services/schemas/set-compatibility-level";

export const dynamic = "force-dynamic";

export const GET = defineRoute({
  permission: "schemas:read",
  params: subjectParamsSchema,
  async handler({ params }) {
    return Response.json(await getCompatibilityConfig(params.clusterId, params.subject));
  },
});

export const PUT = defineRoute({
  permission: "schemas:write",
  params: subjectParamsSchema,
  body: setCompatibilityBodySchema,
  async handler({ params, body, actor, requestId }) {
    return Response.json(await setCompatibilityLevel(params.clusterId, params.subject, body.compatibility, { actor: actor!, requestId }));
  },
});
