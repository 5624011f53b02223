import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Kafka, logLevel } from "kafkajs";
import { GET as detailRoute } from "@/app/api/clusters/[clusterId]/topics/[topicName]/messages/[partition]/[offset]/route";
import { GET as exportRoute } from "@/app/api/clusters/[clusterId]/topics/[topicName]/messages/export/route";
import {
  GET as browseRoute,
  POST as produceRoute,
} from "@/app/api/clusters/[clusterId]/topics/[topicName]/messages/route";
import { GET as streamRoute } from "@/app/api/clusters/[clusterId]/topics/[topicName]/messages/stream/route";
import { DECODE_FORMATS } from "@/lib/schemas/messages";
import { prisma } from "@/server/db/prisma";
import { sluiceAdmin, testTeam, testUser } from "../../auth";
import { BOOTSTRAP } from "../../infra";
import { testAdmin, uniqueTopic } from "../../kafka-admin";
import { purgeSubjects, registry } from "../../registry-admin";

// What masking must hide: a field rule (customer.email, card.number) and a pattern rule (card-like numbers).
const EMAIL = "eve.secret@example.com";
const CARD = "5500990011112222";
const PAN = "4111-2222-3333-4444";
const SECRETS = [EMAIL, CARD, PAN];

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Every byte of a response as text (an SSE stream is read until `until` says stop, then cancelled). */
async function rawBody(res: Response, until?: (text: string) => boolean, timeoutMs = 20_000): Promise<string> {
  if (!until) return res.text();
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = "";
  const deadline = Date.now() + timeoutMs;
  try {
    while (Date.now() < deadline && !until(text)) {
      const next = await Promise.race([
        reader.read(),
        new Promise<"timeout">((r) => setTimeout(() => r("timeout"), Math.max(1, deadline - Date.now()))),
      ]);
      if (next === "timeout" || next.done) break;
      text += next.value;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
  return text;
}

/** The secrets found in a response: as text, or inside any hex or base64 run (what a hex/base64 view would send). */
function leaked(text: string): string[] {
  const found = new Set<string>();
  const blobs = [
    ...(text.match(/[0-9a-fA-F]{16,}/g) ?? []).map((h) =>
      Buffer.from(h.length % 2 ? h.slice(0, -1) : h, "hex").toString("latin1"),
    ),
  ];
  blobs.push(
    ...(text.match(/[A-Za-z0-9+/]{16,}={0,2}/g) ?? []).map((b) => Buffer.from(b, "base64").toString("latin1")),
  );
  for (const s of SECRETS) if (text.includes(s) || blobs.some((b) => b.includes(s))) found.add(s);
  return [...found];
}

async function call(
  handler: Handler,
  url: string,
  params: Record<string, string>,
  cookie: string,
  init: RequestInit = {},
): Promise<Response> {
  return handler(
    new Request(`http://sluice.test${url}`, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), cookie },
    }),
    { params: Promise.resolve(params) },
  );
}

const admin = testAdmin();
const kafka = new Kafka({ brokers: [BOOTSTRAP], logLevel: logLevel.NOTHING });
const producer = kafka.producer();
const topics: string[] = [];
const subjects: string[] = [];
let topic = "";
let adminCookie = "";
let viewer = { id: "", cookie: "" };

const jsonRecord = {
  key: `card ${PAN}`,
  value: JSON.stringify({ customer: { email: EMAIL, name: "Eve" }, card: { number: CARD }, note: `paid with ${PAN}` }),
  headers: {
    "h-text": `pan ${PAN}`,
    "h-json": JSON.stringify({ customer: { email: EMAIL } }),
    "h-bin": Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(EMAIL)]),
  },
};

