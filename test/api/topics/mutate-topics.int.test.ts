import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PATCH as alterConfigs } from "@/app/api/clusters/[clusterId]/topics/[topicName]/configs/route";
import { POST as addPartitions } from "@/app/api/clusters/[clusterId]/topics/[topicName]/partitions/route";
import { POST as purge } from "@/app/api/clusters/[clusterId]/topics/[topicName]/purge/route";
import { DELETE as deleteTopic, GET as getTopic } from "@/app/api/clusters/[clusterId]/topics/[topicName]/route";
import { POST as createTopic } from "@/app/api/clusters/[clusterId]/topics/route";
import type { ConfigDiff, CreateTopicResult, TopicDetail } from "@/lib/schemas/topics";
import { prisma } from "@/server/db/prisma";
import { callRoute, type Envelope } from "../../call-route";
import { brokerOverrides, produce, testAdmin, uniqueTopic } from "../../kafka-admin";

const admin = testAdmin();
const created: string[] = [];
const json = (method: string, body: unknown) => ({
  method,
  body: JSON.stringify(body),
  headers: { "content-type": "application/json" },
});
const create = (body: unknown, query = "", clusterId = "local") =>
  callRoute<CreateTopicResult & Envelope>(
    createTopic,
    `/api/clusters/${clusterId}/topics${query}`,
    { clusterId },
    json("POST", body),
  );
const exists = async (topic: string) => (await admin.listTopics()).includes(topic);
const auditRows = (target: string) => prisma.auditEvent.findMany({ where: { target }, orderBy: { createdAt: "asc" } });

beforeAll(() => admin.connect());
afterAll(async () => {
  await admin.disconnect();
  // A fresh admin (the test's one still tracks the deleted topic), deleting only the topics still there:
  // one unknown topic makes DeleteTopics fail for the whole list.
  const cleaner = testAdmin();
  await cleaner.connect();
  const left = new Set(await cleaner.listTopics());
  const mine = created.filter((t) => left.has(t));
  if (mine.length) await cleaner.deleteTopics({ topics: mine });
  await cleaner.disconnect();
});

describe("create topic", () => {
  it("previews with dryRun without creating, then creates, and audits only the real change", async () => {
    const name = uniqueTopic("create");
    created.push(name);
    const preview = await create(
      { name, partitions: 3, replicationFactor: 1, configs: { "retention.ms": "3600000" } },
      "?dryRun=true",
    );
    expect(preview.status).toBe(200);
    expect(preview.body.configs.find((c) => c.name === "retention.ms")).toEqual({
      name: "retention.ms",
      value: "3600000",
      source: "override",
    });
    expect(preview.body.configs.find((c) => c.name === "cleanup.policy")).toMatchObject({
      source: "default",
      value: "delete",
    });
    expect(await exists(name)).toBe(false);

    const real = await create({ name, partitions: 3, replicationFactor: 1, configs: { "retention.ms": "3600000" } });
    expect(real.status).toBe(201);
    const meta = await admin.fetchTopicMetadata({ topics: [name] });
    expect(meta.topics[0].partitions).toHaveLength(3);
    expect(await brokerOverrides(admin, name)).toEqual({ "retention.ms": "3600000" });
    const rows = await auditRows(name);
    expect(rows.map((r) => [r.action, r.result])).toEqual([["topic.created", "success"]]);
    expect(rows[0].requestId).toMatch(/^req_/);
  });

  it("answers 409 for an existing name and 422 for a '.'/'_' metric collision; warns of mixed separators", async () => {
    const name = uniqueTopic("dup");
    created.push(name);
    await admin.createTopics({ topics: [{ topic: name }], waitForLeaders: true });
    const dup = await create({ name, partitions: 1, replicationFactor: 1 });
    expect(dup.status).toBe(409);
    expect(dup.body.error.message).toContain("already exists");
    const twin = await create({ name: name.replaceAll(".", "_"), partitions: 1, replicationFactor: 1 }, "?dryRun=true");
    expect(twin.status).toBe(422);
    expect(twin.body.error.message).toMatch(/collides with the existing topic/);
    const mixed = await create({ name: `${name}_mixed`, partitions: 1, replicationFactor: 1 }, "?dryRun=true");
    expect(mixed.status).toBe(200);
    expect(mixed.body.warnings.join(" ")).toMatch(/mixes '\.' and '_'/);
  });

  it.each([
    ["an illegal name", { name: "has space", partitions: 1, replicationFactor: 1 }, 422, /name: use only letters/],
    ["zero partitions", { name: "ok.name", partitions: 0, replicationFactor: 1 }, 422, /partitions must be at least 1/],
    [
      "RF above the broker count",
      { name: "ok.name.rf", partitions: 1, replicationFactor: 3 },
      422,
      /Replication factor 3 is more than the 1 broker/,
    ],
    [
      "an unknown config key",
      { name: "ok.name", partitions: 1, replicationFactor: 1, configs: { "retention.msx": "1" } },
      422,
      /unknown topic config "retention\.msx"/,
    ],
    [
      "a mistyped config value",
      { name: "ok.name", partitions: 1, replicationFactor: 1, configs: { "retention.ms": "7d" } },
      422,
      /retention\.ms must be a whole number/,
    ],
  ])("refuses %s with a message and leaves the cluster untouched", async (_what, body, status, message) => {
    const before = (await admin.listTopics()).sort();
    const res = await create(body);
    expect(res.status).toBe(status);
    expect(res.body.error.message).toMatch(message);
    expect((await admin.listTopics()).sort()).toEqual(before);
  });

  it("refuses every change on a read-only cluster with 403", async () => {
    const res = await create({ name: uniqueTopic("ro"), partitions: 1, replicationFactor: 1 }, "", "local-readonly");
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/read-only/);
  });
});

