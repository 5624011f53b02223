import kafkajs from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getDefaults, PATCH as alterDefaults } from "@/app/api/clusters/[clusterId]/broker-defaults/route";
import { PATCH as alterBroker } from "@/app/api/clusters/[clusterId]/brokers/[brokerId]/configs/route";
import { PATCH as alterTopic } from "@/app/api/clusters/[clusterId]/topics/[topicName]/configs/route";
import type { BrokerDefaultConfigs } from "@/lib/schemas/configs";
import type { ConfigDiff } from "@/lib/schemas/topics";
import { prisma } from "@/server/db/prisma";
import { testUser } from "../../auth";
import { callRoute, type Envelope } from "../../call-route";
import { kcatMetadata } from "../../infra";
import { brokerOverrides, testAdmin, uniqueTopic } from "../../kafka-admin";

const { ConfigResourceTypes } = kafkajs;
// An independent client (kafkajs, not Sluice's pool or its @platformatic/kafka admin) checks what the broker holds.
const admin = testAdmin();
const topic = uniqueTopic("incr");
const json = (method: string, body: unknown, cookie?: string) => ({
  method,
  body: JSON.stringify(body),
  headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
});
const topicPatch = (body: unknown, query = "") =>
  callRoute<ConfigDiff & Envelope>(
    alterTopic,
    `/api/clusters/local/topics/${topic}/configs${query}`,
    { clusterId: "local", topicName: topic },
    json("PATCH", body),
  );
const brokerId = () => String(kcatMetadata().brokers[0].id);
const brokerPatch = (body: unknown, query = "", clusterId = "local", cookie?: string) =>
  callRoute<ConfigDiff & Envelope>(
    alterBroker,
    `/api/clusters/${clusterId}/brokers/${brokerId()}/configs${query}`,
    { clusterId, brokerId: brokerId() },
    json("PATCH", body, cookie),
  );
const defaultsPatch = (body: unknown, query = "") =>
  callRoute<ConfigDiff & Envelope>(
    alterDefaults,
    `/api/clusters/local/broker-defaults${query}`,
    { clusterId: "local" },
    json("PATCH", body),
  );

/**
 * A broker's configs in effect from one level: source 2 = set on this broker, 3 = the cluster-wide default (kafkajs
 * refuses the default's empty resource name, so the default is read as the value broker N takes from it).
 */
async function brokerLevel(name: string, source: 2 | 3): Promise<Record<string, string>> {
  const res = await admin.describeConfigs({
    includeSynonyms: false,
    resources: [{ type: ConfigResourceTypes.BROKER, name }],
  });
  return Object.fromEntries(
    (res.resources[0]?.configEntries ?? [])
      .filter((e) => (e as { configSource?: number }).configSource === source)
      .map((e) => [e.configName, e.configValue as string]),
  );
}

beforeAll(async () => {
  await admin.connect();
  await admin.createTopics({
    topics: [{ topic, numPartitions: 1, configEntries: [{ name: "max.message.bytes", value: "2048" }] }],
  });
});
afterAll(async () => {
  // leave the shared test broker as it was
  await brokerPatch({ reset: ["log.cleaner.backoff.ms"] }).catch(() => {});
  await defaultsPatch({ reset: ["log.cleaner.backoff.ms"] }).catch(() => {});
  await admin.deleteTopics({ topics: [topic] }).catch(() => {});
  await admin.disconnect();
});

