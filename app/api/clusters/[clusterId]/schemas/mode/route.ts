import { clusterParamsSchema } from "@/lib/schemas/params";
import { setRegistryModeBodySchema, RegistryModeSchema } from "@/lib/schemas/schemas";
import { defineRoute } from "@/server/http/define-route";
import { getRegistryMode } from "@/server/services/schemas/get-registry-mode";
import { setRegistryMode } from "@/server/services/schemas/set-registry-mode";

export const dynamic = "force-dynamic";

/** The registry's global mode (READWRITE / READONLY / IMPORT), or supported: false. */
export const GET = defineRoute({
  permission: "schemas:read",
  response: RegistryModeSchema,
  params: clusterParamsSchema,
  async handler({ params }) {
    return Response.json(await getRegistryMode(params.clusterId));
  },
});

export const PUT = defineRoute({
  permission: "schemas:write",
  response: RegistryModeSchema,
  params: clusterParamsSchema,
  body: setRegistryModeBodySchema,
  async handler({ params, body, actor, requestId }) {
    return Response.json(await setRegistryMode(params.clusterId, body.mode, { actor: actor!, requestId }));
  },
});
