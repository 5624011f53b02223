import { listGroupsQuerySchema, GroupListSchema } from "@/lib/schemas/groups";
import { clusterParamsSchema } from "@/lib/schemas/params";
import { defineRoute } from "@/server/http/define-route";
import { listGroups } from "@/server/services/groups/list-groups";

export const dynamic = "force-dynamic";

export const GET = defineRoute({
  permission: "groups:read",
  response: GroupListSchema,
  params: clusterParamsSchema,
  query: listGroupsQuerySchema,
  async handler({ params, query }) {
    return Response.json(await listGroups(params.clusterId, query));
  },
});
