import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { create, toBinary } from "@bufbuild/protobuf";
import { FieldDescriptorProto_Label, FieldDescriptorProto_Type, FileDescriptorSetSchema } from "@bufbuild/protobuf/wkt";
import avro from "avsc";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as detailRoute } from "@/app/api/clusters/[clusterId]/topics/[topicName]/messages/[partition]/[offset]/route";
import { GET as browseRoute } from "@/app/api/clusters/[clusterId]/topics/[topicName]/messages/route";
import { POST as produceRoute } from "@/app/api/clusters/[clusterId]/topics/[topicName]/messages/route";
import { GET as streamRoute } from "@/app/api/clusters/[clusterId]/topics/[topicName]/messages/stream/route";
import {
  DELETE as clearDecoders,
  GET as getDecoders,
  PUT as putDecoders,
} from "@/app/api/clusters/[clusterId]/topics/[topicName]/decoders/route";
import type { Message } from "@/lib/schemas/messages";
import type { TopicDecoders } from "@/lib/schemas/topic-decoders";
import { prisma } from "@/server/db/prisma";
import { asAdmin } from "../../auth";
import { callRoute, type Envelope } from "../../call-route";
import { BOOTSTRAP } from "../../infra";
import { createTestTopic, testAdmin, testProducer } from "../../kafka-admin";
import { TEST_STACK } from "../../stack";
import { javaProduce } from "../../java-consumer";
import { messagesOf, readEvents } from "../../sse-client";

const admin = testAdmin();
const topics: string[] = [];
const dir = mkdtempSync(path.join(tmpdir(), "sluice-decoders-"));

const createTopic = (prefix: string) => createTestTopic(admin, topics, prefix);

/** kcat writes each file as one record (binary safe), with the given key and headers. */
function kcatFiles(topic: string, payloads: Buffer[], args: string[] = []): void {
  const files = payloads.map((p, i) => {
    const f = path.join(dir, `${topic}-${i}-${Math.random().toString(36).slice(2)}.bin`);
    writeFileSync(f, p);
    return f;
  });
  for (const f of files) execFileSync("kcat", ["-P", "-b", BOOTSTRAP, "-t", topic, ...args, f], { timeout: 20_000 });
}

const put = (topic: string, body: unknown) =>
  callRoute<TopicDecoders & Envelope>(
    putDecoders,
    `/api/clusters/local/topics/${topic}/decoders`,
    { clusterId: "local", topicName: topic },
    { method: "PUT", body: JSON.stringify(body), headers: { "content-type": "application/json" } },
  );

async function browse(topic: string): Promise<Message[]> {
  const r = await callRoute<{ messages: Message[] }>(
    browseRoute,
    `/api/clusters/local/topics/${topic}/messages?start=oldest&limit=50`,
    { clusterId: "local", topicName: topic },
  );
  expect(r.status).toBe(200);
  return [...r.body.messages].sort((a, b) => Number(a.offset) - Number(b.offset));
}

async function search(
  topic: string,
  query: string,
): Promise<{ values: (string | null)[]; done: { scanned: number; matched: number } }> {
  const res = await streamRoute(
    new Request(`http://sluice.test/api/clusters/local/topics/${topic}/messages/stream?start=oldest&${query}`, {
      headers: await asAdmin(),
    }),
    {
      params: Promise.resolve({ clusterId: "local", topicName: topic }),
    },
  );
  expect(res.status).toBe(200);
  const events = await readEvents(res, (e) => e.some((x) => x.event === "done" || x.event === "error"), 30_000);
  const done = events.find((e) => e.event === "done");
  expect(done, JSON.stringify(events.filter((e) => e.event === "error"))).toBeDefined();
  return { values: (messagesOf(events) as Message[]).map((m) => m.value.text), done: done!.data };
}

const int32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};

