import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as cancelRoute } from "@/app/api/clusters/[clusterId]/requests/[requestId]/cancel/route";
import { POST as decisionRoute } from "@/app/api/clusters/[clusterId]/requests/[requestId]/decision/route";
import { POST as retryRoute } from "@/app/api/clusters/[clusterId]/requests/[requestId]/retry/route";
import { GET as getRequestRoute } from "@/app/api/clusters/[clusterId]/requests/[requestId]/route";
import { POST as driftRoute } from "@/app/api/clusters/[clusterId]/requests/drift/route";
import { GET as listRoute, POST as submitRoute } from "@/app/api/clusters/[clusterId]/requests/route";
import { GET as streamRoute } from "@/app/api/clusters/[clusterId]/requests/stream/route";
import type { RequestPreview, TopicRequestDto } from "@/lib/schemas/requests";
import { prisma } from "@/server/db/prisma";
import { releaseLease } from "@/server/metrics/lease";
import { driftLeaseKey, runDriftRound } from "@/server/services/requests/drift-schedule";
import { testTeam, testUser, jsonAs, type TestUser } from "../../auth";
import { callRoute, type Envelope } from "../../call-route";
import { putPolicy } from "../../policy";
import { brokerOverrides, testAdmin, uniqueTopic } from "../../kafka-admin";
import { readEvents } from "../../sse-client";

const kafka = testAdmin();
const created: string[] = [];
let pay: string, ship: string;
let alice: TestUser, bob: TestUser, erin: TestUser, carol: TestUser, admin: TestUser;

const submit = (body: object, user: TestUser, dryRun = false) =>
  callRoute<TopicRequestDto & RequestPreview & Envelope>(
    submitRoute,
    `/api/clusters/local/requests${dryRun ? "?dryRun=true" : ""}`,
    { clusterId: "local" },
    jsonAs("POST", body, user),
  );
const decide = (id: string, decision: "approve" | "reject", user: TestUser, comment = "") =>
  callRoute<TopicRequestDto & Envelope>(
    decisionRoute,
    `/api/clusters/local/requests/${id}/decision`,
    { clusterId: "local", requestId: id },
    jsonAs("POST", { decision, comment }, user),
  );
const getReq = (id: string, user: TestUser) =>
  callRoute<TopicRequestDto & Envelope>(
    getRequestRoute,
    `/api/clusters/local/requests/${id}`,
    { clusterId: "local", requestId: id },
    { headers: { cookie: user.cookie } },
  );
const createBody = (topicName: string, over: object = {}) => ({
  kind: "create",
  topicName,
  teamId: pay,
  partitions: 3,
  replicationFactor: 1,
  configs: { "retention.ms": "86400000" },
  justification: "orders service publishes order events",
  ...over,
});
const auditOf = (target: string) => prisma.auditEvent.findMany({ where: { target }, orderBy: { createdAt: "asc" } });

beforeAll(async () => {
  await kafka.connect();
  pay = await testTeam("it-payments", ["it.pay."]);
  ship = await testTeam("it-shipping", ["it.ship."]);
  alice = await testUser("alice@sluice.test", { local: "viewer" }, [pay]);
  bob = await testUser("bob@sluice.test", { local: "approver" }, [pay]);
  erin = await testUser("erin@sluice.test", { local: "approver" }, [pay]);
  carol = await testUser("carol@sluice.test", { local: "approver" }, [ship]);
  admin = await testUser("root@sluice.test", { "*": "admin" });
  const policy = await putPolicy(admin, {
    minRetentionMs: "3600000",
    maxRetentionMs: "604800000",
    requiredConfigs: ["retention.ms"],
  });
  expect(policy.status).toBe(200);
});

afterAll(async () => {
  const left = new Set(await kafka.listTopics());
  const mine = created.filter((t) => left.has(t));
  if (mine.length) await kafka.deleteTopics({ topics: mine });
  await kafka.disconnect();
});