beforeAll(async () => {
  await Promise.all([admin.connect(), producer.connect()]);
  adminCookie = (await sluiceAdmin()).cookie;
  viewer = await testUser("mask-viewer@sluice.test", {
    "local-masking": "viewer",
    "local-masking-deadregistry": "viewer",
  });
  topic = uniqueTopic("mk");
  topics.push(topic);
  await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
  const subject = `${topic}-value`;
  subjects.push(subject);
  const schema = {
    type: "record",
    name: "Payment",
    fields: [
      { name: "customer", type: { type: "record", name: "Customer", fields: [{ name: "email", type: "string" }] } },
      { name: "card", type: { type: "record", name: "Card", fields: [{ name: "number", type: "string" }] } },
      { name: "note", type: "string" },
    ],
  };
  expect(
    (
      await registry(`/subjects/${encodeURIComponent(subject)}/versions`, {
        method: "POST",
        body: { schemaType: "AVRO", schema: JSON.stringify(schema) },
      })
    ).status,
  ).toBe(200);
  // 0: JSON with text, JSON and binary headers.
  await producer.send({ topic, messages: [jsonRecord] });
  // 1: Avro through the registry, written through Sluice's produce route: its answer must not echo the record.
  const produced = await call(
    produceRoute,
    `/api/clusters/local-masking/topics/${topic}/messages`,
    { clusterId: "local-masking", topicName: topic },
    adminCookie,
    {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        key: { format: "string", data: "avro-1" },
        value: {
          format: "schema",
          subject,
          data: JSON.stringify({ customer: { email: EMAIL }, card: { number: CARD }, note: `paid with ${PAN}` }),
        },
      }),
    },
  );
  const producedText = await produced.text();
  expect(produced.status, producedText).toBe(201);
  expect(leaked(producedText)).toEqual([]);
  // 2: malformed JSON; 3: binary (not UTF-8) carrying a secret; 4: plain text with a card number.
  await producer.send({
    topic,
    messages: [
      { key: "bad-json", value: `{"customer":{"email":"${EMAIL}"` },
      { key: Buffer.from([0xff, 0xfe, 0x01]), value: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(EMAIL)]) },
      { key: "text", value: `card ${PAN} of ${EMAIL}` },
    ],
  });
});
afterAll(async () => {
  await admin.deleteTopics({ topics }).catch(() => {});
  await Promise.all([admin.disconnect(), producer.disconnect()]);
  await purgeSubjects(subjects);
});

const browseUrl = (cluster: string, query: string) =>
  `/api/clusters/${cluster}/topics/${topic}/messages?start=oldest&${query}`;
const params = (cluster = "local-masking") => ({ clusterId: cluster, topicName: topic });

