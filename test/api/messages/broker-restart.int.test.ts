import { execFileSync } from "node:child_process";
import { Kafka, logLevel } from "kafkajs";
import { afterAll, describe, expect, it, beforeAll } from "vitest";
import { GET as metricsStream } from "@/app/api/clusters/[clusterId]/metrics/stream/route";
import { GET as stream } from "@/app/api/clusters/[clusterId]/topics/[topicName]/messages/stream/route";
import { BOOTSTRAP } from "../../infra";
import { testAdmin, uniqueTopic } from "../../kafka-admin";
import { SseParser } from "@/lib/sse/parse";
import { sluiceAdmin } from "../../auth";

let cookie = "";
beforeAll(async () => {
  cookie = (await sluiceAdmin()).cookie;
});

// Stops and restarts the local broker: only where nothing else shares it (npm test / CI set this).
const disruptive = process.env.SLUICE_DISRUPTIVE_TESTS === "1";
const kafkaSh = (cmd: string) => execFileSync("bash", ["dev/kafka.sh", cmd], { stdio: "ignore", timeout: 90_000 });

afterAll(() => {
  if (disruptive) kafkaSh("start"); // whatever happened, leave the broker running
});

/** Reads an SSE response in the background, stamping each event with its arrival time. */
function collect(res: Response) {
  const events: { event: string; data: any; at: number }[] = []; // eslint-disable-line @typescript-eslint/no-explicit-any
  const parser = new SseParser();
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  const done = (async () => {
    for (;;) {
      const r = await reader.read().catch(() => ({ done: true as const, value: undefined }));
      if (r.done) return;
      for (const e of parser.feed(r.value)) events.push({ event: e.event, data: JSON.parse(e.data), at: Date.now() });
    }
  })();
  return {
    events,
    stop: async () => {
      await reader.cancel().catch(() => {});
      await done;
    },
  };
}

describe.runIf(disruptive)("live streams across a broker restart", () => {
  it(
    "live tail says it is reconnecting while the broker is down, then resumes with the records written after it returns; live metrics show a gap with an error, then recover within 10 s",
    { timeout: 150_000 },
    async () => {
      const metricsAbort = new AbortController();
      const mres = await metricsStream(
        new Request("http://sluice.test/api/clusters/local/metrics/stream", {
          signal: metricsAbort.signal,
          headers: { cookie },
        }),
        { params: Promise.resolve({ clusterId: "local" }) },
      );
      expect(mres.status).toBe(200);
      const metrics = collect(mres);

      const admin = testAdmin();
      await admin.connect();
      const topic = uniqueTopic("restart");
      await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
      await admin.disconnect();

      const abort = new AbortController();
      const res = await stream(
        new Request(`http://sluice.test/api/clusters/local/topics/${topic}/messages/stream?start=end&follow=true`, {
          signal: abort.signal,
          headers: { cookie },
        }),
        {
          params: Promise.resolve({ clusterId: "local", topicName: topic }),
        },
      );
      expect(res.status).toBe(200);
      const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
      const parser = new SseParser();
      const events: { event: string; data: any }[] = []; // eslint-disable-line @typescript-eslint/no-explicit-any
      // One read in flight at a time, kept across waits: a read abandoned on timeout would swallow its chunk.
      let pending: Promise<ReadableStreamReadResult<string>> | null = null;
      const waitFor = async (pred: () => boolean, ms: number) => {
        const deadline = Date.now() + ms;
        while (!pred() && Date.now() < deadline) {
          pending ??= reader.read();
          const r = await Promise.race([pending, new Promise<null>((ok) => setTimeout(() => ok(null), 500))]);
          if (r === null) continue;
          pending = null;
          if (!r.done) for (const e of parser.feed(r.value)) events.push({ event: e.event, data: JSON.parse(e.data) });
        }
        return pred();
      };
      const texts = () =>
        events
          .filter((e) => e.event === "messages")
          .flatMap((e) => e.data.messages.map((m: { value: { text: string } }) => m.value.text));
      const produce = async (value: string) => {
        const p = new Kafka({ brokers: [BOOTSTRAP], logLevel: logLevel.NOTHING, retry: { retries: 10 } }).producer();
        await p.connect();
        await p.send({ topic, messages: [{ value }] });
        await p.disconnect();
      };

      expect(await waitFor(() => events.some((e) => e.event === "phase" && e.data.phase === "following"), 10_000)).toBe(
        true,
      );
      await produce("before-restart");
      expect(await waitFor(() => texts().includes("before-restart"), 10_000)).toBe(true);

      const ticksOk = () => metrics.events.filter((e) => e.event === "metrics" && e.data.ok);
      expect(await waitFor(() => ticksOk().length > 0, 20_000)).toBe(true);
      kafkaSh("stop");
      const stoppedAt = Date.now();
      expect(
        await waitFor(() => events.some((e) => e.event === "phase" && e.data.phase === "reconnecting"), 20_000),
      ).toBe(true);
      expect(await waitFor(() => metrics.events.some((e) => e.event === "error" && e.at > stoppedAt), 20_000)).toBe(
        true,
      );
      // the failed tick is a gap (ok: false, no rates), never a drop to zero
      const gap = metrics.events.find((e) => e.event === "metrics" && !e.data.ok && e.at > stoppedAt)!;
      expect(gap.data).toMatchObject({ ok: false, produceRate: null, consumeRate: null });
      kafkaSh("start");
      const backAt = Date.now();
      expect(await waitFor(() => ticksOk().some((e) => e.at > backAt), 30_000)).toBe(true);
      const recoveredIn = ticksOk().find((e) => e.at > backAt)!.at - backAt;
      expect(recoveredIn).toBeLessThanOrEqual(10_000);
      metricsAbort.abort();
      await metrics.stop();
      await produce("after-restart");
      expect(await waitFor(() => texts().includes("after-restart"), 45_000)).toBe(true);
      expect(texts()).toEqual(["before-restart", "after-restart"]);
      abort.abort();
      await reader.cancel().catch(() => {});
    },
  );
});