/** shop.Order { string id = 1; int64 amount = 2; } as a FileDescriptorSet, built without any .proto parser. */
function orderDescriptorSet(): Buffer {
  const set = create(FileDescriptorSetSchema, {
    file: [
      {
        name: "shop.proto",
        package: "shop",
        syntax: "proto3",
        messageType: [
          {
            name: "Order",
            field: [
              {
                name: "id",
                number: 1,
                type: FieldDescriptorProto_Type.STRING,
                label: FieldDescriptorProto_Label.OPTIONAL,
                jsonName: "id",
              },
              {
                name: "amount",
                number: 2,
                type: FieldDescriptorProto_Type.INT64,
                label: FieldDescriptorProto_Label.OPTIONAL,
                jsonName: "amount",
              },
            ],
          },
        ],
      },
    ],
  });
  return Buffer.from(toBinary(FileDescriptorSetSchema, set));
}

beforeAll(() => admin.connect());
afterAll(async () => {
  await admin.deleteTopics({ topics }).catch(() => {});
  await admin.disconnect();
});

describe("per-topic decoders", () => {
  it("int values written by kcat: browse, search (no raw-byte shortcut), CEL; a wrong-sized record shows its error", async () => {
    const topic = await createTopic("dec-int");
    kcatFiles(topic, [int32(42), int32(-7), int32(1_000_000), Buffer.from([1, 2, 3])]);
    // Before: automatic detection shows binary.
    expect((await browse(topic))[0].value.encoding).toBe("hex");
    const set = await put(topic, { value: { kind: "int" } });
    expect(set.status).toBe(200);
    expect(set.body.value).toMatchObject({ kind: "int", label: "int" });
    expect(set.body.key.kind).toBe("registry");
    const rows = await browse(topic);
    expect(rows.map((m) => m.value.text)).toEqual(["42", "-7", "1000000", "010203"]);
    expect(rows[0].value).toMatchObject({ encoding: "int", decoder: "int" });
    expect(rows[3].value.error).toMatch(/3 bytes, a int has 4/);
    // "42" is not in the bytes 00 00 00 2a: the search must decode, not test raw bytes.
    expect((await search(topic, "q=42")).values).toEqual(["42"]);
    expect((await search(topic, `cel=${encodeURIComponent("value > 40")}`)).values).toEqual(["42", "1000000"]);
    const audit = await prisma.auditEvent.findFirst({
      where: { action: "topic.decoders_set", target: topic },
      orderBy: { createdAt: "desc" },
    });
    expect(audit?.result).toBe("success");
    // Cleared: back to automatic detection.
    const cleared = await callRoute<TopicDecoders>(
      clearDecoders,
      `/api/clusters/local/topics/${topic}/decoders`,
      { clusterId: "local", topicName: topic },
      { method: "DELETE" },
    );
    expect(cleared.body.value.kind).toBe("registry");
    expect((await browse(topic))[0].value.encoding).toBe("hex");
  });

  it("long key and ISO-8859-1 string value, MessagePack value, from kcat", async () => {
    const topic = await createTopic("dec-long");
    const key = Buffer.alloc(8);
    key.writeBigInt64BE(9_007_199_254_740_993n); // 2^53 + 1: must not lose a digit
    kcatFiles(topic, [Buffer.from([0x63, 0x61, 0x66, 0xe9])], ["-k", "ignored"]);
    const kv = Buffer.concat([key, Buffer.from("\t"), Buffer.from([0x63, 0x61, 0x66, 0xe9]), Buffer.from("\n")]);
    execFileSync("kcat", ["-P", "-b", BOOTSTRAP, "-t", topic, "-K", "\t"], { input: kv, timeout: 20_000 });
    expect((await put(topic, { key: { kind: "long" }, value: { kind: "string", charset: "ISO-8859-1" } })).status).toBe(
      200,
    );
    const rows = await browse(topic);
    expect(rows[1].key).toMatchObject({ encoding: "long", text: "9007199254740993" });
    expect(rows.map((m) => m.value.text)).toEqual(["café", "café"]);
    expect(rows[0].value.decoder).toBe("string (ISO-8859-1)");
    expect(rows[0].key.error).toMatch(/could not decode as long/);

    const mp = await createTopic("dec-msgpack");
    // {"a":1,"b":[true,"x"]} in MessagePack, and a value that is not MessagePack (0xc1 is never used).
    kcatFiles(
      mp,
      [Buffer.from([0x82, 0xa1, 0x61, 0x01, 0xa1, 0x62, 0x92, 0xc3, 0xa1, 0x78]), Buffer.from([0xc1])],
      ["-H", "source=kcat"],
    );
    expect((await put(mp, { value: { kind: "msgpack" } })).status).toBe(200);
    const m = await browse(mp);
    expect(JSON.parse(m[0].value.text!)).toEqual({ a: 1, b: [true, "x"] });
    expect(m[0].value.encoding).toBe("msgpack");
    expect(m[1].value.error).toMatch(/MessagePack/);
    expect((await search(mp, `cel=${encodeURIComponent('value.b[1] == "x"')}`)).done.matched).toBe(1);
  });

  it("protobuf from a FileDescriptorSet and from .proto files; the message view names the decoder", async () => {
    const topic = await createTopic("dec-proto");
    // Order{id:"o-1", amount:1500} written by hand in the protobuf wire format.
    const payload = Buffer.from([0x0a, 0x03, 0x6f, 0x2d, 0x31, 0x10, 0xdc, 0x0b]);
    kcatFiles(topic, [payload], ["-k", "order-1"]);
    const set = await put(topic, {
      value: {
        kind: "protobuf",
        messageType: "shop.Order",
        descriptorSet: orderDescriptorSet().toString("base64"),
        fileName: "shop.pb",
      },
    });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body.value).toMatchObject({
      kind: "protobuf",
      messageType: "shop.Order",
      messageTypes: ["shop.Order"],
      fileName: "shop.pb",
      source: "descriptor-set",
    });
    const [row] = await browse(topic);
    expect(JSON.parse(row.value.text!)).toEqual({ id: "o-1", amount: "1500" });
    const detail = await callRoute<{ message: Message }>(
      detailRoute,
      `/api/clusters/local/topics/${topic}/messages/0/0`,
      { clusterId: "local", topicName: topic, partition: "0", offset: "0" },
    );
    expect(detail.body.message.value).toMatchObject({ encoding: "protobuf", decoder: "protobuf shop.Order" });
    expect(detail.body.message.key).toMatchObject({ encoding: "string", text: "order-1" });
    expect((await search(topic, `cel=${encodeURIComponent('value.id == "o-1"')}`)).done.matched).toBe(1);

    const fromProto = await put(topic, {
      value: {
        kind: "protobuf",
        messageType: "shop.Order",
        protoFiles: [
          {
            name: "shop.proto",
            content: 'syntax = "proto3";\npackage shop;\nmessage Order {\n  string id = 1;\n  int64 amount = 2;\n}\n',
          },
        ],
      },
    });
    expect(fromProto.status).toBe(200);
    expect(fromProto.body.value.source).toBe("proto");
    expect(JSON.parse((await browse(topic))[0].value.text!)).toEqual({ id: "o-1", amount: "1500" });
  });

  it("refuses an invalid descriptor, .proto or Avro schema with 422, the parser's message and position, and keeps the setting", async () => {
    const topic = await createTopic("dec-bad");
    const bad = Buffer.concat([orderDescriptorSet(), Buffer.from([0x0a, 0x05, 0x12, 0x09, 0xff])]);
    const r1 = await put(topic, {
      value: { kind: "protobuf", messageType: "shop.Order", descriptorSet: bad.toString("base64") },
    });
    expect(r1.status).toBe(422);
    expect(r1.body.error.message).toMatch(/not a valid FileDescriptorSet/);
    expect(r1.body.error.details?.[0].issue).toMatch(/file #2 at byte \d+/);
    const r2 = await put(topic, {
      value: {
        kind: "protobuf",
        messageType: "a.B",
        protoFiles: [{ name: "a.proto", content: 'syntax = "proto3";\npackage a;\nmessage B {\n  strin x = 1 }\n' }],
      },
    });
    expect(r2.status).toBe(422);
    expect(r2.body.error.details?.[0].issue).toBe("a.proto line 4");
    const r3 = await put(topic, {
      value: { kind: "protobuf", messageType: "shop.Missing", descriptorSet: orderDescriptorSet().toString("base64") },
    });
    expect(r3.status).toBe(422);
    expect(r3.body.error.message).toMatch(/shop.Missing.*not in the descriptor set/);
    const r4 = await put(topic, {
      value: { kind: "avro", avroSchema: '{"type":"record","name":"A","fields":[{"name":"x","type":"strin"}]}' },
    });
    expect(r4.status).toBe(422);
    expect(r4.body.error.message).toMatch(/strin/);
    const r5 = await put(topic, { value: { kind: "string", charset: "no-such-charset" } });
    expect(r5.status).toBe(422);
    const r6 = await put(topic, { value: { kind: "protobuf" } });
    expect(r6.status).toBe(422);
    expect(JSON.stringify(r6.body.error)).toMatch(/protobuf needs the message type/);
    const got = await callRoute<TopicDecoders>(getDecoders, `/api/clusters/local/topics/${topic}/decoders`, {
      clusterId: "local",
      topicName: topic,
    });
    expect(got.body.value.kind).toBe("registry");
    expect(
      await prisma.auditEvent.count({ where: { action: "topic.decoders_set", target: topic, result: "failure" } }),
    ).toBeGreaterThanOrEqual(5);
  });
});

