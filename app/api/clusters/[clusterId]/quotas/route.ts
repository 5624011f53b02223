import { quotaPutBodySchema, QuotaListSchema, QuotaEntrySchema } from "@/lib/schemas/access";
import { clusterParamsSchema } from "@/lib/schemas/params";
import { defineRoute } from "@/server/http/define-route";
import { listQuotas, putQuota } from "@/server/services/access/quotas";

export const dynamic = "force-dynamic";

/** Client quotas of users, client ids, their combinations and defaults. */
export const GET = defineRoute({
  permission: "access:read",
  response: QuotaListSchema,
  params: clusterParamsSchema,
  async handler({ params }) {
    return Response.json({ quotas: await listQuotas(params.clusterId) });
  },
});

/** Sets (number) or removes (null) quota values of one entity. */
export const PUT = defineRoute({
  permission: "access:manage",
  response: QuotaEntrySchema,
  params: clusterParamsSchema,
  body: quotaPutBodySchema,
  async handler({ params, body, actor, requestId }) {
    return Response.json(await putQuota(params.clusterId, body.entity, body.values, { actor: actor!, requestId }));
  },
});