describe("masking is a property of the record, in every view and format", () => {
  it.each(DECODE_FORMATS)(
    "browse and record detail with keyFormat=valueFormat=%s send no masked clear text",
    async (format) => {
      const res = await call(
        browseRoute,
        browseUrl("local-masking", `keyFormat=${format}&valueFormat=${format}`),
        params(),
        viewer.cookie,
      );
      const text = await res.text();
      expect(res.status, text).toBe(200);
      expect(leaked(text)).toEqual([]);
      const messages = JSON.parse(text).messages as { offset: string; value: { text: string; masked?: boolean } }[];
      expect(messages).toHaveLength(5);
      // Undecodable records are hidden whole, and say so.
      for (const offset of ["2", "3"]) {
        expect(messages.find((m) => m.offset === offset)!.value).toMatchObject({
          text: "masked: could not be decoded for masking",
          masked: true,
        });
      }
      for (const offset of ["0", "1", "2", "3", "4"]) {
        const detail = await call(
          detailRoute,
          `/api/clusters/local-masking/topics/${topic}/messages/0/${offset}?keyFormat=${format}&valueFormat=${format}`,
          { ...params(), partition: "0", offset },
          viewer.cookie,
        );
        const body = await detail.text();
        expect(detail.status, body).toBe(200);
        expect(leaked(body), `offset ${offset}`).toEqual([]);
      }
    },
  );

  it("shows masked values that still read as the record (fields replaced, patterns in keys and headers)", async () => {
    const res = await call(browseRoute, browseUrl("local-masking", "valueFormat=string"), params(), viewer.cookie);
    const [json, avro] = (await res.json()).messages;
    expect(JSON.parse(json.value.text)).toEqual({
      customer: { email: "****", name: "Eve" },
      card: { number: "****" },
      note: "paid with ####",
    });
    expect(JSON.parse(avro.value.text)).toEqual({
      customer: { email: "****" },
      card: { number: "****" },
      note: "paid with ####",
    });
    expect(json.key.text).toBe("card ####");
    expect(Object.fromEntries(json.headers.map((h: { key: string; value: string }) => [h.key, h.value]))).toEqual({
      "h-text": "pan ####",
      "h-json": '{"customer":{"email":"****"}}',
      "h-bin": "masked: could not be decoded for masking",
    });
  });

  it.each([
    ["substring", `q=${encodeURIComponent(EMAIL)}`],
    ["regex", `q=${encodeURIComponent("secret@")}&regex=true`],
    ["CEL on text", `cel=${encodeURIComponent('value.contains("secret@")')}`],
  ])("search (%s) in every format finds nothing that masking hid and sends no clear text", async (_, filter) => {
    for (const format of DECODE_FORMATS) {
      const res = await call(
        streamRoute,
        `/api/clusters/local-masking/topics/${topic}/messages/stream?start=oldest&keyFormat=${format}&valueFormat=${format}&${filter}`,
        params(),
        viewer.cookie,
      );
      expect(res.status).toBe(200);
      const text = await rawBody(res, (t) => t.includes("event: done"));
      expect(text).toContain("event: done");
      expect(leaked(text), format).toEqual([]);
      expect(text, format).toMatch(/"matched":0/);
    }
  });

  it("CEL sees the masked fields in every format (JSON and Avro records match the masked value)", async () => {
    for (const format of DECODE_FORMATS) {
      const cel = encodeURIComponent('value.customer.email == "****" && value.card.number == "****"');
      const res = await call(
        streamRoute,
        `/api/clusters/local-masking/topics/${topic}/messages/stream?start=oldest&valueFormat=${format}&cel=${cel}`,
        params(),
        viewer.cookie,
      );
      const text = await rawBody(res, (t) => t.includes("event: done"));
      expect(text, format).toMatch(/"matched":2/);
      expect(leaked(text), format).toEqual([]);
    }
  });

  it("a search without filters lists every record masked in every format", async () => {
    for (const format of DECODE_FORMATS) {
      const res = await call(
        streamRoute,
        `/api/clusters/local-masking/topics/${topic}/messages/stream?start=oldest&keyFormat=${format}&valueFormat=${format}`,
        params(),
        viewer.cookie,
      );
      const text = await rawBody(res, (t) => t.includes("event: done"));
      expect(text).toMatch(/"matched":5/);
      expect(leaked(text), format).toEqual([]);
    }
  });

  it("a live tail sends new records masked", async () => {
    const res = await call(
      streamRoute,
      `/api/clusters/local-masking/topics/${topic}/messages/stream?start=end&follow=true&valueFormat=string`,
      params(),
      viewer.cookie,
    );
    expect(res.status).toBe(200);
    const reading = rawBody(res, (t) => t.includes("event: messages"));
    await new Promise((r) => setTimeout(r, 1500));
    await producer.send({ topic, messages: [jsonRecord] });
    const text = await reading;
    expect(text).toContain("event: messages");
    expect(text).toContain("paid with ####");
    expect(leaked(text)).toEqual([]);
  });

  it("the export is masked in every format, and its audit row names the formats", async () => {
    for (const format of ["string", "hex", "base64"]) {
      const res = await call(
        exportRoute,
        `/api/clusters/local-masking/topics/${topic}/messages/export?start=oldest&keyFormat=auto&valueFormat=${format}`,
        params(),
        viewer.cookie,
      );
      const text = await res.text();
      expect(res.status, text).toBe(200);
      expect(text.trim().split("\n").length).toBeGreaterThanOrEqual(5);
      expect(leaked(text), format).toEqual([]);
      const rows = await prisma.auditEvent.findMany({
        where: { action: "messages.export", target: topic, actorId: viewer.id },
      });
      expect(rows.map((r) => JSON.parse(r.before!))).toContainEqual(
        expect.objectContaining({ keyFormat: "auto", valueFormat: format, unmasked: false }),
      );
    }
  });

  it("with the schema registry down, schema records come back masked, not as raw bytes", async () => {
    for (const format of DECODE_FORMATS) {
      const res = await call(
        browseRoute,
        browseUrl("local-masking-deadregistry", `valueFormat=${format}`),
        params("local-masking-deadregistry"),
        viewer.cookie,
      );
      const text = await res.text();
      expect(res.status, text).toBe(200);
      expect(leaked(text), format).toEqual([]);
      const avro = JSON.parse(text).messages.find((m: { offset: string }) => m.offset === "1");
      expect(avro.value).toMatchObject({ text: "masked: could not be decoded for masking", masked: true });
    }
  });

  it("a produce error on a masked topic does not quote the record", async () => {
    const res = await call(
      produceRoute,
      `/api/clusters/local-masking/topics/${topic}/messages`,
      params(),
      adminCookie,
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        // The card number sent as a number: the encoder's own message would quote it ("invalid "string": 5500…").
        body: JSON.stringify({
          value: {
            format: "schema",
            subject: `${topic}-value`,
            data: `{"customer":{"email":"x"},"card":{"number":${CARD}},"note":"n"}`,
          },
        }),
      },
    );
    const text = await res.text();
    expect(res.status).toBe(422);
    expect(text).toMatch(/does not match schema/);
    expect(leaked(text)).toEqual([]);
    const row = await prisma.auditEvent.findFirst({
      where: { action: "messages.produce", target: topic, result: "failure" },
    });
    expect(leaked(JSON.stringify(row ?? {}))).toEqual([]);
  });
});

