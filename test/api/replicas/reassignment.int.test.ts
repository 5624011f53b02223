import { execFileSync, spawnSync } from "node:child_process";
import { Kafka, logLevel, ConfigResourceTypes, type Admin } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as elect } from "@/app/api/clusters/[clusterId]/leaders/elect/route";
import { POST as preview } from "@/app/api/clusters/[clusterId]/topics/[topicName]/reassignment/preview/route";
import {
  DELETE as cancel,
  GET as status,
  POST as start,
} from "@/app/api/clusters/[clusterId]/topics/[topicName]/reassignment/route";
import { GET as stream } from "@/app/api/clusters/[clusterId]/topics/[topicName]/reassignment/stream/route";
import type { ElectLeadersResult, ReassignmentPreview, ReassignmentStatus } from "@/lib/schemas/replicas";
import { prisma } from "@/server/db/prisma";
import { asAdmin } from "../../auth";
import { callRoute, type Envelope } from "../../call-route";
import { kcatMetadata, ROOT } from "../../infra";
import { readEvents } from "../../sse-client";
import { TEST_STACK } from "../../stack";

/**
 * Replica placement on the 3-broker variant (dev/kafka.sh --brokers 3, cluster "local3"; npm test starts it).
 * Every outcome is checked with kcat (librdkafka), a client independent of Sluice's.
 */
const BOOTSTRAP3 = TEST_STACK.bootstrap3;
const C = "local3";
const disruptive = process.env.SLUICE_DISRUPTIVE_TESTS === "1";
const kafka3 = (...args: string[]) =>
  execFileSync("bash", ["dev/kafka.sh", "--brokers", "3", ...args], { cwd: ROOT, stdio: "ignore", timeout: 120_000 });

let admin: Admin;
const created: string[] = [];
const u = () => `it.rp.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const url = (topic: string, rest = "") => `/api/clusters/${C}/topics/${encodeURIComponent(topic)}/reassignment${rest}`;
const params = (topic: string) => ({ clusterId: C, topicName: topic });
const post = (body: unknown) => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});
const ids = (list: unknown[]) => list.map((r) => (r as { id: number }).id);
/** The topic's partitions as kcat (librdkafka) reports them: leader, replica ids, in-sync replica ids. */
const placement = (topic: string) =>
  kcatMetadata(BOOTSTRAP3)
    .topics.find((t) => t.topic === topic)!
    .partitions.sort((a, b) => a.partition - b.partition)
    .map((p) => ({ partition: p.partition, leader: p.leader, replicas: ids(p.replicas), isrs: ids(p.isrs) }));

/** Topic with exact replica lists (partition i → assignment[i]). */
async function createTopic(assignment: number[][]): Promise<string> {
  const topic = u();
  await admin.createTopics({
    topics: [{ topic, replicaAssignment: assignment.map((replicas, partition) => ({ partition, replicas })) }],
    waitForLeaders: true,
  });
  created.push(topic);
  return topic;
}

async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function topicThrottle(topic: string): Promise<Record<string, string>> {
  const res = await admin.describeConfigs({
    includeSynonyms: false,
    resources: [{ type: ConfigResourceTypes.TOPIC, name: topic }],
  });
  return Object.fromEntries(
    res.resources[0].configEntries
      .filter((e) => e.configName.includes("throttled") && (e as { configSource?: number }).configSource === 1)
      .map((e) => [e.configName, e.configValue]),
  );
}
async function brokerThrottle(id: number): Promise<Record<string, string>> {
  const res = await admin.describeConfigs({
    includeSynonyms: false,
    resources: [{ type: ConfigResourceTypes.BROKER, name: String(id) }],
  });
  return Object.fromEntries(
    res.resources[0].configEntries
      .filter((e) => e.configName.includes("throttled.rate") && (e as { configSource?: number }).configSource === 2)
      .map((e) => [e.configName, e.configValue]),
  );
}

beforeAll(async () => {
  const up =
    spawnSync("bash", ["dev/kafka.sh", "--brokers", "3", "status"], { cwd: ROOT, stdio: "ignore" }).status === 0;
  if (!up) {
    throw new Error(
      `The 3-broker variant is not running on ${BOOTSTRAP3}: start it with \`bash dev/kafka.sh --brokers 3 start\` (npm test does).`,
    );
  }
  admin = new Kafka({ clientId: "sluice-tests", brokers: BOOTSTRAP3.split(","), logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
});

