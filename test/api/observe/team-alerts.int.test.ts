import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Kafka, logLevel } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as overview } from "@/app/api/clusters/[clusterId]/alerts/route";
import { GET as deliveries } from "@/app/api/clusters/[clusterId]/alerts/rules/[ruleId]/deliveries/route";
import { DELETE as deleteRule, PUT as putRule } from "@/app/api/clusters/[clusterId]/alerts/rules/[ruleId]/route";
import { POST as createRule } from "@/app/api/clusters/[clusterId]/alerts/rules/route";
import { DELETE as deleteSilence } from "@/app/api/clusters/[clusterId]/alerts/silences/[silenceId]/route";
import { POST as createSilence } from "@/app/api/clusters/[clusterId]/alerts/silences/route";
import { GET as myNotifications } from "@/app/api/me/notifications/route";
import { prisma } from "@/server/db/prisma";
import { MetricsSampler } from "@/server/metrics/sampler";
import { evaluateAlerts } from "@/server/services/alerts/evaluate";
import { deliverDue } from "@/server/services/alerts/outbox";
import { holdsWithin } from "../../poll";
import { testTeam, testUser, type TestUser } from "../../auth";
import { callRoute, type Envelope } from "../../call-route";
import { produce, testAdmin } from "../../kafka-admin";

// Team rules: a team's approver manages alert rules for the names the team owns; the rule fires for a real consumer
// that stops, reaches the rule's webhook and the team's members in the bell. Everything else is refused (403 naming
// the field), and the refusals are audited.
const admin = testAdmin();
const u = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
const prefix = `it.tm${u}.`;
const otherPrefix = `it.tx${u}.`;
const topic = `${prefix}orders`;
const group = `${prefix}billing`;
const hits: { path: string; body: string }[] = [];
let http: Server;
let base = "";
let sampler: MetricsSampler | null = null;
let teamId = "";
let otherTeamId = "";
let users: Record<"approver" | "otherApprover" | "member" | "operator", TestUser>;

type Rule = { id: string; teamId: string | null; teamName: string | null };
const json = (as: TestUser | null, body: unknown, method = "POST") => ({
  method,
  headers: { "content-type": "application/json", ...(as ? { cookie: as.cookie } : {}) },
  body: JSON.stringify(body),
});
const as = (u: TestUser) => ({ headers: { cookie: u.cookie } });
const L = { clusterId: "local" };
const rulesUrl = "/api/clusters/local/alerts/rules";
const teamRule = (extra: Record<string, unknown> = {}) => ({
  name: `billing stopped ${u}`,
  teamId,
  params: { kind: "group_health", group, statuses: ["STALL", "STOP"] },
  channels: [{ type: "webhook", url: `${base}/team-hook` }],
  ...extra,
});
const until = (pred: () => boolean | Promise<boolean>, ms: number) => holdsWithin(pred, ms, 250, deliverDue);

