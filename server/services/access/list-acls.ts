import "server-only";
import type { AclFilter, AclListResponse } from "@/lib/schemas/access";
import { getClusterConfigOrThrow } from "@/server/config";
import { describeAcls } from "@/server/kafka/access";
import { withDeadline } from "@/server/kafka/deadline";
import { sluicePrincipal } from "./sluice-principal";

/** The bindings matching the filter, and the principal Sluice connects as (the pages mark its bindings). */
export async function listAcls(clusterId: string, filter: AclFilter): Promise<AclListResponse> {
  const cluster = getClusterConfigOrThrow(clusterId);
  const bindings = await withDeadline(8_000, `Cluster "${cluster.name}"`, () => describeAcls(clusterId, filter));
  return { bindings, sluicePrincipal: sluicePrincipal(clusterId) ?? "" };
}