describe("edit config, add partitions, purge, delete", () => {
  const name = uniqueTopic("mutate");
  const route = (p: string) => `/api/clusters/local/topics/${name}${p}`;
  const params = { clusterId: "local", topicName: name };

  beforeAll(async () => {
    created.push(name);
    await admin.createTopics({
      waitForLeaders: true,
      topics: [
        {
          topic: name,
          numPartitions: 2,
          configEntries: [
            { name: "retention.ms", value: "86400000" },
            { name: "max.message.bytes", value: "2048" },
          ],
        },
      ],
    });
    await produce(name, 10, 0);
  });

  it("changes one key and the broker keeps every other override", async () => {
    const dry = await callRoute<ConfigDiff>(
      alterConfigs,
      route("/configs?dryRun=true"),
      params,
      json("PATCH", { set: { "retention.ms": "1000" } }),
    );
    expect(dry.body.changes).toEqual([{ name: "retention.ms", before: "86400000", after: "1000" }]);
    expect((await brokerOverrides(admin, name))["retention.ms"]).toBe("86400000");

    const res = await callRoute<ConfigDiff>(
      alterConfigs,
      route("/configs"),
      params,
      json("PATCH", { set: { "retention.ms": "7200000" }, reset: [] }),
    );
    expect(res.status).toBe(200);
    expect(await brokerOverrides(admin, name)).toEqual({ "retention.ms": "7200000", "max.message.bytes": "2048" });

    const reset = await callRoute<ConfigDiff>(
      alterConfigs,
      route("/configs"),
      params,
      json("PATCH", { reset: ["max.message.bytes"] }),
    );
    expect(reset.status).toBe(200);
    expect(await brokerOverrides(admin, name)).toEqual({ "retention.ms": "7200000" });
    expect((await auditRows(name)).filter((r) => r.action === "topic.config_altered")).toHaveLength(2);
  });

  it("refuses resetting a key that is not overridden and an invalid value", async () => {
    const notSet = await callRoute<Envelope>(
      alterConfigs,
      route("/configs"),
      params,
      json("PATCH", { reset: ["segment.ms"] }),
    );
    expect(notSet.status).toBe(422);
    expect(notSet.body.error.message).toMatch(/segment\.ms is not overridden/);
    const bad = await callRoute<Envelope>(
      alterConfigs,
      route("/configs"),
      params,
      json("PATCH", { set: { "cleanup.policy": "sometimes" } }),
    );
    expect(bad.status).toBe(422);
    expect(await brokerOverrides(admin, name)).toEqual({ "retention.ms": "7200000" });
  });

  it("adds partitions, and refuses decreasing them", async () => {
    const down = await callRoute<Envelope>(addPartitions, route("/partitions"), params, json("POST", { count: 2 }));
    expect(down.status).toBe(422);
    expect(down.body.error.message).toMatch(/has 2 partitions; the new count must be more than 2/);
    const up = await callRoute<{ partitions: number }>(
      addPartitions,
      route("/partitions"),
      params,
      json("POST", { count: 4 }),
    );
    expect(up.status).toBe(200);
    expect((await admin.fetchTopicMetadata({ topics: [name] })).topics[0].partitions).toHaveLength(4);
  });

  it("purges up to an offset, refuses one past the end, then purges all", async () => {
    const past = await callRoute<Envelope>(
      purge,
      route("/purge"),
      params,
      json("POST", { partitions: [{ partition: 0, offset: 11 }] }),
    );
    expect(past.status).toBe(422);
    expect(past.body.error.message).toMatch(/offset 11 is past the end offset 10/);
    const some = await callRoute<{ partitions: { partition: number; deleted: number }[] }>(
      purge,
      route("/purge"),
      params,
      json("POST", { partitions: [{ partition: 0, offset: 4 }] }),
    );
    expect(some.status).toBe(200);
    expect(some.body.partitions).toEqual([{ partition: 0, before: "0", after: "4", deleted: 4 }]);
    expect((await admin.fetchTopicOffsets(name)).find((p) => p.partition === 0)).toMatchObject({
      low: "4",
      high: "10",
    });
    const all = await callRoute<{ partitions: { deleted: number }[] }>(
      purge,
      route("/purge"),
      params,
      json("POST", { all: true }),
    );
    expect(all.body.partitions.reduce((n, p) => n + p.deleted, 0)).toBe(6);
    const detail = await callRoute<TopicDetail>(getTopic, route(""), params);
    expect(detail.body.records).toBe(0);
  });

  it("deletes the topic, then answers 404 for it", async () => {
    const res = await callRoute<{ deleted: string }>(deleteTopic, route(""), params, { method: "DELETE" });
    expect(res.status).toBe(200);
    expect(await exists(name)).toBe(false);
    const again = await callRoute<Envelope>(deleteTopic, route(""), params, { method: "DELETE" });
    expect(again.status).toBe(404);
    expect((await auditRows(name)).map((r) => r.action)).toEqual([
      "topic.config_altered",
      "topic.config_altered",
      "topic.partitions_added",
      "topic.purged",
      "topic.purged",
      "topic.deleted",
    ]);
  });
});
