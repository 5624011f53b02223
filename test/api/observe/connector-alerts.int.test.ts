import fs from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as createRule } from "@/app/api/clusters/[clusterId]/alerts/rules/route";
import { prisma } from "@/server/db/prisma";
import { MetricsSampler } from "@/server/metrics/sampler";
import { evaluateAlerts } from "@/server/services/alerts/evaluate";
import { deliverDue } from "@/server/services/alerts/outbox";
import { holdsWithin } from "../../poll";
import { callRoute, type Envelope } from "../../call-route";
import { ensureConnect } from "../../infra";
import { testAdmin, uniqueTopic } from "../../kafka-admin";
import { TEST_STACK } from "../../stack";

// connector_failed against the real Kafka Connect worker: a sink whose file cannot be written fails at run time, the
// sampler's evaluation fires the rule (the webhook receives it), deleting the connector resolves it. The config's
// second Connect cluster ("down", nothing listening) is unreadable: it neither fires nor blocks the real worker's alerts.
const u = Date.now().toString(36);
const SINK_CLASS = "org.apache.kafka.connect.file.FileStreamSinkConnector";
const SOURCE_CLASS = "org.apache.kafka.connect.file.FileStreamSourceConnector";
const broken = `it-cf-broken-${u}`;
const healthy = `it-cf-ok-${u}`;
const topic = uniqueTopic("cf");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sluice-cf-"));
const kafka = testAdmin();
const hits: { state: string; subject: string; message: string }[] = [];
let http: Server;
let base = "";
let sampler: MetricsSampler | null = null;
let stopConnect = () => {};
let ruleId = "";

const json = (body: unknown) => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});
const worker = (p: string, init?: RequestInit) => fetch(`${TEST_STACK.connectUrl}${p}`, init);
const putConnector = (name: string, config: Record<string, string>) =>
  worker(`/connectors/${name}/config`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(config),
  });
const until = (pred: () => boolean | Promise<boolean>, ms = 60_000) => holdsWithin(pred, ms, 300, deliverDue);
const stateOf = (subject: string) => prisma.alertState.findUnique({ where: { ruleId_subject: { ruleId, subject } } });

beforeAll(async () => {
  stopConnect = ensureConnect();
  http = createServer((req, res) => {
    let body = "";
    req.on("data", (d) => (body += d));
    req.on("end", () => {
      hits.push(JSON.parse(body) as (typeof hits)[number]);
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((r) => http.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  await kafka.connect();
  await kafka.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
  fs.writeFileSync(path.join(dir, "in.txt"), "one\ntwo\n");
  await prisma.alertRule.deleteMany({ where: { clusterId: "local" } });
  await prisma.samplerLease.deleteMany({ where: { clusterId: "local" } });
}, 180_000);

afterAll(async () => {
  await sampler?.stop();
  for (const name of [broken, healthy]) await worker(`/connectors/${name}`, { method: "DELETE" }).catch(() => {});
  await prisma.alertRule.deleteMany({ where: { clusterId: "local" } });
  await kafka.deleteTopics({ topics: [topic] }).catch(() => {});
  await kafka.disconnect();
  await new Promise((r) => http.close(r));
  fs.rmSync(dir, { recursive: true, force: true });
  stopConnect();
}, 60_000);

describe("connector_failed alerts", () => {
  it("validates the rule: a bad connector pattern is a 422 naming the field", async () => {
    const bad = await callRoute<Envelope>(
      createRule,
      "/api/clusters/local/alerts/rules",
      { clusterId: "local" },
      json({ name: "cf", params: { kind: "connector_failed", connector: "a*b" } }),
    );
    expect(bad.status).toBe(422);
    expect(bad.body.error.details?.[0].path).toBe("params.connector");
  });

  it(
    "fires for a connector whose task FAILED on the real worker, not for a running one, and resolves when it is gone",
    { timeout: 180_000 },
    async () => {
      const created = await callRoute<{ id: string }>(
        createRule,
        "/api/clusters/local/alerts/rules",
        { clusterId: "local" },
        json({
          name: "connectors failing",
          params: { kind: "connector_failed", connector: `it-cf-*` },
          channels: [{ type: "webhook", url: `${base}/hook` }],
        }),
      );
      expect(created.status).toBe(201);
      ruleId = created.body.id;
      expect(
        (
          await putConnector(healthy, {
            "connector.class": SOURCE_CLASS,
            "tasks.max": "1",
            file: path.join(dir, "in.txt"),
            topic,
          })
        ).ok,
      ).toBe(true);
      expect(
        (
          await putConnector(broken, {
            "connector.class": SINK_CLASS,
            "tasks.max": "1",
            file: path.join(dir, "no-such-dir", "out.txt"),
            topics: topic,
          })
        ).ok,
      ).toBe(true);
      sampler = new MetricsSampler("local", "connector-alerts-test");
      const s = sampler;
      s.afterTick.add((tick, sampled) =>
        sampled ? evaluateAlerts({ clusterId: "local", tick, groupDetail: s.groupDetail }) : undefined,
      );
      s.start();

      expect(await until(async () => (await stateOf(`local/${broken}`))?.state === "firing")).toBe(true);
      const st = (await stateOf(`local/${broken}`))!;
      expect(st.message).toBe(`1 of 1 task of the connector "${broken}" on Connect cluster "local" FAILED`);
      expect(st.value).toBe(1);
      expect(await stateOf(`local/${healthy}`)).toBeNull();
      expect(await prisma.alertState.count({ where: { ruleId, subject: { startsWith: "down/" } } })).toBe(0);
      expect(await until(() => hits.some((h) => h.state === "firing" && h.subject === `local/${broken}`))).toBe(true);

      expect((await worker(`/connectors/${broken}`, { method: "DELETE" })).status).toBe(204);
      expect(await until(async () => (await stateOf(`local/${broken}`))?.state === "resolved")).toBe(true);
      expect(await until(() => hits.some((h) => h.state === "resolved" && h.subject === `local/${broken}`))).toBe(true);
      expect(
        (await prisma.alertHistory.findMany({ where: { ruleId }, orderBy: { at: "asc" } })).map((h) => h.state),
      ).toEqual(["firing", "resolved"]);
    },
  );
});
