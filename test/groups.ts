import { GET as listGroups } from "@/app/api/clusters/[clusterId]/consumer-groups/route";
import type { GroupListItem } from "@/lib/schemas/groups";
import { invalidateGroupSnapshot } from "@/server/kafka/group-snapshot";
import { callRoute } from "./call-route";

/** Cluster "local"'s group list filtered by `q` (a topic name), read fresh: the group snapshot is dropped first. */
export function listGroupsFresh(q: string) {
  invalidateGroupSnapshot("local");
  return callRoute<{ items: GroupListItem[] }>(
    listGroups,
    `/api/clusters/local/consumer-groups?q=${encodeURIComponent(q)}`,
    { clusterId: "local" },
  );
}