describe("topic configs through IncrementalAlterConfigs", () => {
  it("sets, deletes, appends and subtracts, as the broker reports afterwards", async () => {
    const set = await topicPatch({ set: { "retention.ms": "3600000" } });
    expect(set.status).toBe(200);
    expect(set.body.changes).toEqual([{ name: "retention.ms", before: null, after: "3600000" }]);
    expect(await brokerOverrides(admin, topic)).toEqual({ "retention.ms": "3600000", "max.message.bytes": "2048" });

    const del = await topicPatch({ reset: ["max.message.bytes"] });
    expect(del.body.changes).toEqual([{ name: "max.message.bytes", before: "2048", after: null }]);
    expect(await brokerOverrides(admin, topic)).toEqual({ "retention.ms": "3600000" });

    // cleanup.policy defaults to "delete": APPEND adds to the value in effect
    const preview = await topicPatch({ append: { "cleanup.policy": "compact" } }, "?dryRun=true");
    expect(preview.body).toMatchObject({
      dryRun: true,
      changes: [{ name: "cleanup.policy", before: null, after: "delete,compact" }],
    });
    expect(await brokerOverrides(admin, topic)).toEqual({ "retention.ms": "3600000" });
    const append = await topicPatch({ append: { "cleanup.policy": "compact" } });
    expect(append.status).toBe(200);
    expect((await brokerOverrides(admin, topic))["cleanup.policy"]).toBe("delete,compact");

    const subtract = await topicPatch({ subtract: { "cleanup.policy": "delete" } });
    expect(subtract.body.changes).toEqual([{ name: "cleanup.policy", before: "delete,compact", after: "compact" }]);
    expect(await brokerOverrides(admin, topic)).toEqual({ "retention.ms": "3600000", "cleanup.policy": "compact" });

    const rows = await prisma.auditEvent.findMany({ where: { target: topic, action: "topic.config_altered" } });
    expect(rows).toHaveLength(4);
  });

  it("loses no update when two edits of different keys race", async () => {
    for (let round = 0; round < 5; round++) {
      const a = String(1_000_000 + round);
      const b = String(2_000_000 + round);
      const [r1, r2] = await Promise.all([
        topicPatch({ set: { "segment.ms": a } }),
        topicPatch({ set: { "delete.retention.ms": b } }),
      ]);
      expect([r1.status, r2.status]).toEqual([200, 200]);
      const held = await brokerOverrides(admin, topic);
      expect([held["segment.ms"], held["delete.retention.ms"]]).toEqual([a, b]);
    }
  });

  it("refuses an op on a key twice, an unknown key, and appending to a non-list config with the broker's reason", async () => {
    const twice = await topicPatch({ set: { "retention.ms": "1" }, reset: ["retention.ms"] });
    expect(twice.status).toBe(422);
    const unknown = await topicPatch({ append: { "retention.msx": "1" } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.message).toMatch(/unknown topic config "retention\.msx"/);
    const notList = await topicPatch({ append: { "retention.ms": "5" } }, "?dryRun=true");
    expect(notList.status).toBe(422);
    expect(notList.body.error.message).toMatch(
      /The broker refused the change \(INVALID_(CONFIG|REQUEST)\): .*retention\.ms/,
    );
  });
});

describe("broker dynamic configs", () => {
  it("previews with validateOnly (nothing changes), then sets a per-broker value the broker reports", async () => {
    const preview = await brokerPatch({ set: { "log.cleaner.backoff.ms": "16000" } }, "?dryRun=true");
    expect(preview.status).toBe(200);
    expect(preview.body.changes).toEqual([{ name: "log.cleaner.backoff.ms", before: null, after: "16000" }]);
    expect((await brokerLevel(brokerId(), 2))["log.cleaner.backoff.ms"]).toBeUndefined();

    const set = await brokerPatch({ set: { "log.cleaner.backoff.ms": "16000" } });
    expect(set.status).toBe(200);
    expect((await brokerLevel(brokerId(), 2))["log.cleaner.backoff.ms"]).toBe("16000");
    const row = await prisma.auditEvent.findFirst({
      where: { action: "broker.config_altered", target: brokerId() },
      orderBy: { createdAt: "desc" },
    });
    expect(row?.result).toBe("success");

    const reset = await brokerPatch({ reset: ["log.cleaner.backoff.ms"] });
    expect(reset.status).toBe(200);
    expect((await brokerLevel(brokerId(), 2))["log.cleaner.backoff.ms"]).toBeUndefined();
  });

  it("shows the broker's own message when validateOnly refuses a bad value, and changes nothing", async () => {
    const bad = await brokerPatch({ set: { "log.cleaner.backoff.ms": "soon" } }, "?dryRun=true");
    expect(bad.status).toBe(422);
    // the broker's own words, from IncrementalAlterConfigs' error message
    expect(bad.body.error.message).toBe(
      "The broker refused the change (INVALID_REQUEST): Invalid value soon for configuration log.cleaner.backoff.ms: Not a number of type LONG",
    );
    expect((await brokerLevel(brokerId(), 2))["log.cleaner.backoff.ms"]).toBeUndefined();
  });

  it("sets and lists the cluster-wide default for every broker", async () => {
    const set = await defaultsPatch({ set: { "log.cleaner.backoff.ms": "17000" } });
    expect(set.status).toBe(200);
    expect((await brokerLevel(brokerId(), 3))["log.cleaner.backoff.ms"]).toBe("17000");
    const listed = await callRoute<BrokerDefaultConfigs>(getDefaults, "/api/clusters/local/broker-defaults", {
      clusterId: "local",
    });
    expect(listed.body.configs.find((c) => c.name === "log.cleaner.backoff.ms")).toMatchObject({
      value: "17000",
      source: "dynamic default broker config",
    });
    expect(listed.body.unavailable).toBeNull();
    const reset = await defaultsPatch({ reset: ["log.cleaner.backoff.ms"] });
    expect(reset.status).toBe(200);
    expect((await brokerLevel(brokerId(), 3))["log.cleaner.backoff.ms"]).toBeUndefined();
  });

  it("never shows a sensitive value, even the one just set", async () => {
    const res = await brokerPatch(
      { set: { "listener.name.plaintext.ssl.key.password": "hunter2-secret" } },
      "?dryRun=true",
    );
    expect(JSON.stringify(res.body)).not.toContain("hunter2-secret");
  });

  it("refuses non-admins, read-only clusters and bad bodies before any Kafka call", async () => {
    const operator = await testUser("broker-cfg-operator@sluice.test", { local: "operator" });
    expect(
      (await brokerPatch({ set: { "log.cleaner.backoff.ms": "16000" } }, "", "local", operator.cookie)).status,
    ).toBe(403);
    const ro = await brokerPatch({ set: { "log.cleaner.backoff.ms": "16000" } }, "?dryRun=true", "local-readonly");
    expect(ro.status).toBe(403);
    expect(ro.body.error.message).toMatch(/read-only/);
    expect((await brokerPatch({})).status).toBe(422);
    expect((await brokerPatch({ set: { __proto__: "x" } })).status).toBe(422);
    expect((await brokerPatch({ set: { "a b": "x" } })).status).toBe(422);
  });
});
