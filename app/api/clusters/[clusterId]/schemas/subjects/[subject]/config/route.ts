import { setCompatibilityBodySchema, subjectParamsSchema, CompatibilityConfigSchema } from "@/lib/schemas/schemas";
import { defineRoute } from "@/server/http/define-route";
import { getCompatibilityConfig } from "@/server/services/schemas/get-compatibility-config";
import { setCompatibilityLevel } from "@/server/services/schemas/set-compatibility-level";

export const dynamic = "force-dynamic";

export const GET = defineRoute({
  permission: "schemas:read",
  response: CompatibilityConfigSchema,
  params: subjectParamsSchema,
  async handler({ params }) {
    return Response.json(await getCompatibilityConfig(params.clusterId, params.subject));
  },
});

export const PUT = defineRoute({
  permission: "schemas:write",
  response: CompatibilityConfigSchema,
  params: subjectParamsSchema,
  body: setCompatibilityBodySchema,
  async handler({ params, body, actor, requestId }) {
    return Response.json(
      await setCompatibilityLevel(params.clusterId, params.subject, body.compatibility, { actor: actor!, requestId }),
    );
  },
});
