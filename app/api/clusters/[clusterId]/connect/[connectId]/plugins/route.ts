import { connectParamsSchema, ConnectPluginListSchema } from "@/lib/schemas/connect";
import { defineRoute } from "@/server/http/define-route";
import { listPlugins } from "@/server/services/connect/read-connect";

export const dynamic = "force-dynamic";

export const GET = defineRoute({
  permission: "connect:read",
  response: ConnectPluginListSchema,
  params: connectParamsSchema,
  async handler({ params }) {
    return Response.json(await listPlugins(params.clusterId, params.connectId));
  },
});
