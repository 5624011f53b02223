import { scramRotateBodySchema, scramUserParamsSchema, ScramUpsertResponseSchema } from "@/lib/schemas/access";
import { defineRoute } from "@/server/http/define-route";
import { upsertScramUser } from "@/server/services/access/scram-users";

export const dynamic = "force-dynamic";

/** Replaces the user's credential for one mechanism; a generated password is returned in this answer only. */
export const POST = defineRoute({
  permission: "access:manage",
  response: ScramUpsertResponseSchema,
  params: scramUserParamsSchema,
  body: scramRotateBodySchema,
  async handler({ params, body, actor, requestId }) {
    const result = await upsertScramUser(params.clusterId, params.userName, body, "rotate", {
      actor: actor!,
      requestId,
    });
    return Response.json(result, { headers: { "cache-control": "no-store" } });
  },
});
