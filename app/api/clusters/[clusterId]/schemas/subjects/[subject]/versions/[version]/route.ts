import {
  permanentQuerySchema,
  schemaVersionParamsSchema,
  SchemaVersionSchema,
  DeleteSchemaResultSchema,
} from "@/lib/schemas/schemas";
import { defineRoute } from "@/server/http/define-route";
import { deleteSchemaVersion } from "@/server/services/schemas/delete-schemas";
import { getSchemaVersion } from "@/server/services/schemas/get-schema-version";

export const dynamic = "force-dynamic";

export const GET = defineRoute({
  permission: "schemas:read",
  response: SchemaVersionSchema,
  params: schemaVersionParamsSchema,
  async handler({ params }) {
    return Response.json(await getSchemaVersion(params.clusterId, params.subject, params.version));
  },
});

/** Soft delete; ?permanent=true removes an already soft-deleted version for good. */
export const DELETE = defineRoute({
  permission: "schemas:write",
  response: DeleteSchemaResultSchema,
  params: schemaVersionParamsSchema,
  query: permanentQuerySchema,
  async handler({ params, query, actor, requestId }) {
    return Response.json(
      await deleteSchemaVersion(params.clusterId, params.subject, params.version, query.permanent, {
        actor: actor!,
        requestId,
      }),
    );
  },
});
