import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Kafka, logLevel } from "kafkajs";
import { GET as streamRoute } from "@/app/api/clusters/[clusterId]/topics/[topicName]/messages/stream/route";
import type { Message } from "@/lib/schemas/messages";
import { sluiceAdmin, testUser } from "../../auth";
import { BOOTSTRAP } from "../../infra";
import { testAdmin, uniqueTopic } from "../../kafka-admin";
import { messagesOf, readEvents } from "../../sse-client";

// Searches test each record's raw bytes before decoding it (server/messages/prefilter.ts), after the first 1,000
// records of a scan. These records sit past that point; each can only be found if the pre-filter lets it through.
const FILLER = 1_100;
const admin = testAdmin();
const kafka = new Kafka({ brokers: [BOOTSTRAP], logLevel: logLevel.NOTHING });
const producer = kafka.producer();
const topics: string[] = [];
let plain = "";
let masked = "";
let adminCookie = "";
let viewerCookie = "";

const BIN_HEADER = Buffer.from([0xff, 0xfe, 0x00, 0x10, 0x83, 0xf7, 0x21, 0x9b, 0x44]);
const BIN_HEADER_B64 = BIN_HEADER.toString("base64").slice(2, 10);
const EMAIL = "eve.secret@example.com";
const PAN = "4111-2222-3333-4444";

const filler = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    key: `order-${i}`,
    value: JSON.stringify({ orderId: `A-${i}`, customer: `c${i % 97}`, note: "nothing to see" }),
    headers: { source: "it" },
  }));

beforeAll(async () => {
  await Promise.all([admin.connect(), producer.connect()]);
  adminCookie = (await sluiceAdmin()).cookie;
  viewerCookie = (await testUser("prefilter-viewer@sluice.test", { "local-masking": "viewer" })).cookie;
  plain = uniqueTopic("prefilter");
  masked = uniqueTopic("mk.prefilter");
  topics.push(plain, masked);
  await admin.createTopics({
    topics: [
      { topic: plain, numPartitions: 1 },
      { topic: masked, numPartitions: 1 },
    ],
    waitForLeaders: true,
  });
  await producer.send({ topic: plain, messages: filler(FILLER) });
  await producer.send({
    topic: plain,
    messages: [
      { key: "p-escaped", value: '{"customer":"c\\u0034242","orderId":"E-1"}' }, // "c4242" spelt with a JSON escape
      { key: "p-plain", value: '{"customer":"c4242","orderId":"E-2"}' },
      { key: "p-case", value: '{"customer":"C4242","orderId":"E-3"}' }, // CEL compares exactly: no match
      { key: "p-header", value: "{}", headers: { trace: "Needle-XYZ" } },
      { key: "NEEDLE-xyz-key", value: "{}" },
      { key: "p-binary", value: Buffer.from([0xde, 0xad, 0xbe, 0xef, 0xff, 0x00]) }, // shown as hex: deadbeefff00
      { key: "p-binheader", value: "{}", headers: { blob: BIN_HEADER } }, // shown as base64
      { key: "p-text", value: "plain text mentioning needle-xyz in lower case" },
    ],
  });
  // A masked topic (rules of cluster local-masking: customer.email and card-like numbers are masked).
  const secret = (i: number) => ({
    key: `m-${i}`,
    value: JSON.stringify({ customer: { email: EMAIL }, note: `paid with ${PAN}`, i }),
  });
  await producer.send({ topic: masked, messages: Array.from({ length: 1_200 }, (_, i) => secret(i)) });
});
afterAll(async () => {
  await admin.deleteTopics({ topics }).catch(() => {});
  await Promise.all([admin.disconnect(), producer.disconnect()]);
});

