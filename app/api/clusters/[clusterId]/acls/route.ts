import {
  aclBindingSchema,
  aclCreateQuerySchema,
  aclDeleteQuerySchema,
  aclFilterSchema,
  AclListResponseSchema,
  AclCreateResponseSchema,
  AclDeleteResponseSchema,
} from "@/lib/schemas/access";
import { clusterParamsSchema } from "@/lib/schemas/params";
import { defineRoute } from "@/server/http/define-route";
import { createAclBinding } from "@/server/services/access/create-acl";
import { deleteAclBindings } from "@/server/services/access/delete-acls";
import { listAcls } from "@/server/services/access/list-acls";

export const dynamic = "force-dynamic";

/** ACL bindings matching the query's filters (principal, host, resourceType, resourceName, patternType, operation, permission). */
export const GET = defineRoute({
  permission: "access:read",
  response: AclListResponseSchema,
  params: clusterParamsSchema,
  query: aclFilterSchema,
  async handler({ params, query }) {
    return Response.json(await listAcls(params.clusterId, query));
  },
});

/** Creates one binding; `?dryRun=true` previews exactly what would be created. */
export const POST = defineRoute({
  permission: "access:manage",
  response: { 200: AclCreateResponseSchema, 201: AclCreateResponseSchema },
  params: clusterParamsSchema,
  query: aclCreateQuerySchema,
  body: aclBindingSchema,
  async handler({ params, query, body, actor, requestId }) {
    const result = await createAclBinding(params.clusterId, body, {
      dryRun: query.dryRun,
      audit: { actor: actor!, requestId },
    });
    return Response.json(result, { status: result.created && !result.dryRun ? 201 : 200 });
  },
});

/** Deletes every binding the query's filter matches; `?dryRun=true` lists them without deleting. */
export const DELETE = defineRoute({
  permission: "access:manage",
  response: AclDeleteResponseSchema,
  params: clusterParamsSchema,
  query: aclDeleteQuerySchema,
  async handler({ params, query, actor, requestId }) {
    const { dryRun, ...filter } = query;
    return Response.json(
      await deleteAclBindings(params.clusterId, filter, { dryRun, audit: { actor: actor!, requestId } }),
    );
  },
});
