import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Kafka, logLevel } from "kafkajs";
import { streamQuerySchema, type Message } from "@/lib/schemas/messages";
import type { Actor } from "@/server/auth/permissions";
import { closeScanPool, scanPoolLoad } from "@/server/kafka/scan-pool";
import { openMessageStream, type StreamEvent } from "@/server/services/messages/stream-messages";
import { BOOTSTRAP } from "../../infra";
import { testAdmin, uniqueTopic } from "../../kafka-admin";

// Searches and exports fetch, decompress and pre-filter in worker threads (server/kafka/scan-pool.ts). These tests
// compare them with the main-thread path (SLUICE_SCAN_THREADS=0), cancel a scan in the middle, and fail a worker.
const RECORDS = 6_000;
const admin = testAdmin();
const kafka = new Kafka({ brokers: [BOOTSTRAP], logLevel: logLevel.NOTHING });
const producer = kafka.producer();
let topic = "";
const actor: Actor = {
  id: "scan-workers",
  name: "scan workers",
  email: "admin@sluice.test",
  roles: { "*": "admin" },
  teams: [],
};

beforeAll(async () => {
  await Promise.all([admin.connect(), producer.connect()]);
  topic = uniqueTopic("scan-workers");
  await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
  for (let at = 0; at < RECORDS; at += 1_000) {
    await producer.send({
      topic,
      messages: Array.from({ length: 1_000 }, (_, j) => {
        const i = at + j;
        return {
          key: `k-${i}`,
          value: JSON.stringify({ i, customer: `c${i % 50}`, note: i % 1_000 === 999 ? "needle" : "hay" }),
          headers: i % 2 ? { h: `v${i}` } : undefined,
          timestamp: String(1_700_000_000_000 + i),
        };
      }),
    });
  }
});
afterAll(async () => {
  await closeScanPool();
  delete process.env.SLUICE_SCAN_THREADS;
  await admin.deleteTopics({ topics: [topic] }).catch(() => {});
  await Promise.all([admin.disconnect(), producer.disconnect()]);
});

async function scan(
  query: Record<string, string>,
  options: Parameters<typeof openMessageStream>[5] = {},
): Promise<{ messages: Message[]; done?: StreamEvent; errors: StreamEvent[] }> {
  const q = streamQuerySchema.parse({ start: "oldest", ...query });
  const stream = await openMessageStream("local", topic, q, null, { actor, requestId: "scan-workers" }, options);
  const messages: Message[] = [];
  const errors: StreamEvent[] = [];
  let done: StreamEvent | undefined;
  try {
    for await (const e of stream.events(new AbortController().signal)) {
      if (e.event === "messages") messages.push(...e.data.messages);
      if (e.event === "error") errors.push(e);
      if (e.event === "done") done = e;
    }
  } finally {
    stream.close();
  }
  return { messages, done, errors };
}

/** Each partition's offsets in the order they arrived (the order a stream guarantees). */
const byPartition = (messages: Message[]) => {
  const out: Record<number, string[]> = {};
  for (const m of messages) (out[m.partition] ??= []).push(m.offset);
  return out;
};

