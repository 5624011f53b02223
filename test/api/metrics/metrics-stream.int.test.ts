import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as stream } from "@/app/api/clusters/[clusterId]/metrics/stream/route";
import { samplerFor } from "@/server/metrics/sampler";
import { callRoute, type Envelope } from "../../call-route";
import { testAdmin, uniqueTopic, testProducer } from "../../kafka-admin";
import { readEvents, type ReceivedEvent } from "../../sse-client";
import { sluiceAdmin } from "../../auth";

let cookie = "";
beforeAll(async () => {
  cookie = (await sluiceAdmin()).cookie;
});

const admin = testAdmin();
const producer = testProducer();
const topics: string[] = [];
const groups: string[] = [];

function open(query: string) {
  const abort = new AbortController();
  const res = stream(
    new Request(`http://sluice.test/api/clusters/local/metrics/stream${query}`, {
      signal: abort.signal,
      headers: { cookie },
    }),
    { params: Promise.resolve({ clusterId: "local" }) },
  );
  return { res, abort };
}
const ticks = (events: ReceivedEvent[]) => events.filter((e) => e.event === "metrics").map((e) => e.data);

beforeAll(async () => {
  await Promise.all([admin.connect(), producer.connect()]);
});
afterAll(async () => {
  await admin.deleteGroups(groups).catch(() => {});
  await admin.deleteTopics({ topics }).catch(() => {});
  await Promise.all([admin.disconnect(), producer.disconnect()]);
});

describe("live metrics stream", () => {
  it(
    "reports a topic's produce rate and a group's lag from the cluster's one sampler, and stops it when the last viewer leaves",
    { timeout: 60_000 },
    async () => {
      const topic = uniqueTopic("metrics");
      const group = `${topic}.group`;
      topics.push(topic);
      groups.push(group);
      await admin.createTopics({ topics: [{ topic, numPartitions: 2 }], waitForLeaders: true });
      await producer.send({
        topic,
        messages: Array.from({ length: 10 }, (_, i) => ({ value: `v${i}`, partition: 0 })),
      });
      await admin.setOffsets({ groupId: group, topic, partitions: [{ partition: 0, offset: "4" }] });

      const t = open(`?topic=${topic}`);
      const g = open(`?group=${encodeURIComponent(group)}`);
      const [tr, gr] = await Promise.all([t.res, g.res]);
      expect([tr.status, gr.status]).toEqual([200, 200]);
      let produced = false;
      let subscribersWhileOpen = 0;
      const topicEvents = await readEvents(
        tr,
        (e) => {
          subscribersWhileOpen = samplerFor("local").subscribers;
          const ts = ticks(e);
          if (!produced && ts.length >= 1) {
            produced = true;
            void producer.send({
              topic,
              messages: Array.from({ length: 40 }, (_, i) => ({ value: `w${i}`, partition: 1 })),
            });
          }
          return ts.some((x) => x.topics[0]?.end === 50 && (x.topics[0]?.rate ?? 0) > 0);
        },
        20_000,
      );
      expect(subscribersWhileOpen).toBeGreaterThan(0);
      const last = ticks(topicEvents).at(-1);
      expect(last.topics).toHaveLength(1);
      expect(last.topics[0]).toMatchObject({ topic, end: 50 });
      expect(last.topics[0].rate).toBeGreaterThan(0);
      expect(topicEvents[0].event).toBe("history");

      // A group's lag comes as its own typed event per tick, next to the metrics event of the same tick.
      const lags = (events: ReceivedEvent[]) => events.filter((e) => e.event === "lag").map((e) => e.data);
      const groupEvents = await readEvents(gr, (e) => lags(e).some((x) => x.groups[0]?.lag === 6), 15_000);
      expect(lags(groupEvents).at(-1).groups).toHaveLength(1);
      expect(lags(groupEvents).at(-1).groups[0]).toMatchObject({ groupId: group, lag: 6 });
      expect(ticks(groupEvents).map((x) => x.t)).toContain(lags(groupEvents).at(-1).t);
      expect(ticks(groupEvents).at(-1).groups).toEqual([]);

      t.abort.abort();
      g.abort.abort();
      await new Promise((r) => setTimeout(r, 300));
      expect(samplerFor("local").subscribers).toBe(0);
    },
  );

  it("announces topics created elsewhere", { timeout: 30_000 }, async () => {
    const { res, abort } = open("");
    const r = await res;
    const topic = uniqueTopic("metrics-new");
    topics.push(topic);
    let created = false;
    const events = await readEvents(
      r,
      (e) => {
        if (!created && ticks(e).length >= 1) {
          created = true;
          void admin.createTopics({ topics: [{ topic, numPartitions: 1 }] });
        }
        return e.some((x) => x.event === "topics-changed" && x.data.added.includes(topic));
      },
      20_000,
    );
    abort.abort();
    expect(events.some((x) => x.event === "topics-changed" && x.data.added.includes(topic))).toBe(true);
  });

  it("answers 404 before opening for an unknown topic or group", async () => {
    const topic = await callRoute<Envelope>(stream, "/api/clusters/local/metrics/stream?topic=it.metrics.nope", {
      clusterId: "local",
    });
    expect(topic.status).toBe(404);
    const group = await callRoute<Envelope>(stream, "/api/clusters/local/metrics/stream?group=it.metrics.nope", {
      clusterId: "local",
    });
    expect(group.status).toBe(404);
    expect(group.body.error.message).toMatch(/does not exist/);
  });
});
