import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as browse } from "@/app/api/clusters/[clusterId]/topics/[topicName]/messages/route";
import { GET as getOne } from "@/app/api/clusters/[clusterId]/topics/[topicName]/messages/[partition]/[offset]/route";
import type { BrowsePage, Message } from "@/lib/schemas/messages";
import { callRoute, type Envelope } from "../../call-route";
import { BOOTSTRAP } from "../../infra";
import { createTestTopic, testAdmin } from "../../kafka-admin";

const admin = testAdmin();
const topics: string[] = [];

const createTopic = (prefix: string, partitions: number) => createTestTopic(admin, topics, prefix, partitions);

/** kcat (librdkafka), an independent client, writes the records: "key:value" lines, optional codec and header. */
function kcatProduce(
  topic: string,
  lines: string[],
  opts: { codec?: string; partition?: number; header?: string } = {},
) {
  const args = ["-P", "-b", BOOTSTRAP, "-t", topic, "-K", ":", "-z", opts.codec ?? "none"];
  if (opts.partition !== undefined) args.push("-p", String(opts.partition));
  if (opts.header) args.push("-H", opts.header);
  execFileSync("kcat", args, { input: lines.join("\n") + "\n", timeout: 20_000 });
}

const page = (topic: string, query: string) =>
  callRoute<BrowsePage & Envelope>(browse, `/api/clusters/local/topics/${topic}/messages?${query}`, {
    clusterId: "local",
    topicName: topic,
  });

beforeAll(() => admin.connect());
afterAll(async () => {
  await admin.deleteTopics({ topics }).catch(() => {});
  await admin.disconnect();
});

