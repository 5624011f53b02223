import { clusterParamsSchema } from "@/lib/schemas/params";
import {
  createTopicBodySchema,
  dryRunQuerySchema,
  listTopicsQuerySchema,
  TopicListSchema,
  CreateTopicResultSchema,
} from "@/lib/schemas/topics";
import { defineRoute } from "@/server/http/define-route";
import { createTopic } from "@/server/services/topics/create-topic";
import { listTopics } from "@/server/services/topics/list-topics";

export const dynamic = "force-dynamic";

export const GET = defineRoute({
  permission: "topics:read",
  response: TopicListSchema,
  params: clusterParamsSchema,
  query: listTopicsQuerySchema,
  async handler({ params, query }) {
    return Response.json(await listTopics(params.clusterId, query));
  },
});

export const POST = defineRoute({
  permission: "topics:create",
  response: { 200: CreateTopicResultSchema, 201: CreateTopicResultSchema },
  scope: ({ body }) => body.name,
  params: clusterParamsSchema,
  query: dryRunQuerySchema,
  body: createTopicBodySchema,
  async handler({ params, query, body, actor, requestId }) {
    const result = await createTopic(params.clusterId, body, {
      dryRun: query.dryRun,
      audit: { actor: actor!, requestId },
    });
    return Response.json(result, { status: query.dryRun ? 200 : 201 });
  },
});