describe("unmasked reads: a separate permission, asked for explicitly, audited", () => {
  it("admins see clear text with unmasked=true, and each request leaves one audit row with view and formats", async () => {
    const before = await prisma.auditEvent.count({ where: { action: "messages.unmask", target: topic } });
    const masked = await call(browseRoute, browseUrl("local-masking", "valueFormat=string"), params(), adminCookie);
    expect(leaked(await masked.text())).toEqual([]);
    const res = await call(
      browseRoute,
      browseUrl("local-masking", "valueFormat=string&unmasked=true"),
      params(),
      adminCookie,
    );
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(text).toContain(EMAIL);
    const detail = await call(
      detailRoute,
      `/api/clusters/local-masking/topics/${topic}/messages/0/1?unmasked=true`,
      { ...params(), partition: "0", offset: "1" },
      adminCookie,
    );
    expect(await detail.text()).toContain(CARD);
    const rows = await prisma.auditEvent.findMany({ where: { action: "messages.unmask", target: topic } });
    expect(rows).toHaveLength(before + 2);
    for (const row of rows) {
      expect(row).toMatchObject({ result: "success", clusterId: "local-masking", actor: "admin@sluice.test" });
    }
    const views = rows.map((r) => JSON.parse(r.before!));
    expect(views).toContainEqual(expect.objectContaining({ view: "browse", keyFormat: "auto", valueFormat: "string" }));
    expect(views).toContainEqual(expect.objectContaining({ view: "detail", keyFormat: "auto", valueFormat: "auto" }));
  });

  it("a viewer asking for unmasked=true gets 403 (audited) in every view; an exempt role or team sees clear text", async () => {
    const urls: [Handler, string, Record<string, string>][] = [
      [browseRoute, browseUrl("local-masking", "unmasked=true"), params()],
      [
        detailRoute,
        `/api/clusters/local-masking/topics/${topic}/messages/0/0?unmasked=true`,
        { ...params(), partition: "0", offset: "0" },
      ],
      [streamRoute, `/api/clusters/local-masking/topics/${topic}/messages/stream?start=oldest&unmasked=true`, params()],
      [exportRoute, `/api/clusters/local-masking/topics/${topic}/messages/export?start=oldest&unmasked=true`, params()],
    ];
    for (const [handler, url, p] of urls) {
      const res = await call(handler, url, p, viewer.cookie);
      const text = await res.text();
      expect(res.status, url).toBe(403);
      expect(JSON.parse(text).error.code).toBe("forbidden");
      expect(leaked(text)).toEqual([]);
    }
    expect(
      await prisma.auditEvent.count({
        where: { action: "messages.unmask", target: topic, actorId: viewer.id, result: "failure" },
      }),
    ).toBe(4);

    const approver = await testUser("mask-approver@sluice.test", { "local-masking": "approver" });
    const teamId = await testTeam("it-mask-auditors", []);
    const auditor = await testUser("mask-auditor@sluice.test", { "local-masking": "viewer" }, [teamId]);
    for (const who of [approver, auditor]) {
      const res = await call(
        streamRoute,
        `/api/clusters/local-masking/topics/${topic}/messages/stream?start=oldest&valueFormat=string&unmasked=true`,
        params(),
        who.cookie,
      );
      expect(res.status).toBe(200);
      const text = await rawBody(res, (t) => t.includes("event: done"));
      expect(text).toContain(EMAIL);
      expect(
        await prisma.auditEvent.count({
          where: { action: "messages.unmask", target: topic, actorId: who.id, result: "success" },
        }),
      ).toBe(1);
    }
  });
});
