import { connectorParamsSchema, ConnectorActionResultSchema } from "@/lib/schemas/connect";
import { defineRoute } from "@/server/http/define-route";
import { connectorAction } from "@/server/services/connect/write-connect";

/** POST …/connectors/:name/{pause,resume,stop}: the same route for each state change the worker offers. */
export function connectorActionRoute(action: "pause" | "resume" | "stop") {
  return defineRoute({
    permission: "connect:manage",
    response: { 202: ConnectorActionResultSchema },
    scope: ({ params }) => params.name,
    params: connectorParamsSchema,
    async handler({ params, actor, requestId }) {
      return Response.json(
        await connectorAction(params.clusterId, params.connectId, params.name, action, { actor: actor!, requestId }),
        { status: 202 },
      );
    },
  });
}
