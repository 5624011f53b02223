import { scramUserBodySchema, ScramUserListSchema, ScramUpsertResponseSchema } from "@/lib/schemas/access";
import { clusterParamsSchema } from "@/lib/schemas/params";
import { defineRoute } from "@/server/http/define-route";
import { listScramUsers, upsertScramUser } from "@/server/services/access/scram-users";

export const dynamic = "force-dynamic";

/** Users with SCRAM credentials (mechanisms and iterations, never secrets). */
export const GET = defineRoute({
  permission: "access:read",
  response: ScramUserListSchema,
  params: clusterParamsSchema,
  async handler({ params }) {
    return Response.json({ users: await listScramUsers(params.clusterId) });
  },
});

/** Creates a SCRAM credential; without `password` one is generated and returned in this answer only. */
export const POST = defineRoute({
  permission: "access:manage",
  response: { 201: ScramUpsertResponseSchema },
  params: clusterParamsSchema,
  body: scramUserBodySchema,
  async handler({ params, body, actor, requestId }) {
    const { name, ...input } = body;
    const result = await upsertScramUser(params.clusterId, name, input, "create", { actor: actor!, requestId });
    return Response.json(result, { status: 201, headers: { "cache-control": "no-store" } });
  },
});
