import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as browse, POST as produce } from "@/app/api/clusters/[clusterId]/topics/[topicName]/messages/route";
import type { BrowsePage, ProduceResult } from "@/lib/schemas/messages";
import { prisma } from "@/server/db/prisma";
import { callRoute, type Envelope } from "../../call-route";
import { BOOTSTRAP } from "../../infra";
import { createTestTopic, testAdmin } from "../../kafka-admin";
import { purgeSubjects, registry } from "../../registry-admin";

const admin = testAdmin();
const topics: string[] = [];
const subjects: string[] = [];
const json = (body: unknown) => ({
  method: "POST",
  body: JSON.stringify(body),
  headers: { "content-type": "application/json" },
});

const createTopic = (prefix: string, partitions = 1) => createTestTopic(admin, topics, prefix, partitions);
const send = (topic: string, body: unknown, clusterId = "local") =>
  callRoute<ProduceResult & Envelope>(
    produce,
    `/api/clusters/${clusterId}/topics/${topic}/messages`,
    { clusterId, topicName: topic },
    json(body),
  );
const page = (topic: string, query = "start=oldest") =>
  callRoute<BrowsePage & Envelope>(browse, `/api/clusters/local/topics/${topic}/messages?${query}`, {
    clusterId: "local",
    topicName: topic,
  });

async function registerSchema(
  subject: string,
  schemaType: "AVRO" | "PROTOBUF" | "JSON",
  schema: string,
): Promise<number> {
  subjects.push(subject);
  const res = await registry<{ id: number }>(`/subjects/${encodeURIComponent(subject)}/versions`, {
    method: "POST",
    body: { schemaType, schema },
  });
  expect(res.status).toBe(200);
  return res.body.id;
}

beforeAll(() => admin.connect());
afterAll(async () => {
  await admin.deleteTopics({ topics }).catch(() => {});
  await admin.disconnect();
  await purgeSubjects(subjects);
});

