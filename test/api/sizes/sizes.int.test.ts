import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getClusterSizes } from "@/app/api/clusters/[clusterId]/sizes/route";
import { GET as getTopicSizes } from "@/app/api/clusters/[clusterId]/topics/[topicName]/sizes/route";
import { GET as listTopics } from "@/app/api/clusters/[clusterId]/topics/route";
import type { ClusterSizes, TopicSizes } from "@/lib/schemas/sizes";
import type { TopicList } from "@/lib/schemas/topics";
import { toApiSupport, type ApiSupport } from "@/server/kafka/api-versions";
import { DESCRIBE_LOG_DIRS, invalidateClusterSizes } from "@/server/kafka/log-dirs";
import { withModernAdmin } from "@/server/kafka/registry";
import { invalidateTopicSnapshot } from "@/server/kafka/topic-snapshot";
import { callRoute, type Envelope } from "../../call-route";
import { BOOTSTRAP, kcatMetadata } from "../../infra";
import { testAdmin } from "../../kafka-admin";

const prefix = `it.sizes.${Date.now().toString(36)}`;
// Three topics that will hold 0, 60 kB and 200 kB of values, so their size order is known.
const [empty, small, big] = [`${prefix}.empty`, `${prefix}.small`, `${prefix}.big`];
const admin = testAdmin();
const RECORD = 10_000;

type Available<T> = Extract<T, { available: true }>;
const clusterSizes = () =>
  callRoute<ClusterSizes & Envelope>(getClusterSizes, "/api/clusters/local/sizes", { clusterId: "local" });
const topicSizes = (topic: string) =>
  callRoute<TopicSizes & Envelope>(getTopicSizes, `/api/clusters/local/topics/${topic}/sizes`, {
    clusterId: "local",
    topicName: topic,
  });
const list = (query: string) =>
  callRoute<TopicList & Envelope>(listTopics, `/api/clusters/local/topics?${query}`, { clusterId: "local" });

/** Writes `count` uncompressed values of RECORD bytes to one partition with kcat (librdkafka), not Sluice. */
function produceBytes(topic: string, partition: number, count: number): number {
  const input = Array.from({ length: count }, (_, i) => String(i % 10).repeat(RECORD)).join("\n") + "\n";
  execFileSync("kcat", ["-P", "-b", BOOTSTRAP, "-t", topic, "-p", String(partition), "-z", "none"], {
    input,
    timeout: 20_000,
  });
  return count * RECORD;
}

/** Fresh sizes: the next read sends DescribeLogDirs again instead of serving the 5 s cache. */
function forget() {
  invalidateTopicSnapshot("local");
  invalidateClusterSizes("local");
}

beforeAll(async () => {
  await admin.connect();
  await admin.createTopics({
    waitForLeaders: true,
    topics: [empty, small, big].map((topic) => ({ topic, numPartitions: 3 })),
  });
  produceBytes(small, 1, 6);
  produceBytes(big, 0, 10);
  produceBytes(big, 2, 10);
  forget();
});
afterAll(async () => {
  await admin.deleteTopics({ topics: [empty, small, big] }).catch(() => {});
  await admin.disconnect();
});

