import { clusterParamsSchema } from "@/lib/schemas/params";
import { setCompatibilityBodySchema, CompatibilityConfigSchema } from "@/lib/schemas/schemas";
import { defineRoute } from "@/server/http/define-route";
import { getCompatibilityConfig } from "@/server/services/schemas/get-compatibility-config";
import { setCompatibilityLevel } from "@/server/services/schemas/set-compatibility-level";

export const dynamic = "force-dynamic";

/** The registry's global compatibility level. */
export const GET = defineRoute({
  permission: "schemas:read",
  response: CompatibilityConfigSchema,
  params: clusterParamsSchema,
  async handler({ params }) {
    return Response.json(await getCompatibilityConfig(params.clusterId, null));
  },
});

export const PUT = defineRoute({
  permission: "schemas:write",
  response: CompatibilityConfigSchema,
  params: clusterParamsSchema,
  body: setCompatibilityBodySchema,
  async handler({ params, body, actor, requestId }) {
    return Response.json(
      await setCompatibilityLevel(params.clusterId, null, body.compatibility, { actor: actor!, requestId }),
    );
  },
});
