import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as mux } from "@/app/api/streams/route";
import { callRoute, type Envelope } from "../../call-route";
import { testAdmin, uniqueTopic, testProducer } from "../../kafka-admin";
import { readEvents } from "../../sse-client";
import { sluiceAdmin } from "../../auth";

let cookie = "";
beforeAll(async () => {
  cookie = (await sluiceAdmin()).cookie;
});

const admin = testAdmin();
const producer = testProducer();
const topics: string[] = [];
const encode = (subs: unknown) => Buffer.from(JSON.stringify(subs)).toString("base64url");

beforeAll(async () => {
  await Promise.all([admin.connect(), producer.connect()]);
});
afterAll(async () => {
  await admin.deleteTopics({ topics }).catch(() => {});
  await Promise.all([admin.disconnect(), producer.disconnect()]);
});

describe("one connection for many live streams", () => {
  it("carries several tails on one stream, each tagged with its key; a refused one reports its error", async () => {
    const a = uniqueTopic("mux-a");
    const b = uniqueTopic("mux-b");
    topics.push(a, b);
    await admin.createTopics({ topics: [a, b].map((topic) => ({ topic, numPartitions: 1 })), waitForLeaders: true });
    const subs = [
      { k: "tab1", u: `/api/clusters/local/topics/${a}/messages/stream?start=end&follow=true` },
      { k: "tab2", u: `/api/clusters/local/topics/${b}/messages/stream?start=end&follow=true` },
      { k: "tab3", u: `/api/clusters/local/topics/it.mux.missing-topic/messages/stream?start=end&follow=true` },
    ];
    const abort = new AbortController();
    const res = await mux(
      new Request(`http://sluice.test/api/streams?subs=${encode(subs)}`, { signal: abort.signal, headers: { cookie } }),
      { params: Promise.resolve({}) },
    );
    expect(res.status).toBe(200);
    let sent = false;
    const events = await readEvents(res, (e) => {
      // Both tails are positioned at the end once they report "following": now write one record to each.
      if (!sent && e.filter((x) => x.event === "phase" && x.data.d.phase === "following").length === 2) {
        sent = true;
        void producer
          .send({ topic: a, messages: [{ value: "to-a" }] })
          .then(() => producer.send({ topic: b, messages: [{ value: "to-b" }] }));
      }
      return e.filter((x) => x.event === "messages").length >= 2;
    });
    abort.abort();
    const delivered = events
      .filter((e) => e.event === "messages")
      .map((e) => [e.data.k, e.data.d.messages[0].value.text]);
    expect(delivered.sort()).toEqual([
      ["tab1", "to-a"],
      ["tab2", "to-b"],
    ]);
    const refused = events.find((e) => e.event === "sub-error")!;
    expect(refused.data).toMatchObject({ k: "tab3", status: 404 });
    expect(events.filter((e) => e.event === "messages").every((e) => typeof e.data.id === "string")).toBe(true);
  });

  it("refuses a subscription to something that is not a live stream", async () => {
    const res = await callRoute<Envelope>(
      mux,
      `/api/streams?subs=${encode([{ k: "x", u: "/api/clusters/local/topics" }])}`,
    );
    expect(res.status).toBe(422);
    expect(res.body.error.message).toMatch(/not a live stream/);
  });
});
