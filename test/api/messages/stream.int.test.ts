import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as exportRoute } from "@/app/api/clusters/[clusterId]/topics/[topicName]/messages/export/route";
import { GET as browse } from "@/app/api/clusters/[clusterId]/topics/[topicName]/messages/route";
import { GET as stream } from "@/app/api/clusters/[clusterId]/topics/[topicName]/messages/stream/route";
import type { BrowsePage, Message } from "@/lib/schemas/messages";
import { prisma } from "@/server/db/prisma";
import { activeMessageSessions } from "@/server/messages/sessions";
import { callRoute, type Envelope } from "../../call-route";
import { BOOTSTRAP } from "../../infra";
import { createTestTopic, testAdmin, uniqueTopic } from "../../kafka-admin";
import { messagesOf, readEvents } from "../../sse-client";
import { Kafka, logLevel } from "kafkajs";
import { sluiceAdmin } from "../../auth";

let cookie = "";
beforeAll(async () => {
  cookie = (await sluiceAdmin()).cookie;
});

const admin = testAdmin();
const kafka = new Kafka({ brokers: [BOOTSTRAP], logLevel: logLevel.NOTHING });
// Idempotent: a send retried on a busy host must not write a record twice (the tests count records).
const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
const topics: string[] = [];

const createTopic = (prefix: string, partitions = 1) => createTestTopic(admin, topics, prefix, partitions);

/** Calls the stream route like a browser: returns the raw Response (SSE) and an abort handle. */
function open(
  topic: string,
  query: string,
  opts: { clusterId?: string; lastEventId?: string; route?: typeof stream } = {},
) {
  const clusterId = opts.clusterId ?? "local";
  const abort = new AbortController();
  const headers: Record<string, string> = {
    cookie,
    ...(opts.lastEventId ? { "last-event-id": opts.lastEventId } : {}),
  };
  const res = (opts.route ?? stream)(
    new Request(`http://sluice.test/api/clusters/${clusterId}/topics/${topic}/messages/stream?${query}`, {
      signal: abort.signal,
      headers,
    }),
    {
      params: Promise.resolve({ clusterId, topicName: topic }),
    },
  );
  return { res, abort };
}

const orders = (n: number, plant: (i: number) => boolean) =>
  Array.from({ length: n }, (_, i) => ({
    key: `order-${i}`,
    value: JSON.stringify({
      orderId: plant(i) ? "X-42" : `A-${i}`,
      amount: i,
      customer: { email: `c${i}@example.com` },
    }),
  }));

beforeAll(async () => {
  await admin.connect();
  await producer.connect();
});
afterAll(async () => {
  await admin.deleteTopics({ topics }).catch(() => {});
  await Promise.all([admin.disconnect(), producer.disconnect()]);
});

describe("search stream", () => {
  it("scans the whole range with a CEL filter, reports progress, and stops at the end offsets captured at start", async () => {
    const topic = await createTopic("search", 3);
    await producer.send({ topic, messages: orders(3000, (i) => i % 1000 === 7) });
    const { res } = open(
      topic,
      `start=oldest&cel=${encodeURIComponent('value.orderId == "X-42" && value.amount > 5')}`,
    );
    const r = await res;
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toMatch(/text\/event-stream/);
    expect(r.headers.get("cache-control")).toBe("no-cache, no-transform");
    const events = await readEvents(r, (e) => e.some((x) => x.event === "done"));
    const done = events.find((e) => e.event === "done")!;
    expect(done.data).toMatchObject({ reason: "end", scanned: 3000, matched: 3 });
    const found = messagesOf(events) as Message[];
    expect(found.map((m) => JSON.parse(m.value.text!).amount).sort((a: number, b: number) => a - b)).toEqual([
      7, 1007, 2007,
    ]);
    const progress = events.filter((e) => e.event === "progress");
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.at(-1)!.data.partitions.every((p: { offset: string; end: string }) => p.offset === p.end)).toBe(
      true,
    );
  });

  it("matches substrings and RE2 regexes; a catastrophic pattern stays linear", async () => {
    const topic = await createTopic("regex");
    await producer.send({
      topic,
      messages: [
        { key: "a", value: "a".repeat(5000) + "!" },
        { key: "b", value: "payment FAILED for order 9" },
      ],
    });
    const sub = await readEvents(await open(topic, "start=oldest&q=failed&in=value").res, (e) =>
      e.some((x) => x.event === "done"),
    );
    expect((messagesOf(sub) as Message[]).map((m) => m.key.text)).toEqual(["b"]);
    const started = Date.now();
    const evil = await readEvents(
      await open(topic, `start=oldest&regex=true&q=${encodeURIComponent("(a+)+$")}`).res,
      (e) => e.some((x) => x.event === "done"),
    );
    expect(Date.now() - started).toBeLessThan(30_000); // backtracking would never end on 5,000 a's: linear time does
    expect(evil.find((e) => e.event === "done")!.data.matched).toBe(1);
  });

  it("refuses an invalid CEL expression or regex before the stream opens, naming the position", async () => {
    const topic = await createTopic("bad-filter");
    const cel = await callRoute<Envelope>(
      stream,
      `/api/clusters/local/topics/${topic}/messages/stream?cel=${encodeURIComponent("value.amount >")}`,
      { clusterId: "local", topicName: topic },
    );
    expect(cel.status).toBe(422);
    expect(cel.body.error.message).toMatch(/Invalid CEL expression at line 1, column \d+/);
    const re = await callRoute<Envelope>(
      stream,
      `/api/clusters/local/topics/${topic}/messages/stream?regex=true&q=${encodeURIComponent("(unclosed")}`,
      { clusterId: "local", topicName: topic },
    );
    expect(re.status).toBe(422);
    expect(re.body.error.message).toMatch(/Invalid regular expression/);
  });
});

