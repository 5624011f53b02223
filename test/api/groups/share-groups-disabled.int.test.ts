import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listGroups } from "@/app/api/clusters/[clusterId]/consumer-groups/route";
import { GET as getShareGroup } from "@/app/api/clusters/[clusterId]/share-groups/[groupId]/route";
import type { GroupListItem, ShareGroupAnswer } from "@/lib/schemas/groups";
import { invalidateGroupSnapshot } from "@/server/kafka/group-snapshot";
import { callRoute } from "../../call-route";
import { setClusterFeature } from "../../java-consumer";

// The same 4.3.1 broker with share groups switched off (share.version downgraded to 0 with the Java Admin client):
// its ApiVersions still lists the share-group APIs, and ShareGroupDescribe answers UNSUPPORTED_VERSION per group.
// The share group page must say share groups are disabled, not fail; the group list keeps working.
beforeAll(() => setClusterFeature("share.version", 0), 120_000);
afterAll(() => setClusterFeature("share.version", 1), 120_000);

describe("a cluster with share groups switched off", () => {
  it("the share group API answers 200 with supported: false and why", async () => {
    const res = await callRoute<ShareGroupAnswer>(getShareGroup, "/api/clusters/local/share-groups/any-share-group", {
      clusterId: "local",
      groupId: "any-share-group",
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ supported: false, group: null });
    expect(res.body.reason).toMatch(/disabled.*share\.version/);
  });

  it("the group list still answers", async () => {
    invalidateGroupSnapshot("local");
    const res = await callRoute<{ items: GroupListItem[] }>(listGroups, "/api/clusters/local/consumer-groups?limit=5", {
      clusterId: "local",
    });
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
  }, 60_000);
});
