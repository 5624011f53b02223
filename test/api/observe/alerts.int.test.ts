import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as overview } from "@/app/api/clusters/[clusterId]/alerts/route";
import { GET as deliveries } from "@/app/api/clusters/[clusterId]/alerts/rules/[ruleId]/deliveries/route";
import { DELETE as deleteRule, PUT as putRule } from "@/app/api/clusters/[clusterId]/alerts/rules/[ruleId]/route";
import { GET as listRules, POST as createRule } from "@/app/api/clusters/[clusterId]/alerts/rules/route";
import { POST as createSilence } from "@/app/api/clusters/[clusterId]/alerts/silences/route";
import { prisma } from "@/server/db/prisma";
import { MetricsSampler } from "@/server/metrics/sampler";
import { evaluateAlerts } from "@/server/services/alerts/evaluate";
import { emitEvent } from "@/server/services/alerts/events";
import { deliverDue } from "@/server/services/alerts/outbox";
import { holdsWithin } from "../../poll";
import { catchMails, type CaughtMail } from "../../smtp-catcher";
import { callRoute, type Envelope } from "../../call-route";
import { commitOffsets, produce, testAdmin, uniqueTopic } from "../../kafka-admin";

// Alert rules against the real broker, evaluated by the sampler, delivered through the outbox to real receivers: an
// HTTP server this test starts (generic webhook with HMAC signature, Slack format) and a real SMTP server.
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const admin = testAdmin();
const topic = uniqueTopic("alerts");
const group = `${topic}.consumer`;
const SECRET = "webhook-secret-123";
type Hit = { path: string; headers: Record<string, string | string[] | undefined>; body: string };
const hits: Hit[] = [];
const mails: CaughtMail[] = [];
let failNext = 0;
let http: Server;
let smtp: SMTPServer;
let base = "";
const samplers: MetricsSampler[] = [];

const json = (body: unknown) => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});
const rule = (name: string, params: unknown, extra: Record<string, unknown> = {}) => ({
  name,
  params,
  channels: [
    { type: "webhook", url: `${base}/hook`, secret: SECRET },
    { type: "slack", url: `${base}/slack` },
    { type: "email", to: ["oncall@sluice.test"] },
  ],
  ...extra,
});
const until = (pred: () => boolean | Promise<boolean>, ms = 20_000) => holdsWithin(pred, ms, 200, deliverDue);

function startSampler(clusterId: string, id: string) {
  const s = new MetricsSampler(clusterId, id);
  s.afterTick.add((tick, sampled) =>
    sampled ? evaluateAlerts({ clusterId, tick, groupDetail: s.groupDetail }) : undefined,
  );
  samplers.push(s);
  s.start();
  return s;
}

