import "server-only";
import { authorize } from "@/server/auth/authorize";
import { pageActor } from "@/server/auth/page-access";

/** What the signed-in user may do with ACLs, SCRAM users and quotas on a cluster (the same check as the routes). */
export async function accessRights(clusterId: string): Promise<{ read: boolean; manage: boolean }> {
  const actor = await pageActor();
  const ok = (p: "access:read" | "access:manage") => {
    try {
      authorize(actor, p, clusterId);
      return true;
    } catch {
      return false;
    }
  };
  return { read: ok("access:read"), manage: ok("access:manage") };
}
