import { browseQuerySchema, produceBodySchema, BrowsePageSchema, ProduceResultSchema } from "@/lib/schemas/messages";
import { topicParamsSchema } from "@/lib/schemas/params";
import { defineRoute } from "@/server/http/define-route";
import { browseMessages } from "@/server/services/messages/browse-messages";
import { produceBodyLimit, produceMessage } from "@/server/services/messages/produce-message";

export const dynamic = "force-dynamic";

/** One page of records (stateless cursors for both directions). */
export const GET = defineRoute({
  permission: "messages:read",
  response: BrowsePageSchema,
  params: topicParamsSchema,
  query: browseQuerySchema,
  async handler({ params, query, actor, requestId }) {
    return Response.json(await browseMessages(params.clusterId, params.topicName, query, { actor, requestId }));
  },
});

/** Produce one record; answers where it landed. */
export const POST = defineRoute({
  permission: "messages:produce",
  response: { 201: ProduceResultSchema },
  params: topicParamsSchema,
  body: produceBodySchema,
  bodyLimit: (params) => produceBodyLimit(params.clusterId, params.topicName),
  async handler({ params, body, actor, requestId }) {
    return Response.json(await produceMessage(params.clusterId, params.topicName, body, { actor: actor!, requestId }), {
      status: 201,
    });
  },
});
