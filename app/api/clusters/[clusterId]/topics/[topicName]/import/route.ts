import { IMPORT_MAX_BYTES, importBodySchema, ImportResultSchema } from "@/lib/schemas/import";
import { topicParamsSchema } from "@/lib/schemas/params";
import { dryRunQuerySchema } from "@/lib/schemas/replay";
import { defineRoute } from "@/server/http/define-route";
import { importRecords } from "@/server/services/replay/import-records";

export const dynamic = "force-dynamic";

/** Load a JSON Lines file (Sluice's export format) into this topic; every line validated first; `?dryRun=true` only validates. */
export const POST = defineRoute({
  permission: "messages:produce",
  response: ImportResultSchema,
  params: topicParamsSchema,
  query: dryRunQuerySchema,
  body: importBodySchema,
  bodyLimit: IMPORT_MAX_BYTES * 2,
  async handler({ params, query, body, actor, requestId }) {
    return Response.json(
      await importRecords(params.clusterId, params.topicName, body, query.dryRun, { actor, requestId }),
    );
  },
});
