import { execFileSync } from "node:child_process";
import { Kafka, logLevel } from "kafkajs";
import { afterAll, describe, expect, it, beforeAll } from "vitest";
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

describe.runIf(disruptive)("live tail across a broker restart", () => {
  it("says it is reconnecting while the broker is down, then resumes with the records written after it returns", { timeout: 120_000 }, async () => {
    const admin = testAdmin();
    await admin.connect();
    const topic = uniqueTopic("restart");
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
    await admin.disconnect();

    const abort = new AbortController();
    const res = await stream(new Request(`http://sluice.test/api/clusters/local/topics/${topic}/messages/stream?start=end&follow=true`, { signal: abort.signal, headers: { cookie } }), {
      params: Promise.resolve({ clusterId: "local", topicName: topic }),
    });
    expect(res.status).toBe(200);
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    const parser = new SseParser();
    const events: { event: string; data: any }[] = []; // eslint-disable-line @typescript-eslint/no-explicit-any
    const waitFor = async (pred: () => boolean, ms: number) => {
      const deadline = Date.now() + ms;
      while (!pred() && Date.now() < deadline) {
        const r = await Promise.race([reader.read(), new Promise<null>((ok) => setTimeout(() => ok(null), 500))]);
        if (r && !r.done) for (const e of parser.feed(r.value)) events.push({ event: e.event, data: JSON.parse(e.data) });
      }
      return pred();
    };
    const texts = () => events.filter((e) => e.event === "messages").flatMap((e) => e.data.messages.map((m: { value: { text: string } }) => m.value.text));
    const produce = async (value: string) => {
      const p = new Kafka({ brokers: [BOOTSTRAP], logLevel: logLevel.NOTHING, retry: { retries: 10 } }).producer();
      await p.connect();
      await p.send({ topic, messages: [{ value }] });
      await p.disconnect();
    };

    expect(await waitFor(() => events.some((e) => e.event === "phase" && e.data.phase === "following"), 10_000)).toBe(true);
    await produce("before-restart");
    expect(await waitFor(() => texts().includes("before-restart"), 10_000)).toBe(true);

    kafkaSh("stop");
    expect(await waitFor(() => events.some((e) => e.event === "phase" && e.data.phase === "reconnecting"), 20_000)).toBe(true);
    kafkaSh("start");
    await produce("after-restart");
    expect(await waitFor(() => texts().includes("after-restart"), 45_000)).toBe(true);
    expect(texts()).toEqual(["before-restart", "after-restart"]);
    abort.abort();
    await reader.cancel().catch(() => {});
  });
});
