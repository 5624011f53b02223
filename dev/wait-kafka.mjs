#!/usr/bin/env node
// Wait until every broker in <bootstrap> answers a kafkajs admin describeCluster()
// that lists at least <expectedBrokers> brokers.
//
//   node dev/wait-kafka.mjs <bootstrap> [expectedBrokers=1] [timeoutSec=90]
//
// bootstrap: comma-separated host:port list (use 127.0.0.1, not localhost).
// Exit 0 when ready (prints the broker list), 1 on timeout, 2 on bad usage.
import kafkajs from "kafkajs";

const { Kafka, logLevel } = kafkajs;

const [bootstrapArg, expectedArg = "1", timeoutArg = "90"] = process.argv.slice(2);
if (!bootstrapArg) {
  console.error("usage: node dev/wait-kafka.mjs <bootstrap> [expectedBrokers] [timeoutSec]");
  process.exit(2);
}
const brokers = bootstrapArg
  .split(",")
  .map((s) => s.trim())
  .filter(Boolean);
const expected = Number.parseInt(expectedArg, 10);
const timeoutMs = Number.parseFloat(timeoutArg) * 1000;
if (!Number.isFinite(expected) || expected < 1 || !Number.isFinite(timeoutMs) || timeoutMs <= 0) {
  console.error("expectedBrokers must be >= 1 and timeoutSec > 0");
  process.exit(2);
}

// One client per address: every listed broker must itself answer (a broker that was just
// restarted can still appear in the cluster metadata served by the others).
const clients = brokers.map(
  (addr) =>
    new Kafka({
      clientId: "sluice-wait-kafka",
      brokers: [addr],
      connectionTimeout: 1000,
      requestTimeout: 3000,
      retry: { retries: 0 },
      logLevel: logLevel.NOTHING,
    }),
);

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function probe(kafka, addr) {
  const admin = kafka.admin({ retry: { retries: 0 } });
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    if (cluster.brokers.length < expected) {
      throw new Error(`${addr}: only ${cluster.brokers.length}/${expected} brokers registered`);
    }
    return cluster;
  } catch (err) {
    const msg = err && err.message ? err.message : String(err);
    throw new Error(msg.includes(addr) ? msg : `${addr}: ${msg}`);
  } finally {
    await admin.disconnect().catch(() => {});
  }
}

const started = Date.now();
const ready = new Set();
let lastError = "no attempt yet";
let cluster;

while (Date.now() - started < timeoutMs) {
  for (let i = 0; i < brokers.length; i++) {
    if (ready.has(i)) continue;
    try {
      cluster = await probe(clients[i], brokers[i]);
      ready.add(i);
    } catch (err) {
      lastError = err.message;
    }
  }
  if (ready.size === brokers.length) {
    const list = cluster.brokers
      .map((b) => `${b.nodeId}@${b.host}:${b.port}`)
      .sort()
      .join(" ");
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `kafka ready after ${secs}s: ${cluster.brokers.length} broker(s) [${list}] clusterId=${cluster.clusterId}`,
    );
    process.exit(0);
  }
  await sleep(500);
}

console.error(`kafka not ready after ${timeoutArg}s (${brokers.join(",")}): ${lastError}`);
process.exit(1);
