import { clusterParamsSchema } from "@/lib/schemas/params";
import { listSubjectsQuerySchema, SubjectListSchema } from "@/lib/schemas/schemas";
import { defineRoute } from "@/server/http/define-route";
import { listSubjects } from "@/server/services/schemas/list-subjects";

export const dynamic = "force-dynamic";

export const GET = defineRoute({
  permission: "schemas:read",
  response: SubjectListSchema,
  params: clusterParamsSchema,
  query: listSubjectsQuerySchema,
  async handler({ params, query }) {
    return Response.json(await listSubjects(params.clusterId, query));
  },
});