afterAll(async () => {
  if (disruptive) kafka3("start"); // whatever happened, leave all three brokers running
  await admin.deleteTopics({ topics: created }).catch(() => {});
  await admin.disconnect();
});

describe("replica placement on three brokers", () => {
  it("refuses impossible plans in the preview with the broker's reason: an unknown broker, a replication factor above the broker count", async () => {
    const topic = await createTopic([[1], [2]]);
    const unknown = await callRoute<Envelope>(
      preview,
      url(topic, "/preview"),
      params(topic),
      post({ plan: { mode: "manual", partitions: [{ partition: 0, replicas: [1, 7] }] } }),
    );
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.message).toMatch(/INVALID_REPLICA_ASSIGNMENT/);
    expect(unknown.body.error.message).toMatch(/7/);
    const tooMany = await callRoute<Envelope>(
      preview,
      url(topic, "/preview"),
      params(topic),
      post({ plan: { mode: "generate", replicationFactor: 4 } }),
    );
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.error.message).toMatch(/INVALID_REPLICATION_FACTOR/);
    expect(tooMany.body.error.message).toMatch(/3 broker/);
    const missingPartition = await callRoute<Envelope>(
      preview,
      url(topic, "/preview"),
      params(topic),
      post({ plan: { mode: "manual", partitions: [{ partition: 5, replicas: [1] }] } }),
    );
    expect(missingPartition.status).toBe(422);
    const duplicate = await callRoute<Envelope>(
      preview,
      url(topic, "/preview"),
      params(topic),
      post({ plan: { mode: "manual", partitions: [{ partition: 0, replicas: [1, 1] }] } }),
    );
    expect(duplicate.status).toBe(422);
    // Nothing was created or moved by the checks.
    expect(placement(topic).map((p) => p.replicas.length)).toEqual([1, 1]);
    expect(kcatMetadata(BOOTSTRAP3).topics.some((t) => t.topic.startsWith("sluice-placement-check"))).toBe(false);
  });

  it(
    "raises the replication factor 1 → 3 with a throttle: preview shows what moves where, progress streams until done, the throttle is removed, kcat sees three in-sync replicas",
    { timeout: 90_000 },
    async () => {
      const topic = await createTopic([[1], [2], [3]]);
      const prev = await callRoute<ReassignmentPreview>(
        preview,
        url(topic, "/preview"),
        params(topic),
        post({ plan: { mode: "generate", replicationFactor: 3 } }),
      );
      expect(prev.status).toBe(200);
      expect(prev.body.replicationFactor).toEqual({ from: 1, to: 3 });
      expect(prev.body.moves).toHaveLength(3);
      for (const m of prev.body.moves) {
        expect(m.target[0]).toBe(m.current[0]); // the preferred leader stays
        expect(m.adding).toHaveLength(2);
        expect(m.leaderChanges).toBe(false);
      }

      const res = await callRoute<ReassignmentPreview & { throttleBytesPerSecond: number }>(
        start,
        url(topic),
        params(topic),
        post({ plan: { mode: "generate", replicationFactor: 3 }, throttleBytesPerSecond: 10_485_760 }),
      );
      expect(res.status).toBe(202);
      expect(res.body.throttleBytesPerSecond).toBe(10_485_760);

      const live = await stream(
        new Request(`http://sluice.test${url(topic, "/stream")}`, { headers: await asAdmin() }),
        { params: Promise.resolve(params(topic)) },
      );
      const events = await readEvents(live, (e) => e.some((x) => x.event === "complete"), 60_000);
      expect(events[0].event).toBe("progress");
      const done = events.find((e) => e.event === "complete");
      expect(done?.data.throttleRemoved).toBe(true);

      await waitFor("three in-sync replicas", () =>
        placement(topic).every((p) => p.replicas.length === 3 && p.isrs.length === 3),
      );
      expect(placement(topic).map((p) => p.leader)).toEqual([1, 2, 3]);
      expect(await topicThrottle(topic)).toEqual({});
      for (const b of [1, 2, 3]) expect(await brokerThrottle(b)).toEqual({});
      const audit = await prisma.auditEvent.findMany({ where: { target: topic }, orderBy: { createdAt: "asc" } });
      expect(audit.map((a) => [a.action, a.result])).toEqual([
        ["topic.reassignment_started", "success"],
        ["topic.reassignment_throttle_removed", "success"],
      ]);
    },
  );

  it(
    "moves one partition to another broker with a hand-edited plan, leaving the others in place",
    { timeout: 60_000 },
    async () => {
      const topic = await createTopic([[1], [2]]);
      const res = await callRoute<ReassignmentPreview>(
        start,
        url(topic),
        params(topic),
        post({ plan: { mode: "manual", partitions: [{ partition: 0, replicas: [3] }] } }),
      );
      expect(res.status).toBe(202);
      expect(res.body.moves).toEqual([
        { partition: 0, current: [1], target: [3], adding: [3], removing: [1], leaderChanges: true },
      ]);
      expect(res.body.unchanged).toBe(1);
      await waitFor(
        "partition 0 on broker 3",
        () => JSON.stringify(placement(topic).map((p) => p.replicas)) === "[[3],[2]]",
      );
      const s = await callRoute<ReassignmentStatus>(status, url(topic), params(topic));
      expect(s.body.inProgress).toBe(0);
      // A second start with the same plan changes nothing and says so.
      const again = await callRoute<Envelope>(
        start,
        url(topic),
        params(topic),
        post({ plan: { mode: "manual", partitions: [{ partition: 0, replicas: [3] }] } }),
      );
      expect(again.status).toBe(422);
    },
  );

  it(
    "the progress stream of a topic that does not exist ends with a not_found error instead of polling forever",
    { timeout: 60_000 },
    async () => {
      const topic = `it.rp.missing.${Date.now().toString(36)}`;
      const live = await stream(
        new Request(`http://sluice.test${url(topic, "/stream")}`, { headers: await asAdmin() }),
        { params: Promise.resolve(params(topic)) },
      );
      const events = await readEvents(live, (e) => e.some((x) => x.event === "error"), 40_000);
      expect(events.at(-1)?.data).toEqual(expect.objectContaining({ code: "not_found", fatal: true }));
    },
  );

  it("a read-only view of the cluster refuses to start a reassignment or elect leaders", async () => {
    const topic = await createTopic([[1]]);
    const ro = { clusterId: "local3-readonly", topicName: topic };
    expect(
      (
        await callRoute(
          start,
          `/api/clusters/local3-readonly/topics/${topic}/reassignment`,
          ro,
          post({ plan: { mode: "generate", replicationFactor: 2 } }),
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await callRoute(
          elect,
          "/api/clusters/local3-readonly/leaders/elect",
          { clusterId: "local3-readonly" },
          post({}),
        )
      ).status,
    ).toBe(403);
    expect(placement(topic)[0].replicas).toEqual([1]);
  });
});

