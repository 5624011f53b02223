import { describe, expect, it } from "vitest";
import { GET as listClusters } from "@/app/api/clusters/route";
import { GET as getCluster } from "@/app/api/clusters/[clusterId]/route";
import type { ClusterOverview } from "@/lib/schemas/clusters";
import { callRoute } from "../call-route";

describe("SASL/PLAIN clusters (the local broker's SASL listener)", () => {
  it("connects with the configured credentials", async () => {
    const { status, body } = await callRoute<ClusterOverview>(getCluster, "/api/clusters/local-sasl", {
      clusterId: "local-sasl",
    });
    expect(status).toBe(200);
    expect(body.authentication).toBe("SASL/PLAIN");
    expect(body.health).toMatchObject({ status: "online", brokerCount: 1 });
  });

  it("reports rejected credentials as such, without leaking the password", async () => {
    const { body } = await callRoute<ClusterOverview>(getCluster, "/api/clusters/local-sasl-wrong", {
      clusterId: "local-sasl-wrong",
    });
    expect(body.health).toMatchObject({ status: "unreachable", code: "forbidden" });
    if (body.health.status === "unreachable") expect(body.health.reason).toMatch(/rejected Sluice's credentials/);
    const all = JSON.stringify((await callRoute<{ clusters: unknown[] }>(listClusters, "/api/clusters")).body);
    expect(all).not.toContain("sluice-secret");
    expect(all).not.toContain("not-the-password");
  });
});
