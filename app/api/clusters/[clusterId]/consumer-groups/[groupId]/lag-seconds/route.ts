import { groupParamsSchema } from "@/lib/schemas/params";
import { defineRoute } from "@/server/http/define-route";
import { getLagSeconds } from "@/server/services/groups/get-lag-seconds";
import { LagSecondsSchema } from "@/lib/schemas/groups";

export const dynamic = "force-dynamic";

/** Exact lag in seconds per partition (timestamp of the next record to consume). */
export const GET = defineRoute({
  permission: "groups:read",
  response: LagSecondsSchema,
  params: groupParamsSchema,
  async handler({ params }) {
    return Response.json(await getLagSeconds(params.clusterId, params.groupId));
  },
});