describe("Apicurio header-based schema ids", () => {
  it("decodes bare Avro payloads whose schema is named by apicurio.value.globalId (8-byte big-endian), from the real Apicurio registry", async () => {
    const topic = await createTopic("dec-apicurio");
    const schema = {
      type: "record",
      name: "Reading",
      fields: [
        { name: "sensor", type: "string" },
        { name: "celsius", type: "double" },
      ],
    };
    const subject = `${topic}-value`;
    const reg = await fetch(`${TEST_STACK.registryUrl}/subjects/${subject}/versions`, {
      method: "POST",
      headers: { "content-type": "application/vnd.schemaregistry.v1+json" },
      body: JSON.stringify({ schema: JSON.stringify(schema) }),
    });
    expect(reg.status).toBe(200);
    const base = TEST_STACK.registryUrl.replace(/\/apis\/ccompat\/v\d+$/, "");
    const meta = (await (
      await fetch(`${base}/apis/registry/v3/groups/default/artifacts/${subject}/versions/1`)
    ).json()) as { globalId: number };
    const id = (n: number) => {
      const b = Buffer.alloc(8);
      b.writeBigInt64BE(BigInt(n));
      return b;
    };
    // The payload as Apicurio's AvroKafkaSerializer writes it with headers enabled: bare Avro binary.
    const payload = avro.Type.forSchema(schema as avro.Schema).toBuffer({ sensor: "t-1", celsius: 21.5 });
    const producer = testProducer();
    await producer.connect();
    try {
      await producer.send({
        topic,
        messages: [
          { key: "r1", value: payload, headers: { "apicurio.value.globalId": id(meta.globalId) } },
          { key: "r2", value: payload, headers: { "apicurio.value.globalId": id(987_654_321) } },
        ],
      });
    } finally {
      await producer.disconnect();
    }
    const rows = await browse(topic);
    expect(JSON.parse(rows[0].value.text!)).toEqual({ sensor: "t-1", celsius: 21.5 });
    expect(rows[0].value).toMatchObject({ encoding: "avro", decoder: `apicurio globalId ${meta.globalId}` });
    expect(rows[1].value.error).toMatch(/globalId 987654321 is not in the registry/);
    expect(rows[1].value.encoding).toBe("hex");
    expect((await search(topic, `cel=${encodeURIComponent("value.celsius > 20.0")}`)).done.matched).toBe(1);
  });
});

