import { afterAll, describe, expect, it } from "vitest";
import { POST as decisionRoute } from "@/app/api/clusters/[clusterId]/requests/[requestId]/decision/route";
import { POST as submitRoute } from "@/app/api/clusters/[clusterId]/requests/route";
import type { TopicRequestDto } from "@/lib/schemas/requests";
import { prisma } from "@/server/db/prisma";
import { testTeam, testUser, type TestUser } from "../auth";
import { callRoute, type Envelope } from "../call-route";
import { testAdmin, uniqueTopic } from "../kafka-admin";

// Accounts and the request state machine on PostgreSQL (real broker): sessions, the conditional transition under
// concurrent approvals, and the one-open-request-per-topic constraint.
describe("topic requests on PostgreSQL", () => {
  const kafka = testAdmin();
  let topic = "";
  afterAll(async () => {
    await kafka.connect();
    if ((await kafka.listTopics()).includes(topic)) await kafka.deleteTopics({ topics: [topic] });
    await kafka.disconnect();
    await prisma.$disconnect();
  });

  const post = (user: TestUser, body: unknown) => ({
    method: "POST",
    body: JSON.stringify(body),
    headers: { "content-type": "application/json", cookie: user.cookie },
  });

  it("signs users in, refuses a second open request for the topic, and lets only one of two racing approvals through", async () => {
    expect(process.env.DATABASE_URL).toMatch(/^postgres(ql)?:\/\//);
    const team = await testTeam("pg-payments", ["it.pay."]);
    const [req, a1, a2] = await Promise.all([
      testUser("pg-req@sluice.test", { local: "viewer" }, [team]),
      testUser("pg-a1@sluice.test", { local: "approver" }, [team]),
      testUser("pg-a2@sluice.test", { local: "approver" }, [team]),
    ]);
    topic = uniqueTopic("pay");
    const body = {
      kind: "create",
      topicName: topic,
      teamId: team,
      partitions: 1,
      replicationFactor: 1,
      configs: { "retention.ms": "86400000" },
      justification: "PostgreSQL state machine check",
    };
    const sub = await callRoute<TopicRequestDto & Envelope>(
      submitRoute,
      "/api/clusters/local/requests",
      { clusterId: "local" },
      post(req, body),
    );
    expect(sub.status, JSON.stringify(sub.body)).toBe(201);
    const again = await callRoute<Envelope>(
      submitRoute,
      "/api/clusters/local/requests",
      { clusterId: "local" },
      post(a1, body),
    );
    expect(again.status).toBe(409);

    const decide = (u: TestUser) =>
      callRoute<TopicRequestDto & Envelope>(
        decisionRoute,
        `/api/clusters/local/requests/${sub.body.id}/decision`,
        { clusterId: "local", requestId: sub.body.id },
        post(u, { decision: "approve" }),
      );
    const results = await Promise.all([decide(a1), decide(a2)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const approvals = await prisma.auditEvent.count({ where: { target: sub.body.id, action: "request.approved" } });
    expect(approvals).toBe(1);
    expect((await prisma.topicRequest.findUnique({ where: { id: sub.body.id } }))?.status).toBe("PROVISIONED");
  });
});
