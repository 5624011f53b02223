import { connectorParamsSchema, updateConnectorConfigBodySchema, ConnectorDetailSchema } from "@/lib/schemas/connect";
import { defineRoute } from "@/server/http/define-route";
import { getConnector } from "@/server/services/connect/read-connect";
import { deleteConnector, updateConnectorConfig } from "@/server/services/connect/write-connect";
import { DeletedSchema } from "@/lib/schemas/topics";

export const dynamic = "force-dynamic";

const scope = ({ params }: { params: { name: string } }) => params.name;

/** The connector: state, tasks (worker, state, failure trace), topics and its config with secrets hidden. */
export const GET = defineRoute({
  permission: "connect:read",
  response: ConnectorDetailSchema,
  params: connectorParamsSchema,
  async handler({ params }) {
    return Response.json(await getConnector(params.clusterId, params.connectId, params.name));
  },
});

/** A new config for an existing connector ("[hidden]" keeps a stored secret); validated by the worker first. */
export const PUT = defineRoute({
  permission: "connect:manage",
  response: ConnectorDetailSchema,
  scope,
  params: connectorParamsSchema,
  body: updateConnectorConfigBodySchema,
  bodyLimit: 512 * 1024,
  async handler({ params, body, actor, requestId }) {
    return Response.json(
      await updateConnectorConfig(params.clusterId, params.connectId, params.name, body.config, {
        actor: actor!,
        requestId,
      }),
    );
  },
});

export const DELETE = defineRoute({
  permission: "connect:manage",
  response: DeletedSchema,
  scope,
  params: connectorParamsSchema,
  async handler({ params, actor, requestId }) {
    return Response.json(
      await deleteConnector(params.clusterId, params.connectId, params.name, { actor: actor!, requestId }),
    );
  },
});
