import {
  connectParamsSchema,
  createConnectorBodySchema,
  ConnectorListSchema,
  ConnectorDetailSchema,
} from "@/lib/schemas/connect";
import { defineRoute } from "@/server/http/define-route";
import { listConnectors } from "@/server/services/connect/read-connect";
import { createConnector } from "@/server/services/connect/write-connect";

export const dynamic = "force-dynamic";

export const GET = defineRoute({
  permission: "connect:read",
  response: ConnectorListSchema,
  params: connectParamsSchema,
  async handler({ params }) {
    return Response.json(await listConnectors(params.clusterId, params.connectId));
  },
});

/** Validated by the worker first (422 with per-field errors, nothing created); a name that exists → 409. */
export const POST = defineRoute({
  permission: "connect:manage",
  response: { 201: ConnectorDetailSchema },
  scope: ({ body }) => body.name,
  params: connectParamsSchema,
  body: createConnectorBodySchema,
  bodyLimit: 512 * 1024,
  async handler({ params, body, actor, requestId }) {
    return Response.json(
      await createConnector(params.clusterId, params.connectId, body, { actor: actor!, requestId }),
      { status: 201 },
    );
  },
});
