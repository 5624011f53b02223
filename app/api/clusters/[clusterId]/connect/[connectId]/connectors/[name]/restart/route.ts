import { connectorParamsSchema, restartQuerySchema, ConnectorRestartResultSchema } from "@/lib/schemas/connect";
import { defineRoute } from "@/server/http/define-route";
import { restartConnector } from "@/server/services/connect/write-connect";

export const dynamic = "force-dynamic";

/** Restarts the connector; `?includeTasks=true` its tasks too, `&onlyFailed=true` only what FAILED. */
export const POST = defineRoute({
  permission: "connect:manage",
  response: { 202: ConnectorRestartResultSchema },
  scope: ({ params }) => params.name,
  params: connectorParamsSchema,
  query: restartQuerySchema,
  async handler({ params, query, actor, requestId }) {
    return Response.json(
      await restartConnector(params.clusterId, params.connectId, params.name, query, { actor: actor!, requestId }),
      { status: 202 },
    );
  },
});