describe.runIf(disruptive)("replica placement with a broker restart (stops brokers of the 3-broker variant)", () => {
  it(
    "elects preferred leaders for a topic and for the cluster after a broker restart moved leadership",
    { timeout: 180_000 },
    async () => {
      const topic = await createTopic([
        [1, 2, 3],
        [2, 3, 1],
        [3, 1, 2],
      ]);
      kafka3("--node", "1", "stop");
      await waitFor("leadership off broker 1", () => placement(topic).every((p) => p.leader !== 1), 60_000);
      kafka3("--node", "1", "start");
      await waitFor("broker 1 back in sync", () => placement(topic).every((p) => p.isrs.length === 3), 90_000);
      expect(placement(topic)[0].leader).not.toBe(1);

      const res = await callRoute<ElectLeadersResult>(
        elect,
        `/api/clusters/${C}/leaders/elect`,
        { clusterId: C },
        post({ topic }),
      );
      expect(res.status).toBe(200);
      expect(res.body.elected).toBe(1);
      expect(res.body.alreadyPreferred).toBe(2);
      expect(res.body.failed).toEqual([]);
      await waitFor("preferred leaders", () => placement(topic).every((p) => p.leader === p.replicas[0]), 20_000);

      const all = await callRoute<ElectLeadersResult>(
        elect,
        `/api/clusters/${C}/leaders/elect`,
        { clusterId: C },
        post({}),
      );
      expect(all.status).toBe(200);
      expect(all.body.failed).toEqual([]);
      // For the whole cluster the broker reports only the partitions it had to elect (none are left here).
      expect(all.body.elected).toBeGreaterThanOrEqual(0);
      expect(placement(topic).every((p) => p.leader === p.replicas[0])).toBe(true);
      const audit = await prisma.auditEvent.findMany({
        where: { action: { in: ["topic.leaders_elected", "cluster.leaders_elected"] }, clusterId: C },
        orderBy: { createdAt: "desc" },
        take: 2,
      });
      expect(audit.map((a) => a.action).sort()).toEqual(["cluster.leaders_elected", "topic.leaders_elected"]);
    },
  );

  it(
    "a broker stopped mid-reassignment: progress shows the partition still moving and the broker offline; cancel works after it returns and restores the old replicas",
    { timeout: 240_000 },
    async () => {
      const topic = await createTopic([[1]]);
      const producer = new Kafka({
        clientId: "sluice-tests",
        brokers: BOOTSTRAP3.split(","),
        logLevel: logLevel.NOTHING,
      }).producer();
      await producer.connect();
      const value = "x".repeat(10_000);
      for (let i = 0; i < 20; i++) {
        await producer.send({ topic, acks: 1, messages: Array.from({ length: 50 }, () => ({ value })) });
      }
      await producer.disconnect();

      // 10 MB at 1 KiB/s: the new replica on broker 2 cannot catch up while the test runs.
      const res = await callRoute(
        start,
        url(topic),
        params(topic),
        post({
          plan: { mode: "manual", partitions: [{ partition: 0, replicas: [1, 2] }] },
          throttleBytesPerSecond: 1024,
        }),
      );
      expect(res.status).toBe(202);
      kafka3("--node", "2", "stop");
      try {
        const live = await stream(
          new Request(`http://sluice.test${url(topic, "/stream")}`, { headers: await asAdmin() }),
          { params: Promise.resolve(params(topic)) },
        );
        const events = await readEvents(
          live,
          (e) =>
            e.some(
              (x) =>
                x.event === "progress" &&
                x.data.partitions[0].inProgress &&
                !x.data.brokers.some((b: { id: number }) => b.id === 2),
            ),
          30_000,
        );
        const seen = events.filter((e) => e.event === "progress").at(-1)!.data as ReassignmentStatus;
        expect(seen.inProgress).toBe(1);
        expect(seen.partitions[0]).toMatchObject({ inProgress: true, adding: [2], replicas: [1, 2], isr: [1] });
        expect(seen.brokers.map((b) => b.id)).toEqual([1, 3]);
      } finally {
        kafka3("--node", "2", "start");
      }
      const s = await callRoute<ReassignmentStatus>(status, url(topic), params(topic));
      expect(s.body.inProgress).toBe(1);
      const cancelled = await callRoute<{ cancelled: number[]; throttleLeftOn: number[] }>(
        cancel,
        url(topic),
        params(topic),
        { method: "DELETE" },
      );
      expect(cancelled.status).toBe(200);
      expect(cancelled.body).toEqual({ cancelled: [0], throttleLeftOn: [] });
      await waitFor("the old replica list", () => JSON.stringify(placement(topic)[0].replicas) === "[1]", 30_000);
      expect(await topicThrottle(topic)).toEqual({});
      for (const b of [1, 2, 3]) expect(await brokerThrottle(b)).toEqual({});
      const again = await callRoute<Envelope>(cancel, url(topic), params(topic), { method: "DELETE" });
      expect(again.status).toBe(409);
    },
  );
});
