import { auditQuerySchema } from "@/lib/schemas/audit";
import { defineRoute } from "@/server/http/define-route";
import { exportAudit } from "@/server/services/audit/list-audit";

export const dynamic = "force-dynamic";

/** The filtered audit log as a JSON Lines download. */
export const GET = defineRoute({
  permission: "signed-in",
  response: { mediaType: "application/x-ndjson" },
  query: auditQuerySchema,
  async handler({ query, actor }) {
    const stamp = new Date().toISOString().replace(/[:.]/g, "-");
    return new Response(exportAudit(actor, query), {
      headers: {
        "content-type": "application/x-ndjson; charset=utf-8",
        "content-disposition": `attachment; filename="sluice-audit-${stamp}.jsonl"`,
      },
    });
  },
});
