import { streamQuerySchema } from "@/lib/schemas/messages";
import { topicParamsSchema } from "@/lib/schemas/params";
import { defineRoute } from "@/server/http/define-route";
import { exportMessages } from "@/server/services/messages/export-messages";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The search result as a JSON Lines download (full records, streamed, any size). Audited. */
export const GET = defineRoute({
  permission: "messages:read",
  response: { mediaType: "application/x-ndjson" },
  params: topicParamsSchema,
  query: streamQuerySchema,
  async handler({ params, query, request, actor, requestId }) {
    return exportMessages(request, params.clusterId, params.topicName, query, { actor: actor!, requestId });
  },
});
