import {
  deletedQuerySchema,
  permanentQuerySchema,
  subjectParamsSchema,
  SubjectDetailSchema,
  DeleteSchemaResultSchema,
} from "@/lib/schemas/schemas";
import { defineRoute } from "@/server/http/define-route";
import { deleteSubject } from "@/server/services/schemas/delete-schemas";
import { getSubject } from "@/server/services/schemas/get-subject";

export const dynamic = "force-dynamic";

export const GET = defineRoute({
  permission: "schemas:read",
  response: SubjectDetailSchema,
  params: subjectParamsSchema,
  query: deletedQuerySchema,
  async handler({ params, query }) {
    return Response.json(await getSubject(params.clusterId, params.subject, query));
  },
});

/** Soft delete; ?permanent=true removes an already soft-deleted subject for good. */
export const DELETE = defineRoute({
  permission: "schemas:write",
  response: DeleteSchemaResultSchema,
  params: subjectParamsSchema,
  query: permanentQuerySchema,
  async handler({ params, query, actor, requestId }) {
    return Response.json(
      await deleteSubject(params.clusterId, params.subject, query.permanent, { actor: actor!, requestId }),
    );
  },
});
