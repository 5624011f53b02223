import { pluginParamsSchema, validateConfigBodySchema, ConfigValidationSchema } from "@/lib/schemas/connect";
import { defineRoute } from "@/server/http/define-route";
import { validatePluginConfig } from "@/server/services/connect/read-connect";

export const dynamic = "force-dynamic";

/** The plugin's config definition (every field, group, default and documentation), as the create form needs it. */
export const GET = defineRoute({
  permission: "connect:read",
  response: ConfigValidationSchema,
  params: pluginParamsSchema,
  async handler({ params }) {
    return Response.json(await validatePluginConfig(params.clusterId, params.connectId, params.pluginClass));
  },
});

/** The worker's verdict on a config (`/config/validate`): the same definition with per-field errors. Changes nothing. */
export const POST = defineRoute({
  permission: "connect:read",
  response: ConfigValidationSchema,
  params: pluginParamsSchema,
  body: validateConfigBodySchema,
  bodyLimit: 512 * 1024,
  async handler({ params, body }) {
    return Response.json(
      await validatePluginConfig(params.clusterId, params.connectId, params.pluginClass, body.config),
    );
  },
});