beforeAll(async () => {
  http = createServer((req, res) => {
    let body = "";
    req.on("data", (d) => (body += d));
    req.on("end", () => {
      hits.push({ path: req.url ?? "", body });
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((r) => http.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  teamId = await testTeam(`it-team-alerts-${u}`, [prefix]);
  otherTeamId = await testTeam(`it-team-alerts-other-${u}`, [otherPrefix]);
  users = {
    approver: await testUser(`ta-approver-${u}@sluice.test`, { local: "approver" }, [teamId]),
    otherApprover: await testUser(`ta-other-${u}@sluice.test`, { local: "approver" }, [otherTeamId]),
    member: await testUser(`ta-member-${u}@sluice.test`, { local: "viewer" }, [teamId]),
    operator: await testUser(`ta-operator-${u}@sluice.test`, { local: "operator" }, [teamId]),
  };
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
  await prisma.samplerLease.deleteMany({ where: { clusterId: "local" } });
});

afterAll(async () => {
  await sampler?.stop();
  await prisma.alertRule.deleteMany({ where: { teamId: { in: [teamId, otherTeamId] } } });
  await admin.deleteGroups([group]).catch(() => {});
  await admin.deleteTopics({ topics: [topic] }).catch(() => {});
  await admin.disconnect();
  await prisma.team.deleteMany({ where: { id: { in: [teamId, otherTeamId] } } });
  await new Promise((r) => http.close(r));
});

describe("team alert rules", () => {
  it("refuses what is not the approver's: another team's prefix, a cluster-wide kind, no team; viewers and operators too", async () => {
    const refused = async (user: TestUser, body: unknown, path: string) => {
      const r = await callRoute<Envelope>(createRule, rulesUrl, L, json(user, body));
      expect(r.status, JSON.stringify(r.body)).toBe(403);
      expect(r.body.error.details?.[0].path).toBe(path);
      return r.body.error.message;
    };
    expect(
      await refused(
        users.approver,
        teamRule({ params: { kind: "group_lag_seconds", group: `${otherPrefix}billing`, thresholdSeconds: 60 } }),
        "params.group",
      ),
    ).toMatch(/not within team/);
    await refused(users.approver, teamRule({ params: { kind: "group_health", group: "it.*" } }), "params.group");
    await refused(users.approver, teamRule({ params: { kind: "group_health" } }), "params.group"); // every group
    expect(
      await refused(
        users.approver,
        teamRule({ params: { kind: "broker_missing", expectedBrokers: 1 } }),
        "params.kind",
      ),
    ).toMatch(/cluster-wide/);
    await refused(users.approver, teamRule({ params: { kind: "partitions", condition: "offline" } }), "params.kind");
    await refused(users.approver, teamRule({ params: { kind: "cluster_unreachable" } }), "params.kind");
    await refused(users.approver, teamRule({ teamId: null }), "teamId");
    await refused(users.approver, teamRule({ teamId: otherTeamId }), "teamId");
    await refused(users.otherApprover, teamRule(), "teamId");
    for (const user of [users.member, users.operator]) {
      expect((await callRoute(createRule, rulesUrl, L, json(user, teamRule()))).status).toBe(403);
    }
    // the service's refusals are audited with the reason
    const audit = await prisma.auditEvent.findFirst({
      where: { actor: users.approver.email, action: "alert.rule_created", result: "failure" },
      orderBy: { createdAt: "desc" },
    });
    expect(audit?.error).toMatch(/teamId/);
    // an admin may give a rule to any existing team, never to a missing one
    const missing = await callRoute<Envelope>(
      createRule,
      rulesUrl,
      L,
      json(null, teamRule({ teamId: "no-such-team" })),
    );
    expect(missing.status).toBe(422);
    expect(missing.body.error.details?.[0].path).toBe("teamId");
  });

  it(
    "the team's approver creates a rule for their group; it fires when the real consumer stops, at the webhook and in the team's bell",
    { timeout: 120_000 },
    async () => {
      const created = await callRoute<Rule>(createRule, rulesUrl, L, json(users.approver, teamRule()));
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ teamId, teamName: `it-team-alerts-${u}` });
      const ruleId = created.body.id;
      const params = { ...L, ruleId };
      // another team's approver may neither change nor delete it; the owner may
      expect(
        (await callRoute(putRule, `${rulesUrl}/${ruleId}`, params, json(users.otherApprover, teamRule(), "PUT")))
          .status,
      ).toBe(403);
      expect(
        (await callRoute(deleteRule, `${rulesUrl}/${ruleId}`, params, { method: "DELETE", ...as(users.otherApprover) }))
          .status,
      ).toBe(403);
      expect(
        (
          await callRoute(
            putRule,
            `${rulesUrl}/${ruleId}`,
            params,
            json(users.approver, teamRule({ forSeconds: 0 }), "PUT"),
          )
        ).status,
      ).toBe(200);
      const listed = await callRoute<{ rules: Rule[] }>(overview, "/api/clusters/local/alerts", L, as(users.member));
      expect(listed.body.rules.find((r) => r.id === ruleId)?.teamName).toBe(`it-team-alerts-${u}`);

      // A real consumer reads the first 10 records, commits, and stops; 10 more arrive that nobody reads.
      await produce(topic, 10);
      const kafka = new Kafka({
        clientId: "team-alerts",
        brokers: [`127.0.0.1:${process.env.KAFKA_PORT}`],
        logLevel: logLevel.NOTHING,
      });
      const consumer = kafka.consumer({ groupId: group, sessionTimeout: 10_000 });
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      let seen = 0;
      await consumer.run({ eachMessage: async () => void seen++ });
      expect(await until(() => seen >= 10, 30_000)).toBe(true);
      await consumer.disconnect(); // commits what it read and leaves the group
      await produce(topic, 10);

      sampler = new MetricsSampler("local", `team-alerts-${u}`);
      const s = sampler;
      s.afterTick.add((tick, sampled) =>
        sampled ? evaluateAlerts({ clusterId: "local", tick, groupDetail: s.groupDetail }) : undefined,
      );
      s.start();
      const fired = (h: { path: string; body: string }) =>
        h.path === "/team-hook" && JSON.parse(h.body).state === "firing";
      expect(await until(() => hits.some(fired), 60_000)).toBe(true);
      const payload = JSON.parse(hits.find(fired)!.body);
      expect(payload).toMatchObject({ subject: group, rule: { id: ruleId } });
      expect(payload.message).toMatch(/is STOP/);

      // the team's members see it in their bell (a link to the alerts page); people outside the team do not
      const bell = await callRoute<{
        notifications: { kind: string; subject: string; message: string; link: string }[];
      }>(myNotifications, "/api/me/notifications", {}, as(users.member));
      const mine = bell.body.notifications.find((n) => n.kind === "alert.firing" && n.subject === group);
      expect(mine?.message).toMatch(new RegExp(`^billing stopped ${u}: Group`));
      expect(mine?.link).toBe("/clusters/local/alerts");
      const other = await callRoute<{ notifications: { subject: string }[] }>(
        myNotifications,
        "/api/me/notifications",
        {},
        as(users.otherApprover),
      );
      expect(other.body.notifications.some((n) => n.subject === group)).toBe(false);

      // the approver reads the delivery log and silences their own rule, but not every rule; the other team's approver cannot
      expect((await callRoute(deliveries, `${rulesUrl}/${ruleId}/deliveries`, params, as(users.approver))).status).toBe(
        200,
      );
      expect(
        (await callRoute(deliveries, `${rulesUrl}/${ruleId}/deliveries`, params, as(users.otherApprover))).status,
      ).toBe(403);
      const silence = await callRoute<{ id: string }>(
        createSilence,
        "/api/clusters/local/alerts/silences",
        L,
        json(users.approver, { ruleId, reason: "deploying", minutes: 10 }),
      );
      expect(silence.status).toBe(201);
      const everything = await callRoute<Envelope>(
        createSilence,
        "/api/clusters/local/alerts/silences",
        L,
        json(users.approver, { reason: "all", minutes: 10 }),
      );
      expect(everything.status).toBe(403);
      expect(everything.body.error.details?.[0].path).toBe("ruleId");
      expect(
        (
          await callRoute(
            createSilence,
            "/api/clusters/local/alerts/silences",
            L,
            json(users.otherApprover, { ruleId, reason: "x", minutes: 10 }),
          )
        ).status,
      ).toBe(403);
      const sp = { ...L, silenceId: silence.body.id };
      expect(
        (
          await callRoute(deleteSilence, `/api/clusters/local/alerts/silences/${silence.body.id}`, sp, {
            method: "DELETE",
            ...as(users.otherApprover),
          })
        ).status,
      ).toBe(403);
      expect(
        (
          await callRoute(deleteSilence, `/api/clusters/local/alerts/silences/${silence.body.id}`, sp, {
            method: "DELETE",
            ...as(users.approver),
          })
        ).status,
      ).toBe(204);

      // The consumer comes back and catches up: resolved at the webhook and in the bell.
      const again = kafka.consumer({ groupId: group, sessionTimeout: 10_000 });
      await again.connect();
      await again.subscribe({ topic, fromBeginning: true });
      await again.run({ eachMessage: async () => {} });
      try {
        expect(
          await until(
            () => hits.some((h) => h.path === "/team-hook" && JSON.parse(h.body).state === "resolved"),
            60_000,
          ),
        ).toBe(true);
      } finally {
        await again.disconnect();
      }
      expect(
        await prisma.userNotification.count({
          where: { userId: users.member.id, kind: "alert.resolved", subject: group },
        }),
      ).toBe(1);
      expect(
        (await callRoute(deleteRule, `${rulesUrl}/${ruleId}`, params, { method: "DELETE", ...as(users.approver) }))
          .status,
      ).toBe(204);
    },
  );
});