describe("records written with Kafka's own Java serializers", () => {
  it(
    "int, long, double, UUID and ISO-8859-1 strings decode to the values the producer sent",
    { timeout: 240_000 },
    async () => {
      const cases: [Parameters<typeof javaProduce>[1], string, string[], string[]][] = [
        ["int", "int", ["42", "-2147483648"], ["42", "-2147483648"]],
        ["long", "long", ["9223372036854775807", "-5"], ["9223372036854775807", "-5"]],
        ["double", "double", ["3.25", "-0.5"], ["3.25", "-0.5"]],
        ["uuid", "uuid", ["123e4567-e89b-12d3-a456-426614174000"], ["123e4567-e89b-12d3-a456-426614174000"]],
        ["string:ISO-8859-1", "string", ["Grüße café"], ["Grüße café"]],
      ];
      for (const [type, kind, values, shown] of cases) {
        const topic = await createTopic(`dec-java-${kind}`);
        javaProduce(topic, type, values);
        const setting = kind === "string" ? { kind, charset: "ISO-8859-1" } : { kind };
        expect((await put(topic, { value: setting })).status).toBe(200);
        const rows = await browse(topic);
        expect(
          rows.map((m) => m.value.text),
          type,
        ).toEqual(shown);
        expect(rows.every((m) => !m.value.error)).toBe(true);
      }
    },
  );
});

