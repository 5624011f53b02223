import { execFileSync, spawnSync } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Kafka, logLevel, type Admin } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as createRule } from "@/app/api/clusters/[clusterId]/alerts/rules/route";
import { prisma } from "@/server/db/prisma";
import { MetricsSampler } from "@/server/metrics/sampler";
import { evaluateAlerts } from "@/server/services/alerts/evaluate";
import { deliverDue } from "@/server/services/alerts/outbox";
import { holdsWithin } from "../../poll";
import { callRoute } from "../../call-route";
import { ROOT } from "../../infra";
import { TEST_STACK } from "../../stack";

/**
 * broker_missing and partitions rules on the 3-broker variant (cluster "local3", sampled every second here): one broker is stopped for real, both rules fire at the webhook, and both resolve once it
 * is back and in sync. It stops a broker, so it runs only with SLUICE_DISRUPTIVE_TESTS=1.
 */
const C = "local3";
const disruptive = process.env.SLUICE_DISRUPTIVE_TESTS === "1";
const kafka3 = (...args: string[]) =>
  execFileSync("bash", ["dev/kafka.sh", "--brokers", "3", ...args], { cwd: ROOT, stdio: "ignore", timeout: 120_000 });
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const topic = `it.brokeralerts.${Date.now().toString(36)}`;
const hits: { rule: { id: string }; state: string; message: string; at: string }[] = [];
let http: Server;
let base = "";
let admin: Admin;
let sampler: MetricsSampler | null = null;

const until = (pred: () => boolean, ms: number) => holdsWithin(pred, ms, 250, deliverDue);

describe.runIf(disruptive)("broker and partition alerts on three brokers (stops a broker)", () => {
  beforeAll(async () => {
    if (spawnSync("bash", ["dev/kafka.sh", "--brokers", "3", "status"], { cwd: ROOT, stdio: "ignore" }).status !== 0) {
      throw new Error(
        `The 3-broker variant is not running on ${TEST_STACK.bootstrap3}: start it with \`bash dev/kafka.sh --brokers 3 start\`.`,
      );
    }
    http = createServer((req, res) => {
      let body = "";
      req.on("data", (d) => (body += d));
      req.on("end", () => {
        hits.push(JSON.parse(body));
        res.writeHead(200).end("ok");
      });
    });
    await new Promise<void>((r) => http.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    admin = new Kafka({
      clientId: "broker-alerts",
      brokers: TEST_STACK.bootstrap3.split(","),
      logLevel: logLevel.NOTHING,
    }).admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 3, replicationFactor: 3 }], waitForLeaders: true });
    await prisma.alertRule.deleteMany({ where: { clusterId: C } });
    await prisma.samplerLease.deleteMany({ where: { clusterId: C } });
  });

  afterAll(async () => {
    kafka3("start"); // whatever happened, leave all three brokers running
    await sampler?.stop();
    await prisma.alertRule.deleteMany({ where: { clusterId: C } });
    await admin.deleteTopics({ topics: [topic] }).catch(() => {});
    await admin.disconnect();
    await new Promise((r) => http.close(r));
  });

  it(
    "a stopped broker fires broker_missing and under-replicated partitions; both resolve when it is back",
    { timeout: 240_000 },
    async () => {
      const post = (name: string, params: unknown) =>
        callRoute<{ id: string }>(
          createRule,
          `/api/clusters/${C}/alerts/rules`,
          { clusterId: C },
          {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ name, params, channels: [{ type: "webhook", url: `${base}/hook` }] }),
          },
        );
      const missing = await post("broker missing", { kind: "broker_missing", expectedBrokers: 3 });
      const under = await post("under-replicated", { kind: "partitions", condition: "under_replicated", threshold: 0 });
      expect([missing.status, under.status]).toEqual([201, 201]);
      const s = new MetricsSampler(C, "broker-alerts", 1_000); // every second (the cluster's own interval is 5 s)
      sampler = s;
      s.afterTick.add((tick, sampled) =>
        sampled ? evaluateAlerts({ clusterId: C, tick, groupDetail: s.groupDetail }) : undefined,
      );
      s.start();
      const of = (id: string, state: string) => hits.find((h) => h.rule.id === id && h.state === state);
      // all three up: nothing fires
      await wait(4_000);
      expect(hits).toEqual([]);

      const stoppedAt = Date.now();
      kafka3("--node", "3", "stop");
      expect(await until(() => !!of(missing.body.id, "firing") && !!of(under.body.id, "firing"), 90_000)).toBe(true);
      const firedIn = Date.now() - stoppedAt;
      expect(of(missing.body.id, "firing")!.message).toBe(`Cluster "${C}" has 2 live brokers, 3 expected`);
      expect(of(under.body.id, "firing")!.message).toMatch(/^\d+ under-replicated partitions? on cluster "local3"$/);

      kafka3("--node", "3", "start");
      expect(await until(() => !!of(missing.body.id, "resolved") && !!of(under.body.id, "resolved"), 150_000)).toBe(
        true,
      );
      const history = await prisma.alertHistory.findMany({
        where: { ruleId: { in: [missing.body.id, under.body.id] } },
        orderBy: { at: "asc" },
      });
      expect(history.filter((h) => h.ruleId === missing.body.id).map((h) => h.state)).toEqual(["firing", "resolved"]);
      expect(history.filter((h) => h.ruleId === under.body.id).map((h) => h.state)).toEqual(["firing", "resolved"]);
      console.log(`[broker-alerts] broker stop → both rules at the webhook in ${(firedIn / 1000).toFixed(1)} s`);
    },
  );
});
