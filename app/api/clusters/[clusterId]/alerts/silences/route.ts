import { silenceBodySchema, SilenceDtoSchema } from "@/lib/alerts/rules";
import { clusterParamsSchema } from "@/lib/schemas/params";
import { defineRoute } from "@/server/http/define-route";
import { createSilence } from "@/server/services/alerts/rules";

export const dynamic = "force-dynamic";

export const POST = defineRoute({
  permission: "alerts:manage",
  response: { 201: SilenceDtoSchema },
  params: clusterParamsSchema,
  body: silenceBodySchema,
  async handler({ params, body, actor, requestId }) {
    return Response.json(await createSilence(params.clusterId, body, { actor, requestId }), { status: 201 });
  },
});
