import type { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as decisionRoute } from "@/app/api/clusters/[clusterId]/requests/[requestId]/decision/route";
import { POST as submitRoute } from "@/app/api/clusters/[clusterId]/requests/route";
import { POST as readRoute } from "@/app/api/me/notifications/read/route";
import { GET as inboxRoute } from "@/app/api/me/notifications/route";
import type { NotificationsDto } from "@/lib/schemas/notifications";
import type { TopicRequestDto } from "@/lib/schemas/requests";
import { prisma } from "@/server/db/prisma";
import { MetricsSampler } from "@/server/metrics/sampler";
import { evaluateAlerts } from "@/server/services/alerts/evaluate";
import { deliverDue } from "@/server/services/alerts/outbox";
import { holdsWithin } from "../../poll";
import { catchMails, type CaughtMail } from "../../smtp-catcher";
import { routeEvent } from "@/server/services/notifications/inbox";
import { testTeam, testUser, type TestUser } from "../../auth";
import { callRoute, type Envelope } from "../../call-route";
import { testAdmin, uniqueTopic } from "../../kafka-admin";

// Request events reach people: the sampler's alert evaluation routes each ObservationEvent once to the users it
// concerns (the bell, and e-mail through the outbox to a real SMTP server), against the real broker and database.
const kafka = testAdmin();
const topic = uniqueTopic("ntf");
const mails: CaughtMail[] = [];
let smtp: SMTPServer;
let sampler: MetricsSampler;
let team: string;
let vic: TestUser, amy: TestUser, olly: TestUser, root: TestUser;
let requestId = "";

const as = (user: TestUser, init: RequestInit = {}) => ({
  ...init,
  headers: { "content-type": "application/json", cookie: user.cookie },
});
const inbox = async (user: TestUser) =>
  (await callRoute<NotificationsDto>(inboxRoute, "/api/me/notifications", {}, as(user))).body;
const read = (user: TestUser, body: unknown) =>
  callRoute<{ marked: number; unread: number } & Envelope>(
    readRoute,
    "/api/me/notifications/read",
    {},
    as(user, { method: "POST", body: JSON.stringify(body) }),
  );
const mine = async (user: TestUser) => (await inbox(user)).notifications.filter((n) => n.subject === requestId);
const until = (pred: () => Promise<boolean>, ms = 30_000) => holdsWithin(pred, ms, 200, deliverDue);

beforeAll(async () => {
  smtp = await catchMails(mails);
  await kafka.connect();
  team = await testTeam("it-notify", ["it.ntf."]);
  const other = await testTeam("it-notify-other", ["it.other."]);
  vic = await testUser("vic@sluice.test", { local: "viewer" }, [team]);
  amy = await testUser("amy@sluice.test", { local: "approver" }, [team]);
  olly = await testUser("olly@sluice.test", { local: "approver" }, [other]);
  root = await testUser("root@sluice.test", { "*": "admin" });
  await prisma.topicPolicy.deleteMany({ where: { clusterId: "local" } });
  await prisma.samplerLease.deleteMany({ where: { clusterId: "local" } });
  await prisma.observationEvent.updateMany({ where: { handledAt: null }, data: { handledAt: new Date() } });
  sampler = new MetricsSampler("local", "notify-test");
  sampler.afterTick.add((tick, sampled) =>
    sampled ? evaluateAlerts({ clusterId: "local", tick, groupDetail: sampler.groupDetail }) : undefined,
  );
  sampler.start();
});

afterAll(async () => {
  await sampler.stop();
  await kafka.deleteTopics({ topics: [topic] }).catch(() => {});
  await kafka.disconnect();
  await prisma.alertState.deleteMany({ where: { ruleId: "it-notify-rule" } });
  await new Promise<void>((r) => smtp.close(() => r()));
});

