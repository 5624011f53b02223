import { beforeAll, describe, expect, it } from "vitest";
import { GET as listAcls, POST as createAcl } from "@/app/api/clusters/[clusterId]/acls/route";
import { POST as submitRequest } from "@/app/api/clusters/[clusterId]/requests/route";
import type { RequestPreview } from "@/lib/schemas/requests";
import { prisma } from "@/server/db/prisma";
import { testTeam, testUser, type TestUser } from "../../auth";
import { callRoute, type Envelope } from "../../call-route";

// The 3-broker test cluster runs without an authorizer (dev/kafka.sh --brokers 3): the broker answers the ACL APIs
// with SECURITY_DISABLED. Sluice says so plainly (422 naming it), never a 500, and an access request lists it.
const C = "local3";
let requester: TestUser;
let team = "";

beforeAll(async () => {
  team = await testTeam("it-na-team", ["it.na."]);
  requester = await testUser("na-requester@sluice.test", { [C]: "viewer" }, [team]);
  await prisma.servicePrincipal.upsert({
    where: { clusterId_principal: { clusterId: C, principal: "User:it-na-svc" } },
    create: { clusterId: C, principal: "User:it-na-svc", teamId: team, createdBy: "test" },
    update: { teamId: team },
  });
});

describe("a cluster without an authorizer", () => {
  it("answers the ACL list and create with 422 SECURITY_DISABLED, not a 500", async () => {
    const list = await callRoute<Envelope>(listAcls, `/api/clusters/${C}/acls`, { clusterId: C });
    expect(list.status).toBe(422);
    expect(list.body.error.message).toContain("no authorizer");
    expect(list.body.error.details).toEqual([{ path: "cluster", issue: "SECURITY_DISABLED" }]);
    const binding = { principal: "User:it-na-svc", resourceType: "TOPIC", resourceName: "it.na.x", operation: "READ" };
    const create = await callRoute<Envelope>(
      createAcl,
      `/api/clusters/${C}/acls`,
      { clusterId: C },
      { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(binding) },
    );
    expect(create.status).toBe(422);
    expect(create.body.error.details?.[0].issue).toBe("SECURITY_DISABLED");
  });

  it("lists the missing authorizer among an access request's violations before submit", async () => {
    const body = {
      kind: "access",
      teamId: team,
      justification: "reads the orders for reporting",
      principal: "User:it-na-svc",
      resource: { name: "it.na.orders", patternType: "LITERAL" },
      operations: ["READ"],
    };
    const res = await callRoute<RequestPreview & Envelope>(
      submitRequest,
      `/api/clusters/${C}/requests?dryRun=true`,
      { clusterId: C },
      {
        method: "POST",
        headers: { "content-type": "application/json", cookie: requester.cookie },
        body: JSON.stringify(body),
      },
    );
    expect(res.status).toBe(200);
    expect(res.body.violations).toEqual([
      expect.objectContaining({ path: "cluster", issue: expect.stringContaining("no authorizer") }),
    ]);
  });
});
