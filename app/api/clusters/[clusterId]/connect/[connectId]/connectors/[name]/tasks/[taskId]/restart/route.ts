import { connectorTaskParamsSchema, ConnectorRestartResultSchema } from "@/lib/schemas/connect";
import { defineRoute } from "@/server/http/define-route";
import { restartTask } from "@/server/services/connect/write-connect";

export const dynamic = "force-dynamic";

export const POST = defineRoute({
  permission: "connect:manage",
  response: { 202: ConnectorRestartResultSchema },
  scope: ({ params }) => params.name,
  params: connectorTaskParamsSchema,
  async handler({ params, actor, requestId }) {
    return Response.json(
      await restartTask(params.clusterId, params.connectId, params.name, params.taskId, { actor: actor!, requestId }),
      { status: 202 },
    );
  },
});