describe("request notifications", () => {
  it("a submitted request reaches the deciding team's approvers, not the requester, other teams or admins", async () => {
    const sub = await callRoute<TopicRequestDto & Envelope>(
      submitRoute,
      "/api/clusters/local/requests",
      { clusterId: "local" },
      as(vic, {
        method: "POST",
        body: JSON.stringify({
          kind: "create",
          topicName: topic,
          teamId: team,
          partitions: 1,
          replicationFactor: 1,
          configs: {},
          justification: "notification test",
        }),
      }),
    );
    expect(sub.status).toBe(201);
    requestId = sub.body.id;
    expect(await until(async () => (await mine(amy)).length === 1)).toBe(true);
    const [n] = await mine(amy);
    expect(n).toMatchObject({
      kind: "request.submitted",
      read: false,
      clusterId: "local",
      link: `/clusters/local/requests/${requestId}`,
    });
    expect(n.message).toContain("vic asks");
    expect(n.message).toContain(topic);
    expect((await inbox(amy)).unread).toBeGreaterThanOrEqual(1);
    // the event is handled: the requester, another team's approver and a cluster admin outside the team get nothing
    for (const u of [vic, olly, root]) expect(await mine(u)).toEqual([]);
    // routing the same event again (a replayed evaluation) stores nothing new
    const event = await prisma.observationEvent.findFirstOrThrow({
      where: { subject: requestId, kind: "request.submitted" },
    });
    expect(event.handledAt).not.toBeNull();
    expect(await routeEvent(event)).toBe(0);
    expect(await prisma.userNotification.count({ where: { subject: requestId } })).toBe(1);
    // and the approver gets an e-mail (once) through the outbox
    expect(
      await until(async () =>
        mails.some((m) => m.to.includes("amy@sluice.test") && m.raw.includes("waiting for your decision")),
      ),
    ).toBe(true);
    expect(
      await prisma.notificationOutbox.count({ where: { idempotencyKey: { startsWith: `inbox:${event.id}:` } } }),
    ).toBe(1);
  });

  it("an approval tells the requester it was decided and provisioned", async () => {
    const dec = await callRoute<TopicRequestDto & Envelope>(
      decisionRoute,
      `/api/clusters/local/requests/${requestId}/decision`,
      { clusterId: "local", requestId },
      as(amy, { method: "POST", body: JSON.stringify({ decision: "approve", comment: "" }) }),
    );
    expect(dec.status).toBe(200);
    expect(dec.body.status).toBe("PROVISIONED");
    expect((await kafka.listTopics()).includes(topic)).toBe(true);
    expect(await until(async () => (await mine(vic)).length === 2)).toBe(true);
    const got = await mine(vic);
    expect(got.map((n) => n.kind).sort()).toEqual(["request.decided", "request.provisioned"]);
    expect(got.find((n) => n.kind === "request.decided")!.message).toContain("approved by amy");
    expect(got.find((n) => n.kind === "request.provisioned")!.message).toContain("was provisioned");
    // the approver's inbox did not grow; nobody else heard of it
    expect(await mine(amy)).toHaveLength(1);
    expect(await mine(olly)).toEqual([]);
    expect(
      await until(
        async () => mails.filter((m) => m.to.includes("vic@sluice.test") && m.raw.includes(topic)).length === 2,
      ),
    ).toBe(true);
  });

  it("marks read: chosen ids (only one's own), or all; bad bodies are refused; audited", async () => {
    const [first] = await mine(vic);
    const before = (await inbox(vic)).unread;
    const one = await read(vic, { ids: [first.id] });
    expect(one.status).toBe(200);
    expect(one.body).toEqual({ marked: 1, unread: before - 1 });
    expect((await mine(vic)).find((n) => n.id === first.id)!.read).toBe(true);
    // another user's notification is not touched
    const [amys] = await mine(amy);
    expect((await read(vic, { ids: [amys.id] })).body.marked).toBe(0);
    expect((await mine(amy))[0].read).toBe(false);
    for (const bad of [{}, { ids: [] }, { all: false }, { ids: ["x"], extra: 1 }]) {
      const res = await read(vic, bad);
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBeTruthy();
    }
    expect((await read(vic, { all: true })).body.unread).toBe(0);
    expect((await inbox(vic)).notifications.every((n) => n.read)).toBe(true);
    const audit = await prisma.auditEvent.findMany({
      where: { action: "notifications.read", actor: "vic@sluice.test" },
    });
    expect(audit.length).toBeGreaterThanOrEqual(2);
    expect((await callRoute<Envelope>(inboxRoute, "/api/me/notifications", {}, { anonymous: true })).status).toBe(401);
  });

  it("lists the firing alerts of the clusters the user has a role on, and only those", async () => {
    const at = new Date();
    await prisma.alertState.createMany({
      data: [
        {
          ruleId: "it-notify-rule",
          clusterId: "local",
          subject: "it.ntf.x",
          state: "firing",
          message: "No records produced into it.ntf.x",
          firedAt: at,
        },
        {
          ruleId: "it-notify-rule",
          clusterId: "offline",
          subject: "cluster",
          state: "firing",
          message: "Cluster offline is unreachable",
          firedAt: at,
        },
      ],
    });
    const vics = (await inbox(vic)).alerts.filter((a) => a.ruleId === "it-notify-rule");
    expect(vics.map((a) => a.clusterId)).toEqual(["local"]);
    expect(vics[0]).toMatchObject({ subject: "it.ntf.x", link: "/clusters/local/alerts" });
    expect(
      (await inbox(root)).alerts
        .filter((a) => a.ruleId === "it-notify-rule")
        .map((a) => a.clusterId)
        .sort(),
    ).toEqual(["local", "offline"]);
  });
});