describe.runIf(disruptive)("topic request provisioning while the broker is down", () => {
  it(
    "ends FAILED with the reason and nothing half-created; retry provisions once the broker is back",
    { timeout: 120_000 },
    async () => {
      const { testTeam, testUser } = await import("../../auth");
      const { POST: submit } = await import("@/app/api/clusters/[clusterId]/requests/route");
      const { POST: decide } = await import("@/app/api/clusters/[clusterId]/requests/[requestId]/decision/route");
      const { POST: retry } = await import("@/app/api/clusters/[clusterId]/requests/[requestId]/retry/route");
      const team = await testTeam("it-payments", ["it.pay."]);
      const requester = await testUser("down-req@sluice.test", { local: "viewer" }, [team]);
      const approver = await testUser("down-appr@sluice.test", { local: "approver" }, [team]);
      const post = (cookie: string, body: unknown) => ({
        method: "POST",
        body: JSON.stringify(body),
        headers: { "content-type": "application/json", cookie },
      });
      const topic = uniqueTopic("pay");
      const sub = await submit(
        new Request(
          "http://sluice.test/api/clusters/local/requests",
          post(requester.cookie, {
            kind: "create",
            topicName: topic,
            teamId: team,
            partitions: 2,
            replicationFactor: 1,
            configs: { "retention.ms": "86400000" },
            justification: "provisioning while the broker is down",
          }),
        ),
        { params: Promise.resolve({ clusterId: "local" }) },
      );
      expect(sub.status).toBe(201);
      const id = ((await sub.json()) as { id: string }).id;

      kafkaSh("stop");
      const failed = (await (
        await decide(
          new Request(
            `http://sluice.test/api/clusters/local/requests/${id}/decision`,
            post(approver.cookie, { decision: "approve" }),
          ),
          { params: Promise.resolve({ clusterId: "local", requestId: id }) },
        )
      ).json()) as { status: string; failureReason: string; attempts: number };
      expect(failed.status).toBe("FAILED");
      expect(failed.failureReason).toMatch(/unreachable|not available|Closed connection|ECONNREFUSED/i);
      kafkaSh("start");

      const admin = testAdmin();
      await admin.connect();
      expect((await admin.listTopics()).includes(topic)).toBe(false); // nothing half-created
      const retried = (await (
        await retry(
          new Request(`http://sluice.test/api/clusters/local/requests/${id}/retry`, post(approver.cookie, {})),
          { params: Promise.resolve({ clusterId: "local", requestId: id }) },
        )
      ).json()) as { status: string; failureReason?: string };
      expect(retried, JSON.stringify(retried)).toMatchObject({ status: "PROVISIONED" });
      expect((await admin.fetchTopicMetadata({ topics: [topic] })).topics[0].partitions).toHaveLength(2);
      await admin.deleteTopics({ topics: [topic] });
      await admin.disconnect();
    },
  );
});