describe("browse messages", () => {
  it.each(["none", "gzip", "snappy", "lz4", "zstd"])(
    "decodes records kcat wrote with %s compression, with keys and headers",
    async (codec) => {
      const topic = await createTopic(`codec-${codec}`, 1);
      // Compressible filler: librdkafka keeps a batch uncompressed when compressing would not shrink it.
      const filler = "lorem ipsum ".repeat(50);
      kcatProduce(
        topic,
        [`order-1:{"orderId":"A-1","amount":12.5,"note":"${filler}"}`, `order-2:plain text value ${filler}`],
        { codec, header: "trace=abc-123" },
      );
      const res = await page(topic, "start=oldest");
      expect(res.status).toBe(200);
      const [first, second] = res.body.messages;
      expect(first.key).toMatchObject({ encoding: "string", text: "order-1" });
      expect(first.value.encoding).toBe("json");
      expect(JSON.parse(first.value.text!)).toEqual({ orderId: "A-1", amount: 12.5, note: filler });
      expect(second.value).toMatchObject({ encoding: "string", text: `plain text value ${filler}` });
      expect(first.headers).toEqual([{ key: "trace", value: "abc-123", binary: false }]);
      expect(first.compression).toBe(codec);
      expect(first.offset).toBe("0");
      expect(first.timestampType).toBe("CreateTime");
    },
  );

  it("pages newest-first across partitions with stateless cursors both ways, without gaps or repeats", async () => {
    const topic = await createTopic("paging", 3);
    for (let p = 0; p < 3; p++) {
      kcatProduce(
        topic,
        Array.from({ length: 10 }, (_, i) => `k${p}-${i}:p${p}-m${i}`),
        { partition: p },
      );
    }
    const first = await page(topic, "start=newest&limit=12");
    expect(first.status).toBe(200);
    expect(first.body.order).toBe("newest-first");
    expect(first.body.messages).toHaveLength(12);
    expect(first.body.prevCursor).toBeNull();
    const second = await page(topic, `limit=12&cursor=${first.body.nextCursor}`);
    const third = await page(topic, `limit=12&cursor=${second.body.nextCursor}`);
    expect(third.body.messages).toHaveLength(6);
    expect(third.body.nextCursor).toBeNull();
    const seen = [...first.body.messages, ...second.body.messages, ...third.body.messages].map(
      (m: Message) => `${m.partition}/${m.offset}`,
    );
    expect(new Set(seen).size).toBe(30);
    // Timestamps never increase down a newest-first listing.
    const ts = [...first.body.messages, ...second.body.messages].map((m) => m.timestamp);
    expect(ts).toEqual([...ts].sort((a, b) => b - a));
    // Back to newer records: the page before the second one is the first one.
    const back = await page(topic, `limit=12&cursor=${second.body.prevCursor}`);
    expect(back.body.messages.map((m) => `${m.partition}/${m.offset}`).sort()).toEqual(
      first.body.messages.map((m) => `${m.partition}/${m.offset}`).sort(),
    );
  });

  it("starts at an offset in selected partitions, and at a timestamp", async () => {
    const topic = await createTopic("start", 2);
    kcatProduce(
      topic,
      Array.from({ length: 20 }, (_, i) => `k:${i}`),
      { partition: 1 },
    );
    const fromOffset = await page(topic, "start=offset&offset=15&partitions=1&limit=3");
    expect(fromOffset.body.messages.map((m) => m.value.text)).toEqual(["15", "16", "17"]);
    expect(fromOffset.body.order).toBe("oldest-first");
    const rest = await page(topic, `limit=3&cursor=${fromOffset.body.nextCursor}`);
    expect(rest.body.messages.map((m) => m.value.text)).toEqual(["18", "19"]);

    const cut = Date.now();
    await new Promise((r) => setTimeout(r, 20));
    kcatProduce(topic, ["k:after-cut"], { partition: 0 });
    const fromTime = await page(topic, `start=timestamp&timestamp=${cut}`);
    expect(fromTime.body.messages.map((m) => m.value.text)).toEqual(["after-cut"]);
  });

  it("refuses out-of-range offsets, unknown partitions, future timestamps and unknown topics with clear errors", async () => {
    const topic = await createTopic("bad", 2);
    kcatProduce(topic, ["k:one"], { partition: 0 });
    const offset = await page(topic, "start=offset&offset=99");
    expect(offset.status).toBe(422);
    expect(offset.body.error.message).toMatch(/Offset 99 is out of range: partition 0 holds 0–0/);
    const partition = await page(topic, "partitions=0,7");
    expect(partition.status).toBe(422);
    expect(partition.body.error.message).toMatch(/partitions 0–1; 7 does not exist/);
    const future = await page(topic, `start=timestamp&timestamp=${Date.now() + 86_400_000}`);
    expect(future.status).toBe(422);
    expect(future.body.error.message).toMatch(/in the future/);
    const missing = await page("it.no-such-topic-here", "start=oldest");
    expect(missing.status).toBe(404);
    const badCursor = await page(topic, "cursor=not-a-cursor");
    expect(badCursor.status).toBe(422);
  });

  it("shows invalid UTF-8 and binary values as hex with the reason when text was asked for", async () => {
    const topic = await createTopic("binary", 1);
    const producer = (await import("kafkajs")).Kafka;
    const p = new producer({ brokers: [BOOTSTRAP] }).producer();
    await p.connect();
    await p.send({ topic, messages: [{ key: null, value: Buffer.from([0xff, 0xfe, 0x00, 0x41]) }] });
    await p.disconnect();
    const auto = await page(topic, "start=oldest");
    expect(auto.body.messages[0].key).toMatchObject({ encoding: "null", text: null });
    expect(auto.body.messages[0].value).toMatchObject({ encoding: "hex", text: "fffe0041" });
    const asText = await page(topic, "start=oldest&valueFormat=string");
    expect(asText.body.messages[0].value).toMatchObject({ encoding: "hex", error: "not valid UTF-8 text" });
    const b64 = await page(topic, "start=oldest&valueFormat=base64");
    expect(b64.body.messages[0].value).toMatchObject({
      encoding: "base64",
      text: Buffer.from([0xff, 0xfe, 0x00, 0x41]).toString("base64"),
    });
  });

  it("sends a 20 KiB preview of a large record in lists and the whole record on demand", async () => {
    const topic = await createTopic("large", 1);
    const big = JSON.stringify({ blob: "x".repeat(300_000) });
    const p = new (await import("kafkajs")).Kafka({ brokers: [BOOTSTRAP] }).producer();
    await p.connect();
    await p.send({ topic, messages: [{ key: "big", value: big }] });
    await p.disconnect();
    const list = await page(topic, "start=oldest");
    const preview = list.body.messages[0].value;
    expect(preview.truncated).toBe(true);
    expect(preview.text!.length).toBe(20 * 1024);
    expect(preview.size).toBe(big.length);
    const full = await callRoute<{ message: Message }>(getOne, `/api/clusters/local/topics/${topic}/messages/0/0`, {
      clusterId: "local",
      topicName: topic,
      partition: "0",
      offset: "0",
    });
    expect(full.status).toBe(200);
    expect(full.body.message.value.truncated).toBe(false);
    expect(full.body.message.value.text).toBe(big);
    const gone = await callRoute<Envelope>(getOne, `/api/clusters/local/topics/${topic}/messages/0/5`, {
      clusterId: "local",
      topicName: topic,
      partition: "0",
      offset: "5",
    });
    expect(gone.status).toBe(404);
  });
});
