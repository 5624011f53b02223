import { dryRunQuerySchema } from "@/lib/schemas/topics";
import {
  listRequestsQuerySchema,
  submitRequestBodySchema,
  TopicRequestListSchema,
  RequestPreviewSchema,
  TopicRequestDtoSchema,
} from "@/lib/schemas/requests";
import { clusterParamsSchema } from "@/lib/schemas/params";
import { defineRoute } from "@/server/http/define-route";
import { listRequests } from "@/server/services/requests/list-requests";
import { previewRequest, submitRequest } from "@/server/services/requests/submit-request";

export const dynamic = "force-dynamic";

/** The cluster's topic requests the caller may see (?scope=all|mine|queue, ?status=, ?topic=). */
export const GET = defineRoute({
  permission: "requests:read",
  response: TopicRequestListSchema,
  params: clusterParamsSchema,
  query: listRequestsQuerySchema,
  async handler({ params, query, actor, requestId }) {
    return Response.json({ requests: await listRequests(params.clusterId, query, { actor, requestId }) });
  },
});

/** Submit a request; with ?dryRun=true only check it and return what provisioning would do. */
export const POST = defineRoute({
  permission: "requests:create",
  response: { 200: RequestPreviewSchema, 201: TopicRequestDtoSchema },
  params: clusterParamsSchema,
  query: dryRunQuerySchema,
  body: submitRequestBodySchema,
  async handler({ params, query, body, actor, requestId }) {
    if (query.dryRun) return Response.json(await previewRequest(params.clusterId, body, { actor, requestId }));
    return Response.json(await submitRequest(params.clusterId, body, { actor, requestId }), { status: 201 });
  },
});