describe("Avro from a schema file", () => {
  it("decodes bare Avro binary written by kcat with the uploaded schema", async () => {
    const topic = await createTopic("dec-avro");
    const schema = {
      type: "record",
      name: "User",
      namespace: "acme",
      fields: [
        { name: "name", type: "string" },
        { name: "age", type: ["null", "int"], default: null },
      ],
    };
    kcatFiles(topic, [avro.Type.forSchema(schema as avro.Schema).toBuffer({ name: "Ada", age: 36 })]);
    const set = await put(topic, {
      value: { kind: "avro", avroSchema: JSON.stringify(schema), fileName: "user.avsc" },
    });
    expect(set.status).toBe(200);
    expect(set.body.value).toMatchObject({ kind: "avro", fileName: "user.avsc" });
    const [row] = await browse(topic);
    expect(JSON.parse(row.value.text!)).toEqual({ name: "Ada", age: 36 });
    expect(row.value.decoder).toBe("avro acme.User");
  });
});

describe("produce with the topic's decoder", () => {
  it("encodes an int key and a protobuf value from JSON; kcat reads the bytes; bad input is refused with 422", async () => {
    const topic = await createTopic("dec-produce");
    expect(
      (
        await put(topic, {
          key: { kind: "int" },
          value: {
            kind: "protobuf",
            messageType: "shop.Order",
            descriptorSet: orderDescriptorSet().toString("base64"),
          },
        })
      ).status,
    ).toBe(200);
    const send = (body: unknown) =>
      callRoute<Envelope>(
        produceRoute,
        `/api/clusters/local/topics/${topic}/messages`,
        { clusterId: "local", topicName: topic },
        { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } },
      );
    const ok = await send({
      key: { format: "topic", data: "7" },
      value: { format: "topic", data: '{"id":"o-9","amount":"1500"}' },
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    const raw = execFileSync("kcat", ["-C", "-b", BOOTSTRAP, "-t", topic, "-e", "-q", "-f", "%k|%s"], {
      timeout: 20_000,
    });
    expect(
      raw.equals(
        Buffer.concat([int32(7), Buffer.from("|"), Buffer.from([0x0a, 0x03, 0x6f, 0x2d, 0x39, 0x10, 0xdc, 0x0b])]),
      ),
    ).toBe(true);
    expect((await send({ key: { format: "topic", data: "x" }, value: { format: "string", data: "v" } })).status).toBe(
      422,
    );
    expect((await send({ key: { format: "null" }, value: { format: "topic", data: '{"nope":1}' } })).status).toBe(422);
  });
});