describe("live tail", () => {
  it("delivers records produced after it opened, and a reconnect with Last-Event-ID resumes without repeats", async () => {
    const topic = await createTopic("tail", 2);
    await producer.send({ topic, messages: [{ value: "before-open" }] });
    const first = open(topic, "start=end&follow=true");
    const r = await first.res;
    const sending = (async () => {
      await new Promise((res) => setTimeout(res, 500));
      await producer.send({
        topic,
        messages: [
          { key: "k1", value: "live-1" },
          { key: "k2", value: "live-2" },
        ],
      });
    })();
    const events = await readEvents(r, (e) => messagesOf(e).length >= 2);
    await sending;
    first.abort.abort();
    expect((messagesOf(events) as Message[]).map((m) => m.value.text).sort()).toEqual(["live-1", "live-2"]);
    const lastId = events.filter((e) => e.id).at(-1)!.id!;

    await producer.send({ topic, messages: [{ key: "k3", value: "while-away" }] });
    const resumed = await readEvents(
      await open(topic, "start=end&follow=true", { lastEventId: lastId }).res,
      (e) => messagesOf(e).length >= 1,
      10_000,
    );
    expect((messagesOf(resumed) as Message[]).map((m) => m.value.text)).toEqual(["while-away"]);
  });

  it("releases its session when the client goes away", async () => {
    const topic = await createTopic("tail-release");
    const before = activeMessageSessions("local");
    const { res, abort } = open(topic, "start=end&follow=true");
    const r = await res;
    expect(activeMessageSessions("local")).toBe(before + 1);
    await readEvents(r, (e) => e.some((x) => x.event === "progress"));
    abort.abort();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(activeMessageSessions("local")).toBe(before);
  });
});

describe("masking, export and session cap", () => {
  it("masks configured JSON fields and patterns before records leave the server", async () => {
    const topic = uniqueTopic("x").replace(/^it\./, "it.mask.");
    topics.push(topic);
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
    await producer.send({
      topic,
      messages: [
        {
          key: "card 1234-5678-9012-3456",
          value: JSON.stringify({
            customer: { email: "eve@example.com", name: "Eve" },
            cards: [{ number: "4111" }],
            note: "paid with 1111-2222-3333-4444",
          }),
        },
      ],
    });
    const res = await callRoute<BrowsePage>(
      browse,
      `/api/clusters/local-masked/topics/${topic}/messages?start=oldest`,
      { clusterId: "local-masked", topicName: topic },
    );
    const [m] = res.body.messages;
    expect(JSON.parse(m.value.text!)).toEqual({
      customer: { email: "****", name: "Eve" },
      cards: [{ number: "****" }],
      note: "paid with ####",
    });
    expect(m.value.masked).toBe(true);
    expect(m.key.text).toBe("card ####");
    // A search cannot find what masking hid.
    const events = await readEvents(
      await open(topic, "start=oldest&q=eve%40example.com", { clusterId: "local-masked" }).res,
      (e) => e.some((x) => x.event === "done"),
    );
    expect(events.find((e) => e.event === "done")!.data.matched).toBe(0);
  });

  it("exports the search result as JSON Lines with full records, audited; refused where export is disabled", async () => {
    const topic = await createTopic("export", 2);
    const big = "y".repeat(30_000);
    await producer.send({
      topic,
      messages: [...orders(50, (i) => i < 5), { key: "big", value: JSON.stringify({ orderId: "X-42", big }) }],
    });
    const res = await exportRoute(
      new Request(`http://sluice.test/api/clusters/local/topics/${topic}/messages/export?start=oldest&q=X-42`, {
        headers: { cookie },
      }),
      { params: Promise.resolve({ clusterId: "local", topicName: topic }) },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename=".*\.jsonl"/);
    const lines = (await res.text())
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(6);
    const bigLine = lines.find((l) => l.key.text === "big");
    expect(bigLine.value.truncated).toBe(false);
    expect(JSON.parse(bigLine.value.text).big).toBe(big);
    expect(await prisma.auditEvent.findFirst({ where: { action: "messages.export", target: topic } })).toMatchObject({
      result: "success",
    });
    const refused = await callRoute<Envelope>(
      exportRoute,
      `/api/clusters/local-masked/topics/${topic}/messages/export`,
      { clusterId: "local-masked", topicName: topic },
    );
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/Export is disabled/);
  });

  it("answers 429 beyond the cluster's concurrent session cap, and accepts again once one closes", async () => {
    const topic = await createTopic("cap");
    const a = open(topic, "start=end&follow=true", { clusterId: "local-masked" });
    const b = open(topic, "start=end&follow=true", { clusterId: "local-masked" });
    const [ra, rb] = await Promise.all([a.res, b.res]);
    expect([ra.status, rb.status]).toEqual([200, 200]);
    const third = await callRoute<Envelope>(
      stream,
      `/api/clusters/local-masked/topics/${topic}/messages/stream?start=end&follow=true`,
      { clusterId: "local-masked", topicName: topic },
    );
    expect(third.status).toBe(429);
    expect(third.body.error.message).toMatch(/limit is 2/);
    a.abort.abort();
    await ra.body?.cancel().catch(() => {});
    await new Promise((r) => setTimeout(r, 200));
    const fourth = open(topic, "start=end&follow=true", { clusterId: "local-masked" });
    expect((await fourth.res).status).toBe(200);
    fourth.abort.abort();
    b.abort.abort();
    await rb.body?.cancel().catch(() => {});
  });
});
