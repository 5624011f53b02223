import { beforeAll, describe, expect, it } from "vitest";
import { POST as createTopic } from "@/app/api/clusters/[clusterId]/topics/route";
import { POST as submitRoute } from "@/app/api/clusters/[clusterId]/requests/route";
import { POST as createTeam } from "@/app/api/teams/route";
import { PUT as updateTeam } from "@/app/api/teams/[teamId]/route";
import type { RequestPreview } from "@/lib/schemas/requests";
import { testTeam, testUser, jsonAs, type TestUser } from "../../auth";
import { callRoute, type Envelope } from "../../call-route";
import { putPolicy } from "../../policy";

const dryCreate = (user: TestUser, name: string) =>
  callRoute<Envelope>(
    createTopic,
    "/api/clusters/local/topics?dryRun=true",
    { clusterId: "local" },
    jsonAs("POST", { name, partitions: 1, replicationFactor: 1 }, user),
  );

let admin: TestUser, payOp: TestUser, underOp: TestUser, payViewer: TestUser;
let payTeam = "";
beforeAll(async () => {
  admin = await testUser("own-admin@sluice.test", { "*": "admin" });
  payTeam = await testTeam("own-pay", ["itown"]);
  const under = await testTeam("own-underscore", ["_"]);
  payOp = await testUser("own-pay-op@sluice.test", { local: "operator" }, [payTeam]);
  payViewer = await testUser("own-pay-viewer@sluice.test", { local: "viewer" }, [payTeam]);
  underOp = await testUser("own-under-op@sluice.test", { local: "operator" }, [under]);
  const policy = await putPolicy(admin);
  expect(policy.status).toBe(200);
});

describe("prefix ownership ends at a separator", () => {
  it("prefix itown owns itown.x, itown-x and itown_x but not itownroll.x", async () => {
    for (const name of [`itown.x${Date.now()}`, `itown-x${Date.now()}`, `itown_x${Date.now()}`]) {
      expect((await dryCreate(payOp, name)).status, name).toBe(200);
    }
    const other = await dryCreate(payOp, `itownroll.x${Date.now()}`);
    expect(other.status).toBe(403);
    expect(other.body.error.message).toContain("not owned by your teams");
  });

  it("a topic request for itownroll.x is not the team's name", async () => {
    const res = await callRoute<RequestPreview>(
      submitRoute,
      "/api/clusters/local/requests?dryRun=true",
      { clusterId: "local" },
      jsonAs(
        "POST",
        {
          kind: "create",
          topicName: `itownroll.x${Date.now()}`,
          teamId: payTeam,
          partitions: 1,
          replicationFactor: 1,
          configs: {},
          justification: "payroll events for the ledger",
        },
        payViewer,
      ),
    );
    expect(res.status).toBe(200); // the dry run lists what the submission would break
    expect(res.body.violations.map((d) => d.path)).toContain("topicName");
  });

  it("a '_' prefix owns no internal topic", async () => {
    const res = await dryCreate(underOp, "__it_internal_like");
    expect(res.status).toBe(403);
  });

  it("team prefixes that could reach internal names are refused on create and update", async () => {
    for (const prefixes of [["_"], ["__"], ["__consumer"], [".x"]]) {
      const res = await callRoute<Envelope>(
        createTeam,
        "/api/teams",
        {},
        jsonAs("POST", { name: `own-bad-${Date.now()}`, prefixes }, admin),
      );
      expect(res.status, JSON.stringify(prefixes)).toBe(422);
      expect(res.body.error.details![0].path).toMatch(/^prefixes/);
    }
    const upd = await callRoute<Envelope>(
      updateTeam,
      `/api/teams/${payTeam}`,
      { teamId: payTeam },
      jsonAs("PUT", { name: "own-pay", prefixes: ["itown", "_"] }, admin),
    );
    expect(upd.status).toBe(422);
    const raw = await callRoute<Envelope>(
      createTeam,
      "/api/teams",
      {},
      jsonAs("POST", { name: `own-raw-${Date.now()}`, prefixes: ["itraw*"] }, admin),
    );
    expect(raw.status).toBe(201);
  });
});