describe("scan workers", () => {
  const queries: Record<string, string>[] = [
    { q: "needle" },
    { q: "c7", in: "value" },
    { q: '"customer":\\s*"c1\\d"', regex: "true" },
    { cel: 'value.customer == "c42"' },
    { q: "K-5", from: String(1_700_000_000_000 + 2_000), to: String(1_700_000_000_000 + 5_499) },
    { maxResults: "25", q: "hay" },
    {},
  ];

  it("finds the same records, with the same counts and per-partition order, as the main-thread path", async () => {
    delete process.env.SLUICE_SCAN_THREADS;
    const inWorkers = [];
    for (const query of queries) inWorkers.push(await scan(query));
    expect(scanPoolLoad().threads).toBeGreaterThan(0);
    await closeScanPool();
    process.env.SLUICE_SCAN_THREADS = "0";
    try {
      for (const [i, query] of queries.entries()) {
        const main = await scan(query);
        const workers = inWorkers[i];
        expect(workers.errors, JSON.stringify(query)).toEqual([]);
        expect(main.errors).toEqual([]);
        const strip = (d?: StreamEvent) => ({ ...(d?.data as object), elapsedMs: 0 });
        expect(strip(workers.done), JSON.stringify(query)).toEqual(strip(main.done));
        expect(byPartition(workers.messages)).toEqual(byPartition(main.messages));
        const sorted = (ms: Message[]) =>
          [...ms].sort((a, b) => a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset)));
        expect(sorted(workers.messages)).toEqual(sorted(main.messages));
      }
    } finally {
      delete process.env.SLUICE_SCAN_THREADS;
    }
    expect(inWorkers[0].messages.map((m) => m.key.text).sort()).toEqual(
      ["k-999", "k-1999", "k-2999", "k-3999", "k-4999", "k-5999"].sort(),
    );
  });

  it("writes an unfiltered export byte for byte as the main thread does, with records that need the registry", async () => {
    // Text, JSON, binary, null keys, text and binary headers, and records only the main thread decodes: a registry
    // schema id in the bytes and an Apicurio id in a header (both unknown to the registry: an error, raw bytes).
    const mixed = uniqueTopic("scan-workers-export");
    await admin.createTopics({ topics: [{ topic: mixed, numPartitions: 2 }], waitForLeaders: true });
    try {
      const wire = Buffer.from([0, 0x3b, 0x9a, 0xca, 0x00, 1, 2, 3]);
      const apicurioId = Buffer.alloc(8);
      apicurioId.writeBigInt64BE(987_654_321n);
      await producer.send({
        topic: mixed,
        messages: Array.from({ length: 400 }, (_, i) => {
          const kind = i % 8;
          return {
            partition: i % 2,
            key: kind === 1 ? null : `k-${i}`,
            value:
              kind === 2
                ? Buffer.from([0xff, 0xfe, i & 0xff])
                : kind === 3
                  ? wire
                  : kind === 4
                    ? Buffer.from(`{"avro": "bytes", "i": ${i}}`)
                    : kind === 5
                      ? `plain text "quoted" \\ line\nbreak ${i} é ✓`
                      : JSON.stringify({ i, nested: { list: [1, "two", null] }, text: `"${i}"` }),
            headers:
              kind === 4
                ? { "apicurio.value.globalId": apicurioId }
                : kind === 6
                  ? { bin: Buffer.from([0, 1, 2]), txt: "yes" }
                  : undefined,
          };
        }),
      });
      const exportOf = async () => {
        const q = streamQuerySchema.parse({ start: "oldest" });
        const stream = await openMessageStream(
          "local",
          mixed,
          q,
          null,
          { actor, requestId: "scan-workers" },
          { full: true },
        );
        const chunks: Buffer[] = [];
        try {
          for await (const e of stream.events(new AbortController().signal)) {
            if (e.event === "lines") chunks.push(...e.data.map((c) => Buffer.from(c)));
            expect(e.event).not.toBe("error");
          }
        } finally {
          stream.close();
        }
        const lines = Buffer.concat(chunks).toString("utf8").split("\n");
        expect(lines.pop()).toBe("");
        // Per partition, in order (how partitions interleave depends on the Fetch rounds).
        return [0, 1].map((p) => lines.filter((l) => (JSON.parse(l) as Message).partition === p));
      };
      delete process.env.SLUICE_SCAN_THREADS;
      const workers = await exportOf();
      expect(scanPoolLoad().threads).toBeGreaterThan(0);
      await closeScanPool();
      process.env.SLUICE_SCAN_THREADS = "0";
      const main = await exportOf().finally(() => delete process.env.SLUICE_SCAN_THREADS);
      expect(workers.flat()).toHaveLength(400);
      expect(workers).toEqual(main);
      const byOffset = (n: number) => JSON.parse(workers[n % 2][Math.floor(n / 2)]) as Message;
      expect(byOffset(3).value).toMatchObject({ encoding: "hex", schemaId: 1_000_000_000 });
      expect(byOffset(3).value.error).toMatch(/schema id 1000000000/);
      expect(byOffset(4).value.error).toMatch(/987654321/);
      expect(byOffset(5).value.text).toBe('plain text "quoted" \\ line\nbreak 5 é ✓');
      expect(byOffset(6).headers).toEqual([
        { key: "bin", value: "AAEC", binary: true },
        { key: "txt", value: "yes", binary: false },
      ]);
    } finally {
      await admin.deleteTopics({ topics: [mixed] }).catch(() => {});
    }
  });

  it("stops the workers when the reader goes away in the middle of a scan", async () => {
    const q = streamQuerySchema.parse({ start: "oldest", q: "no such text" });
    const stream = await openMessageStream("local", topic, q, null, { actor, requestId: "scan-workers" });
    const abort = new AbortController();
    const events = stream.events(abort.signal);
    // The stream is open and the first round is in the workers.
    expect((await events.next()).value?.event).toBe("phase");
    expect((await events.next()).value?.event).toBe("progress");
    const next = events.next();
    abort.abort();
    await next;
    await events.return(undefined);
    stream.close();
    const deadline = Date.now() + 5_000;
    while (scanPoolLoad().inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(scanPoolLoad()).toMatchObject({ inFlight: 0, queued: 0 });
  });

  it("ends the stream with an error event when a worker fails", async () => {
    const started = Date.now();
    const result = await scan({ q: "needle" }, { failWorkersWith: "worker exploded" });
    expect(result.done).toBeUndefined();
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0].data).toMatchObject({ fatal: true, code: "internal" });
    expect(Date.now() - started).toBeLessThan(10_000);
    // The pool is still there for the next scan.
    expect((await scan({ q: "needle" })).messages).toHaveLength(6);
  });
});