describe("GET /api/clusters/:clusterId/topics/:topicName/sizes", () => {
  it("reports each partition's bytes on disk, at least what was written and at most a little record overhead more", async () => {
    const { status, body } = await topicSizes(big);
    expect(status).toBe(200);
    const sizes = body as Available<TopicSizes>;
    expect(sizes.available).toBe(true);
    const [p0, p1, p2] = sizes.partitions;
    expect(sizes.partitions.map((p) => p.partition)).toEqual([0, 1, 2]);
    for (const p of [p0, p2]) {
      expect(p.sizeBytes).toBeGreaterThanOrEqual(10 * RECORD);
      expect(p.sizeBytes).toBeLessThan(10 * RECORD + 4_096);
    }
    expect(p1.sizeBytes).toBe(0);
    expect(sizes.sizeBytes).toBe(p0.sizeBytes! + p2.sizeBytes!);
    // One broker, replication factor 1: every partition has one replica on it, and all replicas equal one copy.
    const brokerId = kcatMetadata().brokers[0].id;
    expect(p0.replicas).toEqual([expect.objectContaining({ brokerId, future: false, sizeBytes: p0.sizeBytes })]);
    expect(sizes.diskBytes).toBe(sizes.sizeBytes);
  });

  it("grows by what is written next", async () => {
    const before = (await topicSizes(small)).body as Available<TopicSizes>;
    const written = produceBytes(small, 1, 3);
    const after = (await topicSizes(small)).body as Available<TopicSizes>;
    const grown = after.partitions[1].sizeBytes! - before.partitions[1].sizeBytes!;
    expect(grown).toBeGreaterThanOrEqual(written);
    expect(grown).toBeLessThan(written + 4_096);
  });

  it("answers 404 for a topic the cluster does not have, 401 without a session, 503 for an unreachable cluster", async () => {
    const missing = await topicSizes(`${prefix}.missing`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("not_found");
    const anonymous = await callRoute<Envelope>(
      getClusterSizes,
      "/api/clusters/local/sizes",
      { clusterId: "local" },
      { anonymous: true },
    );
    expect(anonymous.status).toBe(401);
    const offline = await callRoute<Envelope>(getTopicSizes, `/api/clusters/offline/topics/${big}/sizes`, {
      clusterId: "offline",
      topicName: big,
    });
    expect(offline.status).toBe(503);
  });
});

describe("GET /api/clusters/:clusterId/sizes", () => {
  it("reports each broker's log dirs with Kafka's bytes, the volume's capacity and free space, and the cluster total", async () => {
    forget();
    const { status, body } = await clusterSizes();
    expect(status).toBe(200);
    const sizes = body as Available<ClusterSizes>;
    expect(sizes.available).toBe(true);
    expect(sizes.brokers.map((b) => b.brokerId)).toEqual(
      kcatMetadata()
        .brokers.map((b) => b.id)
        .sort((a, b) => a - b),
    );
    const topicTotal = ((await topicSizes(big)).body as Available<TopicSizes>).sizeBytes;
    for (const b of sizes.brokers) {
      expect(b.logDirs.length).toBeGreaterThan(0);
      for (const d of b.logDirs) {
        expect(d.path).toMatch(/kafka/);
        expect(d.totalBytes).toBeGreaterThan(0);
        expect(d.usableBytes).toBeGreaterThan(0);
        expect(d.usableBytes!).toBeLessThanOrEqual(d.totalBytes!);
        // Kafka's own bytes fit in what the volume has in use.
        expect(d.sizeBytes).toBeLessThanOrEqual(d.totalBytes! - d.usableBytes!);
      }
      expect(b.sizeBytes).toBe(b.logDirs.reduce((n, d) => n + d.sizeBytes, 0));
    }
    expect(sizes.totalBytes).toBeGreaterThanOrEqual(topicTotal);
    expect(sizes.diskBytes).toBe(sizes.brokers.reduce((n, b) => n + b.sizeBytes, 0));
  });

  it("derives bytes in per second from size growth between snapshots, labelled derived", async () => {
    forget();
    const first = (await clusterSizes()).body as Available<ClusterSizes>;
    expect(first.bytesInSource).toBe("derived");
    const written = produceBytes(big, 1, 5);
    await new Promise((r) => setTimeout(r, 2_200));
    forget();
    const second = (await clusterSizes()).body as Available<ClusterSizes>;
    expect(second.bytesInPerSec).not.toBeNull();
    expect(second.bytesInWindowMs).toBeGreaterThanOrEqual(2_000);
    // At least our bytes grew within the window (other tests' topics may add more).
    expect(second.bytesInPerSec! * (second.bytesInWindowMs / 1000)).toBeGreaterThanOrEqual(written);
    const topic = (await topicSizes(big)).body as Available<TopicSizes>;
    expect(topic.bytesInPerSec).not.toBeNull();
    expect(topic.bytesInPerSec! * (topic.bytesInWindowMs / 1000)).toBeGreaterThanOrEqual(written);
  });
});

describe("the topic list's size column", () => {
  it("carries each topic's size and sorts by it on the server, in both directions and across pages", async () => {
    forget();
    const desc = await list(`q=${prefix}&sort=size&dir=desc`);
    expect(desc.status).toBe(200);
    expect(desc.body.items.map((t) => t.name)).toEqual([big, small, empty]);
    expect(desc.body.sizeUnavailable).toBeNull();
    const bigSize = ((await topicSizes(big)).body as Available<TopicSizes>).sizeBytes;
    expect(desc.body.items[0].size).toBe(bigSize);
    expect(desc.body.items[2].size).toBe(0);

    const asc = await list(`q=${prefix}&sort=size&dir=asc&limit=2`);
    expect(asc.body.items.map((t) => t.name)).toEqual([empty, small]);
    const next = await list(`q=${prefix}&sort=size&dir=asc&limit=2&cursor=${asc.body.nextCursor}`);
    expect(next.body.items.map((t) => t.name)).toEqual([big]);
    expect(next.body.nextCursor).toBeNull();
  });

  it("sorts all 1,050+ topics by size in one page request", async () => {
    const { status, body } = await list("sort=size&dir=desc&limit=1000");
    expect(status).toBe(200);
    expect(body.total).toBeGreaterThan(1_000);
    const sizes = body.items.map((t) => t.size);
    expect(sizes.every((s) => typeof s === "number")).toBe(true);
    expect([...sizes].sort((a, b) => b! - a!)).toEqual(sizes);
  });
});

describe("a topic created a moment ago", () => {
  it("has its size in the list as soon as the list shows it, not after the size cache's next refresh", async () => {
    await list(`q=${encodeURIComponent(prefix)}`); // sizes cached for the topics known so far
    const fresh = `${prefix}.fresh`;
    await admin.createTopics({ waitForLeaders: true, topics: [{ topic: fresh, numPartitions: 1 }] });
    try {
      produceBytes(fresh, 0, 3);
      invalidateTopicSnapshot("local"); // the topic list's next metadata refresh, which finds the new topic
      const { status, body } = await list(`q=${encodeURIComponent(fresh)}`);
      expect(status).toBe(200);
      expect(body.items.map((t) => t.name)).toEqual([fresh]);
      expect(body.items[0].size).toBeGreaterThanOrEqual(3 * RECORD);
    } finally {
      await admin.deleteTopics({ topics: [fresh] }).catch(() => {});
    }
  });
});

describe("a cluster whose brokers lack DescribeLogDirs", () => {
  const g = globalThis as unknown as { __sluiceApiSupport: Map<string, { at: number; value: Promise<ApiSupport> }> };
  beforeAll(async () => {
    // The broker's own ApiVersions answer without DescribeLogDirs, as an older Kafka would give it.
    const apis = await withModernAdmin("local", (a) => a.listApis());
    g.__sluiceApiSupport.set("local", {
      at: Date.now(),
      value: Promise.resolve(toApiSupport(apis.filter((a) => a.apiKey !== DESCRIBE_LOG_DIRS))),
    });
    forget();
  });
  afterAll(() => {
    g.__sluiceApiSupport.delete("local");
  });

  it("says sizes are unavailable and why, on every view, without a 500", async () => {
    const cluster = await clusterSizes();
    expect(cluster.status).toBe(200);
    expect(cluster.body).toEqual({ available: false, reason: expect.stringMatching(/do not support DescribeLogDirs/) });
    const topic = await topicSizes(big);
    expect(topic.status).toBe(200);
    expect(topic.body).toMatchObject({ available: false, reason: expect.stringMatching(/DescribeLogDirs/) });
    const page = await list(`q=${prefix}&sort=size`);
    expect(page.status).toBe(200);
    expect(page.body.items.map((t) => t.size)).toEqual([null, null, null]);
    expect(page.body.sizeUnavailable).toMatch(/DescribeLogDirs/);
  });
});
