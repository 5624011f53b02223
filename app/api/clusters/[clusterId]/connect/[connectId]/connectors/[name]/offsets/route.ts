import {
  alterOffsetsBodySchema,
  connectorParamsSchema,
  ConnectorOffsetsSchema,
  ConnectMessageSchema,
} from "@/lib/schemas/connect";
import { defineRoute } from "@/server/http/define-route";
import { getConnectorOffsets } from "@/server/services/connect/read-connect";
import { alterConnectorOffsets, resetConnectorOffsets } from "@/server/services/connect/write-connect";

export const dynamic = "force-dynamic";

const scope = ({ params }: { params: { name: string } }) => params.name;

export const GET = defineRoute({
  permission: "connect:read",
  response: ConnectorOffsetsSchema,
  params: connectorParamsSchema,
  async handler({ params }) {
    return Response.json(await getConnectorOffsets(params.clusterId, params.connectId, params.name));
  },
});

/** Alters offsets of a STOPPED connector (409 otherwise), in Kafka Connect's own {offsets: [{partition, offset}]} form. */
export const PATCH = defineRoute({
  permission: "connect:manage",
  response: ConnectMessageSchema,
  scope,
  params: connectorParamsSchema,
  body: alterOffsetsBodySchema,
  bodyLimit: 1024 * 1024,
  async handler({ params, body, actor, requestId }) {
    return Response.json(
      await alterConnectorOffsets(params.clusterId, params.connectId, params.name, body, { actor: actor!, requestId }),
    );
  },
});

/** Resets (removes) every offset of a STOPPED connector (409 otherwise). */
export const DELETE = defineRoute({
  permission: "connect:manage",
  response: ConnectMessageSchema,
  scope,
  params: connectorParamsSchema,
  async handler({ params, actor, requestId }) {
    return Response.json(
      await resetConnectorOffsets(params.clusterId, params.connectId, params.name, { actor: actor!, requestId }),
    );
  },
});
