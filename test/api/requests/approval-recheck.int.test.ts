import { beforeAll, describe, expect, it } from "vitest";
import { POST as decisionRoute } from "@/app/api/clusters/[clusterId]/requests/[requestId]/decision/route";
import { POST as submitRoute } from "@/app/api/clusters/[clusterId]/requests/route";
import type { TopicRequestDto } from "@/lib/schemas/requests";
import { prisma } from "@/server/db/prisma";
import { testTeam, testUser, jsonAs, type TestUser } from "../../auth";
import { callRoute, type Envelope } from "../../call-route";
import { putPolicy } from "../../policy";
import { uniqueTopic } from "../../kafka-admin";

const setPolicy = (maxPartitions: number) => putPolicy(admin, { maxPartitions });
const submit = (topicName: string, partitions: number, user: TestUser) =>
  callRoute<TopicRequestDto & Envelope>(
    submitRoute,
    "/api/clusters/local/requests",
    { clusterId: "local" },
    jsonAs(
      "POST",
      {
        kind: "create",
        topicName,
        teamId: team,
        partitions,
        replicationFactor: 1,
        configs: {},
        justification: "re-check at decision time",
      },
      user,
    ),
  );
const approve = (id: string) =>
  callRoute<TopicRequestDto & Envelope>(
    decisionRoute,
    `/api/clusters/local/requests/${id}/decision`,
    { clusterId: "local", requestId: id },
    jsonAs("POST", { decision: "approve" }, approver),
  );

let team = "";
let admin: TestUser, requester: TestUser, approver: TestUser;
beforeAll(async () => {
  team = await testTeam("it-recheck", ["it.recheck."]);
  admin = await testUser("recheck-admin@sluice.test", { "*": "admin" });
  requester = await testUser("recheck-req@sluice.test", { local: "viewer" }, [team]);
  approver = await testUser("recheck-appr@sluice.test", { local: "approver" }, [team]);
  expect((await setPolicy(12)).status).toBe(200);
});

describe("approval re-checks membership and policy at decision time", () => {
  it("refuses (409, audited) an approval after the requester left the team; the request stays pending", async () => {
    const sub = await submit(uniqueTopic("recheck"), 1, requester);
    expect(sub.status).toBe(201);
    await prisma.teamMember.delete({ where: { teamId_userId: { teamId: team, userId: requester.id } } });
    try {
      const res = await approve(sub.body.id);
      expect(res.status).toBe(409);
      expect(res.body.error.message).toContain('no longer a member of team "it-recheck"');
      const row = await prisma.topicRequest.findUnique({ where: { id: sub.body.id } });
      expect(row!.status).toBe("PENDING");
      const audit = await prisma.auditEvent.findFirst({ where: { target: sub.body.id, action: "request.approved" } });
      expect(audit).toMatchObject({ result: "denied", actor: approver.email });
    } finally {
      await prisma.teamMember.create({ data: { teamId: team, userId: requester.id } });
      await callRoute(
        decisionRoute,
        `/api/clusters/local/requests/${sub.body.id}/decision`,
        { clusterId: "local", requestId: sub.body.id },
        jsonAs("POST", { decision: "reject", comment: "test cleanup" }, approver),
      );
    }
  });

  it("refuses (422) an approval the cluster's policy no longer allows", async () => {
    const sub = await submit(uniqueTopic("recheck"), 6, requester);
    expect(sub.status).toBe(201);
    expect((await setPolicy(4)).status).toBe(200);
    try {
      const res = await approve(sub.body.id);
      expect(res.status).toBe(422);
      expect(res.body.error.message).toContain("6 partitions is above the maximum of 4");
      expect((await prisma.topicRequest.findUnique({ where: { id: sub.body.id } }))!.status).toBe("PENDING");
    } finally {
      await setPolicy(12);
      await callRoute(
        decisionRoute,
        `/api/clusters/local/requests/${sub.body.id}/decision`,
        { clusterId: "local", requestId: sub.body.id },
        jsonAs("POST", { decision: "reject", comment: "test cleanup" }, approver),
      );
    }
  });
});
