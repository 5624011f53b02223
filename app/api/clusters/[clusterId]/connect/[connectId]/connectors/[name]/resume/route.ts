import { connectorParamsSchema, ConnectorActionResultSchema } from "@/lib/schemas/connect";
import { defineRoute } from "@/server/http/define-route";
import { connectorAction } from "@/server/services/connect/write-connect";

export const dynamic = "force-dynamic";

export const POST = defineRoute({
  permission: "connect:manage",
  response: { 202: ConnectorActionResultSchema },
  scope: ({ params }) => params.name,
  params: connectorParamsSchema,
  async handler({ params, actor, requestId }) {
    return Response.json(
      await connectorAction(params.clusterId, params.connectId, params.name, "resume", { actor: actor!, requestId }),
      { status: 202 },
    );
  },
});
