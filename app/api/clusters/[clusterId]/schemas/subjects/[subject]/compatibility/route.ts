import { checkSchemaBodySchema, subjectParamsSchema, CompatibilityCheckSchema } from "@/lib/schemas/schemas";
import { defineRoute } from "@/server/http/define-route";
import { checkSchemaCompatibility } from "@/server/services/schemas/check-schema-compatibility";

export const dynamic = "force-dynamic";

/** Dry run of a registration: the registry's verdict against the latest version. Changes nothing, so a read. */
export const POST = defineRoute({
  permission: "schemas:read",
  response: CompatibilityCheckSchema,
  params: subjectParamsSchema,
  body: checkSchemaBodySchema,
  // A schema may be 1 MB of text; JSON escapes can double it.
  bodyLimit: 3 * 1024 * 1024,
  async handler({ params, body }) {
    return Response.json(await checkSchemaCompatibility(params.clusterId, params.subject, body));
  },
});
