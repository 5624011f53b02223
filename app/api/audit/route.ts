import { auditQuerySchema, AuditPageSchema } from "@/lib/schemas/audit";
import { defineRoute } from "@/server/http/define-route";
import { listAudit } from "@/server/services/audit/list-audit";

export const dynamic = "force-dynamic";

/** The audit log, newest first, filtered (q, actor, action, clusterId, result, from, to) and paged by cursor. */
export const GET = defineRoute({
  permission: "signed-in",
  response: AuditPageSchema,
  query: auditQuerySchema,
  async handler({ query, actor }) {
    return Response.json(await listAudit(actor, query));
  },
});
