import { registerSchemaBodySchema, subjectParamsSchema, RegisterResultSchema } from "@/lib/schemas/schemas";
import { defineRoute } from "@/server/http/define-route";
import { registerSchema } from "@/server/services/schemas/register-schema";

export const dynamic = "force-dynamic";

/** Register a version: the registry's compatibility check runs first; 409 with its messages when incompatible. */
export const POST = defineRoute({
  permission: "schemas:write",
  response: { 201: RegisterResultSchema },
  params: subjectParamsSchema,
  body: registerSchemaBodySchema,
  // A schema may be 1 MB of text; JSON escapes can double it.
  bodyLimit: 3 * 1024 * 1024,
  async handler({ params, body, actor, requestId }) {
    return Response.json(await registerSchema(params.clusterId, params.subject, body, { actor: actor!, requestId }), {
      status: 201,
    });
  },
});