beforeAll(async () => {
  process.env.SLUICE_NOTIFY_BACKOFF_MS = "200";
  http = createServer((req, res) => {
    let body = "";
    req.on("data", (d) => (body += d));
    req.on("end", () => {
      if (failNext > 0) {
        failNext--;
        res.writeHead(503).end("down");
        return;
      }
      hits.push({ path: req.url ?? "", headers: req.headers, body });
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((r) => http.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  smtp = await catchMails(mails);
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
  await produce(topic, 20);
  await prisma.alertRule.deleteMany({ where: { clusterId: { in: ["local", "local-readonly", "offline"] } } });
  await prisma.samplerLease.deleteMany({ where: { clusterId: { in: ["local", "offline"] } } });
  await prisma.observationEvent.updateMany({ where: { handledAt: null }, data: { handledAt: new Date() } });
});

afterAll(async () => {
  await Promise.all(samplers.map((s) => s.stop()));
  await prisma.alertRule.deleteMany({ where: { clusterId: { in: ["local", "local-readonly", "offline"] } } });
  await admin.deleteGroups([group]).catch(() => {});
  await admin.deleteTopics({ topics: [topic] }).catch(() => {});
  await admin.disconnect();
  await new Promise((r) => http.close(r));
  await new Promise<void>((r) => smtp.close(() => r()));
});

describe("alert rules: REST", () => {
  it("validates, creates, lists, updates and deletes rules (audited); allowed on read-only clusters", async () => {
    const bad = await callRoute<Envelope>(
      createRule,
      "/api/clusters/local/alerts/rules",
      { clusterId: "local" },
      json(rule("bad", { kind: "group_lag_seconds", thresholdSeconds: -5 })),
    );
    expect(bad.status).toBe(422);
    expect(bad.body.error.details?.[0].path).toBe("params.thresholdSeconds");
    const created = await callRoute<{ id: string; channels: { secret?: string }[] }>(
      createRule,
      "/api/clusters/local-readonly/alerts/rules",
      { clusterId: "local-readonly" },
      json(rule("lag", { kind: "group_lag_seconds", thresholdSeconds: 60 }, { forSeconds: 120 })),
    );
    expect(created.status).toBe(201);
    expect(created.body.channels[0].secret).toBe("********");
    const listed = await callRoute<{ rules: { id: string; name: string }[] }>(
      listRules,
      "/api/clusters/local-readonly/alerts/rules",
      { clusterId: "local-readonly" },
    );
    expect(listed.body.rules.map((r) => r.name)).toEqual(["lag"]);
    const params = { clusterId: "local-readonly", ruleId: created.body.id };
    const updated = await callRoute<{ name: string }>(
      putRule,
      `/api/clusters/local-readonly/alerts/rules/${created.body.id}`,
      params,
      { ...json(rule("lag renamed", { kind: "group_lag_seconds", thresholdSeconds: 90 })), method: "PUT" },
    );
    expect(updated.body.name).toBe("lag renamed");
    // the masked secret sent back keeps the stored one
    const stored = await prisma.alertRule.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(JSON.parse(stored.channels)[0].secret).toBe(SECRET);
    expect(
      (
        await callRoute(deleteRule, `/api/clusters/local-readonly/alerts/rules/${created.body.id}`, params, {
          method: "DELETE",
        })
      ).status,
    ).toBe(204);
    const audit = await prisma.auditEvent.findMany({
      where: { clusterId: "local-readonly", action: { startsWith: "alert.rule_" } },
      orderBy: { createdAt: "desc" },
      take: 3,
    });
    expect(audit.map((a) => a.action).sort()).toEqual([
      "alert.rule_created",
      "alert.rule_deleted",
      "alert.rule_updated",
    ]);
  });
});

describe("alert rules: firing and resolving against the real broker", () => {
  it(
    "a stopped group fires (webhook signed, Slack format, e-mail), resolves when it catches up, with history",
    { timeout: 90_000 },
    async () => {
      await commitOffsets(group, topic, { 0: 5 });
      const res = await callRoute<{ id: string }>(
        createRule,
        "/api/clusters/local/alerts/rules",
        { clusterId: "local" },
        json(
          rule("stopped consumers", {
            kind: "group_health",
            group: `${topic}*`,
            statuses: ["STALL", "STOP", "REWIND"],
          }),
        ),
      );
      expect(res.status).toBe(201);
      const ruleId = res.body.id;
      failNext = 1; // the webhook receiver is down once: retried with backoff, visible in the delivery log
      startSampler("local", "alerts-local");
      const firing = (h: Hit) => h.body.includes('"state":"firing"') || h.body.includes("*FIRING*");
      // Request events of earlier test files may also be e-mailed to their people (the notifications inbox): only the
      // rule's own recipient counts here.
      const oncall = () => mails.filter((m) => m.to.includes("oncall@sluice.test"));
      expect(await until(() => hits.filter(firing).length >= 2 && oncall().length >= 1, 40_000)).toBe(true);

      const hook = hits.find((h) => h.path === "/hook" && firing(h))!;
      const payload = JSON.parse(hook.body);
      expect(payload).toMatchObject({
        cluster: "local",
        subject: group,
        state: "firing",
        rule: { id: ruleId, name: "stopped consumers" },
      });
      expect(payload.message).toMatch(/is STOP/);
      expect(hook.headers["x-sluice-signature"]).toBe(
        `sha256=${createHmac("sha256", SECRET).update(hook.body).digest("hex")}`,
      );
      const slack = JSON.parse(hits.find((h) => h.path === "/slack")!.body);
      expect(slack.text).toMatch(/FIRING\* \[local\] Group ".*" is STOP/);
      expect(slack.blocks[0].text.type).toBe("mrkdwn");
      const mail = oncall()[0];
      expect(mail.to).toEqual(["oncall@sluice.test"]);
      expect(mail.raw).toMatch(/^Subject: =\?UTF-8\?Q\?=5BSluice_firing=5D_local=3A_Group/m); // "[Sluice firing] local: Group …", MIME-encoded
      expect(mail.raw).toMatch(/State: firing/);

      const log = await callRoute<{
        deliveries: {
          channelType: string;
          status: string;
          attempts: number;
          attemptLog: { ok: boolean; detail: string }[];
        }[];
      }>(deliveries, `/api/clusters/local/alerts/rules/${ruleId}/deliveries`, { clusterId: "local", ruleId });
      const webhook = log.body.deliveries.find((d) => d.channelType === "webhook")!;
      expect(webhook.status).toBe("sent");
      expect(webhook.attemptLog.map((a) => a.ok)).toEqual([false, true]);
      expect(webhook.attemptLog[0].detail).toMatch(/HTTP 503/);

      const ov = await callRoute<{ states: { subject: string; state: string }[] }>(
        overview,
        "/api/clusters/local/alerts",
        { clusterId: "local" },
      );
      expect(ov.body.states).toContainEqual(expect.objectContaining({ subject: group, state: "firing" }));

      // The consumer catches up: the rule resolves and says so on every channel.
      await commitOffsets(group, topic, { 0: 20 });
      expect(
        await until(
          () => hits.some((h) => h.path === "/hook" && JSON.parse(h.body).state === "resolved") && mails.length >= 2,
          30_000,
        ),
      ).toBe(true);
      const history = await prisma.alertHistory.findMany({ where: { ruleId }, orderBy: { at: "asc" } });
      expect(history.map((h) => h.state)).toEqual(["firing", "resolved"]);
      // each transition was delivered once per channel (idempotency keys)
      expect(hits.filter((h) => h.path === "/hook").length).toBe(2);
      // deleting the rule takes its states and history with it (the page never lists a history row without its rule)
      expect(
        (
          await callRoute(
            deleteRule,
            `/api/clusters/local/alerts/rules/${ruleId}`,
            { clusterId: "local", ruleId },
            { method: "DELETE" },
          )
        ).status,
      ).toBe(204);
      expect(await prisma.alertHistory.count({ where: { ruleId } })).toBe(0);
      expect(await prisma.alertState.count({ where: { ruleId } })).toBe(0);
    },
  );

  it(
    "for-duration holds a condition as pending; a silence suppresses notifications; events reach event rules",
    { timeout: 60_000 },
    async () => {
      const idle = await callRoute<{ id: string }>(
        createRule,
        "/api/clusters/local/alerts/rules",
        { clusterId: "local" },
        json(rule("idle topic", { kind: "topic_idle", topic, minutes: 0.05 })),
      );
      const silenced = await callRoute<{ id: string }>(
        createRule,
        "/api/clusters/local/alerts/rules",
        { clusterId: "local" },
        json(rule("silenced idle", { kind: "topic_idle", topic, minutes: 0.05 })),
      );
      expect(
        (
          await callRoute(
            createSilence,
            "/api/clusters/local/alerts/silences",
            { clusterId: "local" },
            json({ ruleId: silenced.body.id, reason: "maintenance", minutes: 30 }),
          )
        ).status,
      ).toBe(201);
      const events = await callRoute<{ id: string }>(
        createRule,
        "/api/clusters/local/alerts/rules",
        { clusterId: "local" },
        json(rule("requests", { kind: "event", events: ["request.submitted"] })),
      );
      // topic_idle needs 3 s of no produce (minutes 0.05): first pending, then firing
      expect(
        await until(
          async () => (await prisma.alertState.findFirst({ where: { ruleId: idle.body.id } }))?.state === "pending",
          10_000,
        ),
      ).toBe(true);
      expect(
        await until(
          async () => (await prisma.alertState.findFirst({ where: { ruleId: idle.body.id } }))?.state === "firing",
          15_000,
        ),
      ).toBe(true);
      expect(
        await until(() => hits.some((h) => h.path === "/hook" && JSON.parse(h.body).rule.id === idle.body.id), 10_000),
      ).toBe(true);
      // the silenced rule fired too (state and history) but sent nothing
      expect((await prisma.alertState.findFirst({ where: { ruleId: silenced.body.id } }))?.state).toBe("firing");
      expect(await prisma.notificationOutbox.count({ where: { ruleId: silenced.body.id } })).toBe(0);

      await emitEvent({
        kind: "request.submitted",
        clusterId: "local",
        subject: "req-1",
        data: { topic: "it.some.topic", requester: "dev@sluice.test" },
      });
      expect(
        await until(
          () => hits.some((h) => h.path === "/hook" && JSON.parse(h.body).rule.id === events.body.id),
          10_000,
        ),
      ).toBe(true);
      const ev = JSON.parse(
        hits.find((h) => h.path === "/hook" && JSON.parse(h.body).rule.id === events.body.id)!.body,
      );
      expect(ev).toMatchObject({
        state: "event",
        event: "request.submitted",
        subject: "req-1",
        data: { requester: "dev@sluice.test" },
      });
    },
  );

  it("a broker log dir fuller than the threshold fires (sizes from DescribeLogDirs)", { timeout: 30_000 }, async () => {
    const r = await callRoute<{ id: string }>(
      createRule,
      "/api/clusters/local/alerts/rules",
      { clusterId: "local" },
      json(rule("disk", { kind: "disk", percent: 0.001 }, { channels: [] })),
    );
    expect(r.status).toBe(201);
    expect(
      await until(
        async () => (await prisma.alertState.findFirst({ where: { ruleId: r.body.id } }))?.state === "firing",
        15_000,
      ),
    ).toBe(true);
    const state = await prisma.alertState.findFirstOrThrow({ where: { ruleId: r.body.id } });
    expect(state.subject).toMatch(/^broker 1 \//);
    expect(state.message).toMatch(/% full \(threshold 0.001 %\)/);
  });

  it(
    "an unreachable cluster is one alert, and queued notifications survive a restart (sent once)",
    { timeout: 60_000 },
    async () => {
      const r = await callRoute<{ id: string }>(
        createRule,
        "/api/clusters/offline/alerts/rules",
        { clusterId: "offline" },
        json(rule("down", { kind: "cluster_unreachable" })),
      );
      await callRoute(
        createRule,
        "/api/clusters/offline/alerts/rules",
        { clusterId: "offline" },
        json(rule("health", { kind: "group_health", statuses: ["STOP"] })),
      );
      const before = hits.length;
      startSampler("offline", "alerts-offline");
      // no delivery yet: the rows wait in the outbox as they would across a restart
      expect(
        await (async () => {
          for (let i = 0; i < 50; i++) {
            if ((await prisma.notificationOutbox.count({ where: { ruleId: r.body.id } })) >= 3) return true;
            await wait(200);
          }
          return false;
        })(),
      ).toBe(true);
      expect(hits.length).toBe(before);
      expect(
        await until(
          () => hits.filter((h) => h.path === "/hook" && JSON.parse(h.body).rule.id === r.body.id).length >= 1,
          15_000,
        ),
      ).toBe(true);
      await wait(1_500);
      await deliverDue();
      const down = hits.filter((h) => h.path === "/hook" && JSON.parse(h.body).cluster === "offline");
      expect(down).toHaveLength(1);
      expect(JSON.parse(down[0].body).message).toMatch(/unreachable/);
    },
  );
});