describe("topic requests", () => {
  it("lists every policy violation at submit time and stores nothing", async () => {
    const topic = uniqueTopic("ship");
    const res = await submit(createBody(topic, { partitions: 40, replicationFactor: 2, configs: {} }), alice);
    expect(res.status).toBe(422);
    expect(res.body.error.details!.map((d) => d.path)).toEqual([
      "topicName",
      "partitions",
      "replicationFactor",
      "configs.retention.ms",
    ]);
    expect(res.body.error.message).toContain("40 partitions is above the maximum of 12");
    expect(await prisma.topicRequest.count({ where: { topicName: topic } })).toBe(0);
  });

  it("dry-runs against the broker: the plan and effective configs, nothing stored or created", async () => {
    const topic = uniqueTopic("pay");
    const res = await submit(createBody(topic), alice, true);
    expect(res.status).toBe(200);
    expect(res.body.violations).toEqual([]);
    expect(res.body.plan[0]).toContain(`Create topic "${topic}"`);
    expect(res.body.configs!.find((c) => c.name === "retention.ms")).toEqual({
      name: "retention.ms",
      value: "86400000",
      source: "override",
    });
    expect(res.body.configs!.find((c) => c.name === "cleanup.policy")).toMatchObject({ source: "default" });
    expect(await prisma.topicRequest.count({ where: { topicName: topic } })).toBe(0);
    expect((await kafka.listTopics()).includes(topic)).toBe(false);
  });

  it("submit → approve provisions the topic as requested, and the audit log shows the chain", async () => {
    const topic = uniqueTopic("pay");
    created.push(topic);
    const sub = await submit(createBody(topic), alice);
    expect(sub.status).toBe(201);
    expect(sub.body.status).toBe("PENDING");
    const dup = await submit(createBody(topic), bob);
    expect(dup.status).toBe(409);
    expect(dup.body.error.message).toContain("already open");

    const ok = await decide(sub.body.id, "approve", bob, "looks right");
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe("PROVISIONED");
    const meta = await kafka.fetchTopicMetadata({ topics: [topic] });
    expect(meta.topics[0].partitions).toHaveLength(3);
    expect(await brokerOverrides(kafka, topic)).toEqual({ "retention.ms": "86400000" });

    const chain = [...(await auditOf(sub.body.id)), ...(await auditOf(topic))].sort(
      (a, b) => a.createdAt.getTime() - b.createdAt.getTime(),
    );
    expect(chain.map((r) => [r.action, r.actor])).toEqual([
      ["request.submitted", "alice@sluice.test"],
      ["request.approved", "bob@sluice.test"],
      ["topic.created", "bob@sluice.test"],
      ["request.provisioned", "bob@sluice.test"],
    ]);
  });

  it("refuses self-approval, and hides team A's requests from team B's approver (fail closed)", async () => {
    const topic = uniqueTopic("pay");
    const sub = await submit(createBody(topic), bob);
    expect(sub.status).toBe(201);
    const self = await decide(sub.body.id, "approve", bob);
    expect(self.status).toBe(403);
    expect(self.body.error.message).toContain("another approver");

    expect((await getReq(sub.body.id, carol)).status).toBe(404);
    expect((await decide(sub.body.id, "approve", carol)).status).toBe(404);
    const cancel = await callRoute<Envelope>(
      cancelRoute,
      `/api/clusters/local/requests/${sub.body.id}/cancel`,
      { clusterId: "local", requestId: sub.body.id },
      jsonAs("POST", {}, carol),
    );
    expect(cancel.status).toBe(404);
    const list = await callRoute<{ requests: TopicRequestDto[] }>(
      listRoute,
      "/api/clusters/local/requests",
      { clusterId: "local" },
      { headers: { cookie: carol.cookie } },
    );
    expect(list.body.requests.some((r) => r.id === sub.body.id)).toBe(false);
    // team B cannot request for team A either
    const forOther = await submit(createBody(uniqueTopic("pay")), carol);
    expect(forOther.status).toBe(403);

    expect((await getReq(sub.body.id, bob)).body.status).toBe("PENDING");
    const cancelled = await callRoute<TopicRequestDto>(
      cancelRoute,
      `/api/clusters/local/requests/${sub.body.id}/cancel`,
      { clusterId: "local", requestId: sub.body.id },
      jsonAs("POST", {}, bob),
    );
    expect(cancelled.body.status).toBe("CANCELLED");
  });

  it("two approvers racing: exactly one approval, one 409, one topic creation", async () => {
    const topic = uniqueTopic("pay");
    created.push(topic);
    const sub = await submit(createBody(topic), alice);
    const [a, b] = await Promise.all([decide(sub.body.id, "approve", bob), decide(sub.body.id, "approve", erin)]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect((a.status === 409 ? a : b).body.error.message).toMatch(/APPROVED|PROVISIONED/);
    const rows = await prisma.auditEvent.findMany({ where: { OR: [{ target: sub.body.id }, { target: topic }] } });
    expect(rows.filter((r) => r.action === "request.approved")).toHaveLength(1);
    expect(rows.filter((r) => r.action === "topic.created" && r.result === "success")).toHaveLength(1);
    expect((await getReq(sub.body.id, alice)).body.status).toBe("PROVISIONED");
  });

  it("reject needs a reason; a decided request cannot be approved (409)", async () => {
    const topic = uniqueTopic("pay");
    const sub = await submit(createBody(topic), alice);
    expect((await decide(sub.body.id, "reject", bob)).status).toBe(422);
    const rej = await decide(sub.body.id, "reject", bob, "use the existing orders topic");
    expect(rej.body).toMatchObject({ status: "REJECTED", decisionComment: "use the existing orders topic" });
    expect((await decide(sub.body.id, "approve", erin)).status).toBe(409);
    expect((await kafka.listTopics()).includes(topic)).toBe(false);
  });

  it("a provisioning failure leaves FAILED with the broker's reason; retry provisions", async () => {
    const topic = uniqueTopic("pay");
    created.push(topic);
    const sub = await submit(createBody(topic), alice);
    // Someone creates the topic out of band with other settings before the approval.
    await kafka.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
    const failed = await decide(sub.body.id, "approve", bob);
    expect(failed.body.status).toBe("FAILED");
    expect(failed.body.failureReason).toContain("already exists with other settings");
    expect(failed.body.can.retry).toBe(true);
    await kafka.deleteTopics({ topics: [topic] });
    await new Promise((r) => setTimeout(r, 1500));
    const retried = await callRoute<TopicRequestDto>(
      retryRoute,
      `/api/clusters/local/requests/${sub.body.id}/retry`,
      { clusterId: "local", requestId: sub.body.id },
      jsonAs("POST", {}, bob),
    );
    expect(retried.body.status).toBe("PROVISIONED");
    expect(retried.body.attempts).toBe(2);
    expect((await kafka.fetchTopicMetadata({ topics: [topic] })).topics[0].partitions).toHaveLength(3);
  });

  it("change requests go through the same flow; drift after an out-of-band change is flagged", async () => {
    const topic = uniqueTopic("pay");
    created.push(topic);
    const sub = await submit(createBody(topic), alice);
    await decide(sub.body.id, "approve", bob);

    const alter = await submit(
      {
        kind: "alter-configs",
        topicName: topic,
        teamId: pay,
        set: { "retention.ms": "172800000" },
        reset: [],
        justification: "keep two days for replays",
      },
      alice,
    );
    expect(alter.status).toBe(201);
    expect((await decide(alter.body.id, "approve", erin)).body.status).toBe("PROVISIONED");
    expect(await brokerOverrides(kafka, topic)).toEqual({ "retention.ms": "172800000" });

    const clean = await callRoute<{ drifted: { topic: string }[] }>(
      driftRoute,
      "/api/clusters/local/requests/drift",
      { clusterId: "local" },
      jsonAs("POST", {}, alice),
    );
    expect(clean.body.drifted.some((d) => d.topic === topic)).toBe(false);

    // An independent client changes the topic behind Sluice's back.
    await kafka.alterConfigs({
      validateOnly: false,
      resources: [{ type: 2, name: topic, configEntries: [{ name: "retention.ms", value: "3600000" }] }],
    });
    await kafka.createPartitions({ topicPartitions: [{ topic, count: 5 }] });
    const drift = await callRoute<{ drifted: { topic: string; drift: unknown[] }[] }>(
      driftRoute,
      "/api/clusters/local/requests/drift",
      { clusterId: "local" },
      jsonAs("POST", {}, alice),
    );
    expect(drift.body.drifted.find((d) => d.topic === topic)?.drift).toEqual([
      { kind: "partitions", expected: "3", actual: "5" },
      { kind: "config", name: "retention.ms", expected: "172800000", actual: "3600000" },
    ]);
    expect((await getReq(sub.body.id, alice)).body.drift).toHaveLength(2);
  });

  it("the periodic drift check runs on one replica at a time, and another takes over when the holder lets go or goes away", async () => {
    const topic = uniqueTopic("pay");
    created.push(topic);
    const sub = await submit(createBody(topic), alice);
    expect((await decide(sub.body.id, "approve", bob)).body.status).toBe("PROVISIONED");
    await prisma.samplerLease.deleteMany({ where: { clusterId: driftLeaseKey("local") } });
    // Replica A takes the lease and checks; B, at the same time, skips the cluster; A renews on its next round.
    expect(await runDriftRound("replica-a", 60_000)).toContain("local");
    expect(await runDriftRound("replica-b", 60_000)).not.toContain("local");
    expect(await runDriftRound("replica-a", 60_000)).toContain("local");
    // A stops cleanly (its lease given up): B checks at its next round.
    await releaseLease(driftLeaseKey("local"), "replica-a");
    expect(await runDriftRound("replica-b", 500)).toContain("local");
    expect(await runDriftRound("replica-a", 500)).not.toContain("local");
    // B dies: its lease (two rounds long) lapses, and A takes over.
    await new Promise((r) => setTimeout(r, 1_100));
    expect(await runDriftRound("replica-a", 60_000)).toContain("local");
    await prisma.samplerLease.deleteMany({ where: { clusterId: driftLeaseKey("local") } });
  });

  it("streams status changes to the requester live", async () => {
    const topic = uniqueTopic("pay");
    created.push(topic);
    const sub = await submit(createBody(topic), alice);
    const abort = new AbortController();
    const res = await streamRoute(
      new Request("http://sluice.test/api/clusters/local/requests/stream", {
        signal: abort.signal,
        headers: { cookie: alice.cookie },
      }),
      { params: Promise.resolve({ clusterId: "local" }) },
    );
    expect(res.status).toBe(200);
    const reading = readEvents(
      res,
      (ev) => ev.some((e) => e.event === "request" && e.data.id === sub.body.id && e.data.status === "PROVISIONED"),
      15_000,
    );
    await new Promise((r) => setTimeout(r, 300));
    await decide(sub.body.id, "approve", bob);
    const events = await reading;
    abort.abort();
    expect(
      events.filter((e) => e.event === "request" && e.data.id === sub.body.id).map((e) => e.data.status),
    ).toContain("PROVISIONED");
  });
});