describe("produce and decode", () => {
  it("produces a record with key, headers, partition and compression, reports where it landed, and audits it", async () => {
    const topic = await createTopic("produce", 3);
    const res = await send(topic, {
      key: { format: "string", data: "customer-7" },
      value: { format: "json", data: '{"event":"signup","plan":"pro"}' },
      headers: [{ key: "source", value: "sluice-test" }],
      partition: 2,
      compression: "lz4",
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ topic, partition: 2, offset: "0" });
    const listed = await page(topic);
    expect(listed.body.messages).toHaveLength(1);
    expect(listed.body.messages[0]).toMatchObject({
      partition: 2,
      compression: "lz4",
      key: { text: "customer-7" },
      headers: [{ key: "source", value: "sluice-test" }],
    });
    expect(JSON.parse(listed.body.messages[0].value.text!)).toEqual({ event: "signup", plan: "pro" });
    const audit = await prisma.auditEvent.findFirst({ where: { action: "messages.produce", target: topic } });
    expect(audit?.result).toBe("success");
  });

  it.each(["gzip", "snappy", "lz4", "zstd"] as const)(
    "writes %s batches that an independent client (kcat) reads back",
    async (compression) => {
      const topic = await createTopic(`produce-${compression}`);
      const value = JSON.stringify({ codec: compression, filler: "abc".repeat(200) });
      const res = await send(topic, {
        key: { format: "string", data: "k" },
        value: { format: "json", data: value },
        compression,
      });
      expect(res.status).toBe(201);
      const out = execFileSync("kcat", ["-C", "-b", BOOTSTRAP, "-t", topic, "-e", "-q", "-f", "%k=%s\\n"], {
        timeout: 20_000,
      })
        .toString()
        .trim();
      expect(out).toBe(`k=${value}`);
      expect((await page(topic)).body.messages[0].compression).toBe(compression);
    },
  );

  it("refuses bad input with field errors: invalid JSON, unknown partition, unknown topic, read-only cluster", async () => {
    const topic = await createTopic("produce-bad", 2);
    const badJson = await send(topic, { value: { format: "json", data: "{nope" } });
    expect(badJson.status).toBe(422);
    expect(badJson.body.error.details?.[0].path).toBe("value.data");
    const badPartition = await send(topic, { value: { format: "string", data: "x" }, partition: 5 });
    expect(badPartition.status).toBe(422);
    expect(badPartition.body.error.message).toMatch(/partitions 0–1; partition 5 does not exist/);
    const noTopic = await send("it.produce.missing-topic", { value: { format: "string", data: "x" } });
    expect(noTopic.status).toBe(404);
    const readOnly = await send(topic, { value: { format: "string", data: "x" } }, "local-readonly");
    expect(readOnly.status).toBe(403);
    expect((await page(topic)).body.messages).toHaveLength(0);
  });

  it("encodes with a registered Avro subject, and browsing decodes it back through the registry", async () => {
    const topic = await createTopic("avro");
    const id = await registerSchema(
      `${topic}-value`,
      "AVRO",
      JSON.stringify({
        type: "record",
        name: "Order",
        fields: [
          { name: "orderId", type: "string" },
          { name: "amount", type: "double" },
        ],
      }),
    );
    const res = await send(topic, {
      key: { format: "string", data: "o-1" },
      value: { format: "schema", subject: `${topic}-value`, data: '{"orderId":"X-42","amount":9.5}' },
    });
    expect(res.status).toBe(201);
    const [m] = (await page(topic)).body.messages;
    expect(m.value).toMatchObject({ encoding: "avro", schemaId: id });
    expect(JSON.parse(m.value.text!)).toEqual({ orderId: "X-42", amount: 9.5 });
    // A payload that does not fit the schema is refused before anything is written.
    const wrong = await send(topic, { value: { format: "schema", subject: `${topic}-value`, data: '{"orderId":42}' } });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.message).toMatch(/does not match schema/);
  });

  it("decodes JSON Schema and Protobuf values registered in the real registry", async () => {
    const topic = await createTopic("jsonschema-proto", 2);
    const jsId = await registerSchema(
      `${topic}-js-value`,
      "JSON",
      JSON.stringify({
        type: "object",
        properties: { sku: { type: "string" }, qty: { type: "integer" } },
        required: ["sku"],
      }),
    );
    const pbId = await registerSchema(
      `${topic}-pb-value`,
      "PROTOBUF",
      'syntax = "proto3";\npackage it.sluice;\nmessage Shipment { string id = 1; int32 parcels = 2; }\n',
    );
    expect(
      (
        await send(topic, {
          value: { format: "schema", subject: `${topic}-js-value`, data: '{"sku":"A-1","qty":3}' },
          partition: 0,
        })
      ).status,
    ).toBe(201);
    const pb = await send(topic, {
      value: { format: "schema", subject: `${topic}-pb-value`, data: '{"id":"S-9","parcels":2}' },
      partition: 1,
    });
    expect(pb.status).toBe(201);
    const messages = (await page(topic)).body.messages;
    const js = messages.find((m) => m.partition === 0)!;
    const proto = messages.find((m) => m.partition === 1)!;
    expect(js.value).toMatchObject({ encoding: "json-schema", schemaId: jsId });
    expect(JSON.parse(js.value.text!)).toEqual({ sku: "A-1", qty: 3 });
    expect(proto.value).toMatchObject({ encoding: "protobuf", schemaId: pbId });
    expect(JSON.parse(proto.value.text!)).toMatchObject({ id: "S-9", parcels: 2 });
  });

  it("keeps browsing with raw bytes and the reason when the schema registry is down", async () => {
    const topic = await createTopic("registry-down");
    const { Kafka } = await import("kafkajs");
    const p = new Kafka({ brokers: [BOOTSTRAP] }).producer();
    await p.connect();
    const wire = Buffer.concat([Buffer.from([0, 0, 0, 0, 7]), Buffer.from("avro-bytes")]);
    await p.send({ topic, messages: [{ value: wire }, { value: wire }, { value: "plain text" }] });
    await p.disconnect();
    const started = Date.now();
    const res = await callRoute<BrowsePage>(
      browse,
      `/api/clusters/local-deadregistry/topics/${topic}/messages?start=oldest`,
      { clusterId: "local-deadregistry", topicName: topic },
    );
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(30_000); // not stuck on the dead registry
    const [a, b, plain] = res.body.messages;
    expect(a.value).toMatchObject({ encoding: "hex", text: wire.toString("hex"), schemaId: 7 });
    expect(a.value.error).toMatch(/registry is unreachable/);
    expect(b.value.error).toBe(a.value.error);
    expect(plain.value).toMatchObject({ encoding: "string", text: "plain text" });
  });

  it("shows raw bytes and the reason for an unknown schema id, and keeps browsing", async () => {
    const topic = await createTopic("unknown-id");
    const { Kafka } = await import("kafkajs");
    const p = new Kafka({ brokers: [BOOTSTRAP] }).producer();
    await p.connect();
    const wire = Buffer.concat([Buffer.from([0, 0x7f, 0xff, 0xff, 0x00]), Buffer.from("payload")]);
    await p.send({ topic, messages: [{ value: wire }, { value: "after it" }] });
    await p.disconnect();
    const [bad, good] = (await page(topic)).body.messages;
    expect(bad.value.encoding).toBe("hex");
    expect(bad.value.text).toBe(wire.toString("hex"));
    expect(bad.value.error).toMatch(/schema id 2147483392/);
    expect(good.value).toMatchObject({ encoding: "string", text: "after it" });
  });
});