async function search(
  cluster: string,
  topic: string,
  query: string,
  cookie: string,
): Promise<{ keys: string[]; done: { scanned: number; matched: number } }> {
  const res = await streamRoute(
    new Request(`http://sluice.test/api/clusters/${cluster}/topics/${topic}/messages/stream?start=oldest&${query}`, {
      headers: { cookie },
    }),
    {
      params: Promise.resolve({ clusterId: cluster, topicName: topic }),
    },
  );
  expect(res.status).toBe(200);
  const events = await readEvents(res, (e) => e.some((x) => x.event === "done" || x.event === "error"), 30_000);
  const done = events.find((e) => e.event === "done");
  expect(done, JSON.stringify(events.filter((e) => e.event === "error"))).toBeDefined();
  return { keys: (messagesOf(events) as Message[]).map((m) => m.key.text ?? ""), done: done!.data };
}

describe("raw-byte pre-filter of searches", () => {
  it("finds every substring match past the first 1,000 records: keys, headers, any case, hex-shown binary, base64-shown headers", async () => {
    const needle = await search("local", plain, `q=${encodeURIComponent("needle-xyz")}`, adminCookie);
    expect(needle.done.scanned).toBe(FILLER + 8);
    expect(needle.keys.sort()).toEqual(["NEEDLE-xyz-key", "p-header", "p-text"]);
    expect((await search("local", plain, "q=deadbeef", adminCookie)).keys).toEqual(["p-binary"]);
    expect(
      (await search("local", plain, `in=headers&q=${encodeURIComponent(BIN_HEADER_B64)}`, adminCookie)).keys,
    ).toEqual(["p-binheader"]);
    // Only in the value: the key "NEEDLE-xyz-key" does not count.
    expect((await search("local", plain, `in=value&q=${encodeURIComponent("NEEDLE-XYZ")}`, adminCookie)).keys).toEqual([
      "p-text",
    ]);
  });

  it("RE2 searches use the pattern's required literal, case-sensitively, and still find hex-shown binary", async () => {
    expect(
      (await search("local", plain, `regex=true&q=${encodeURIComponent("needle-x[y]z")}`, adminCookie)).keys,
    ).toEqual(["p-text"]);
    expect(
      (await search("local", plain, `regex=true&q=${encodeURIComponent("Needle-\\w+")}`, adminCookie)).keys,
    ).toEqual(["p-header"]);
    expect(
      (await search("local", plain, `regex=true&q=${encodeURIComponent("dead[b]eef")}`, adminCookie)).keys,
    ).toEqual(["p-binary"]);
  });

  it("CEL equality finds values whose JSON spells the literal with an escape, and nothing the expression rejects", async () => {
    const r = await search("local", plain, `cel=${encodeURIComponent('value.customer == "c4242"')}`, adminCookie);
    expect(r.keys).toEqual(["p-escaped", "p-plain"]);
    expect(r.done).toMatchObject({ scanned: FILLER + 8, matched: 2 });
    const both = await search(
      "local",
      plain,
      `cel=${encodeURIComponent('value.customer == "c4242" && value.orderId == "E-2"')}`,
      adminCookie,
    );
    expect(both.keys).toEqual(["p-plain"]);
  });

  it("never applies to a masked topic: masked-away text is not found through the bytes, masked text is found", async () => {
    // The email is in every record's bytes but masked in every record's view: no match, nothing sent.
    const hidden = await search("local-masking", masked, `q=${encodeURIComponent(EMAIL)}`, viewerCookie);
    expect(hidden.done).toMatchObject({ scanned: 1_200, matched: 0 });
    const hiddenCel = await search(
      "local-masking",
      masked,
      `cel=${encodeURIComponent(`value.customer.email == "${EMAIL}"`)}`,
      viewerCookie,
    );
    expect(hiddenCel.done).toMatchObject({ scanned: 1_200, matched: 0 });
    // The masks are in no record's bytes, yet every record shows them: all 1,200 match, past the first 1,000 too.
    const shown = await search(
      "local-masking",
      masked,
      `maxResults=5000&q=${encodeURIComponent("paid with ####")}`,
      viewerCookie,
    );
    expect(shown.done).toMatchObject({ scanned: 1_200, matched: 1_200 });
    const shownCel = await search(
      "local-masking",
      masked,
      `cel=${encodeURIComponent('value.customer.email == "****"')}`,
      viewerCookie,
    );
    expect(shownCel.done).toMatchObject({ scanned: 1_200, matched: 1_200 });
  });
});
