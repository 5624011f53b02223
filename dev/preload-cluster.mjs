#!/usr/bin/env node
// Pre-loads a broker with more topics and consumer groups than any single page or request holds, so that tests
// run against a cluster of a realistic size and cannot assume a small one (dev/test.sh runs it on the test broker).
//
//   node dev/preload-cluster.mjs <bootstrap> [topics=1050] [groups=100]
//
// Topics are `preload.tNNNN` (1 partition; every tenth holds a few records); groups are `preload.gNNN`, each a real
// librdkafka consumer (kcat) that read one of those topics and committed. Idempotent: existing topics and groups
// are left as they are.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import kafkajs from "kafkajs";

const { Kafka, logLevel } = kafkajs;
const [bootstrap, topicsArg = "1050", groupsArg = "100"] = process.argv.slice(2);
if (!bootstrap) {
  console.error("usage: node dev/preload-cluster.mjs <bootstrap> [topics] [groups]");
  process.exit(2);
}
const topicCount = Number.parseInt(topicsArg, 10);
const groupCount = Number.parseInt(groupsArg, 10);
const run = promisify(execFile);
const pad = (n, w) => String(n).padStart(w, "0");
const topics = Array.from({ length: topicCount }, (_, i) => `preload.t${pad(i, 4)}`);
const groups = Array.from({ length: groupCount }, (_, i) => `preload.g${pad(i, 3)}`);

const kafka = new Kafka({ clientId: "sluice-preload", brokers: bootstrap.split(","), logLevel: logLevel.NOTHING });
const admin = kafka.admin();
// Idempotent: a batch retried on a busy host never writes a record twice.
const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
/** Runs `fn` until it succeeds, up to 60 times 1 s apart (transient broker errors right after topic creation). */
async function retry(fn) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= 60) throw error;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

const t0 = Date.now();
await admin.connect();
await producer.connect();
try {
  const existing = new Set(await admin.listTopics());
  const missing = topics.filter((t) => !existing.has(t));
  for (let i = 0; i < missing.length; i += 200) {
    await admin.createTopics({
      waitForLeaders: false,
      topics: missing.slice(i, i + 200).map((topic) => ({ topic, numPartitions: 1 })),
    });
  }
  const filled = topics.filter((_, i) => i % 10 === 0);
  // Leaders are elected asynchronously; wait until the broker reports one for every topic written below.
  for (let attempt = 0; ; attempt++) {
    try {
      const { topics: meta } = await admin.fetchTopicMetadata({ topics: filled });
      if (meta.every((t) => t.partitions.every((p) => p.leader >= 0))) break;
    } catch (error) {
      if (attempt >= 60) throw error;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  // On a busy host a new partition may still answer "not hosted here" after its leader is reported: retry.
  const ends = await retry(() => Promise.all(filled.map((t) => admin.fetchTopicOffsets(t))));
  const empty = filled.filter((_, i) => ends[i][0].high === "0");
  if (empty.length > 0) {
    await retry(() =>
      producer.sendBatch({
        topicMessages: empty.map((topic) => ({
          topic,
          messages: [1, 2, 3].map((n) => ({ key: `k${n}`, value: `{"n":${n}}` })),
        })),
      }),
    );
  }
  const known = new Set((await admin.listGroups()).groups.map((g) => g.groupId));
  const todo = groups.filter((g) => !known.has(g));
  const consume = (groupId, i) =>
    run(
      "kcat",
      [
        "-b",
        bootstrap,
        "-G",
        groupId,
        "-X",
        "auto.offset.reset=earliest",
        "-e",
        "-q",
        "-o",
        "beginning",
        filled[i % filled.length],
      ],
      { timeout: 60_000 },
    );
  for (let i = 0; i < todo.length; i += 10) await Promise.all(todo.slice(i, i + 10).map((g, j) => consume(g, i + j)));
  console.log(
    `preload: ${topics.length} topics (${missing.length} created), ${groups.length} groups on ${bootstrap} in ${((Date.now() - t0) / 1000).toFixed(1)}s`,
  );
} finally {
  await producer.disconnect();
  await admin.disconnect();
}
