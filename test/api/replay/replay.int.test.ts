import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as replayRoute } from "@/app/api/clusters/[clusterId]/topics/[topicName]/replay/route";
import { POST as redriveRoute } from "@/app/api/clusters/[clusterId]/topics/[topicName]/redrive/route";
import { GET as jobRoute } from "@/app/api/clusters/[clusterId]/replays/[jobId]/route";
import { GET as jobStreamRoute } from "@/app/api/clusters/[clusterId]/replays/[jobId]/stream/route";
import { POST as cancelRoute } from "@/app/api/clusters/[clusterId]/replays/[jobId]/cancel/route";
import { POST as resumeRoute } from "@/app/api/clusters/[clusterId]/replays/[jobId]/resume/route";
import type { DryRunResult, ReplayJob } from "@/lib/schemas/replay";
import { prisma } from "@/server/db/prisma";
import { interruptReplayRunners } from "@/server/services/replay/run-replay-job";
import { asAdmin, testTeam, testUser } from "../../auth";
import { callRoute, type Envelope } from "../../call-route";
import { BOOTSTRAP } from "../../infra";
import { testAdmin, uniqueTopic } from "../../kafka-admin";
import { readEvents } from "../../sse-client";

const admin = testAdmin();
const topics: string[] = [];
const json = (body: unknown, cookie?: string) => ({
  method: "POST",
  body: JSON.stringify(body),
  headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
});

async function createTopic(name: string, partitions = 1): Promise<string> {
  topics.push(name);
  await admin.createTopics({ topics: [{ topic: name, numPartitions: partitions }], waitForLeaders: true });
  return name;
}

/** Writes records with kcat (an independent producer): lines `key\tvalue`, headers on every record. */
function kcatProduce(topic: string, lines: string[], opts: { partition?: number; headers?: string[] } = {}): void {
  const args = [
    "-P",
    "-b",
    BOOTSTRAP,
    "-t",
    topic,
    "-K",
    "\t",
    ...(opts.partition !== undefined ? ["-p", String(opts.partition)] : []),
    ...(opts.headers ?? []).flatMap((h) => ["-H", h]),
  ];
  execFileSync("kcat", args, { input: `${lines.join("\n")}\n`, timeout: 20_000 });
}

type Read = { partition: number; offset: number; key: string; value: string; headers: string; timestamp: number };
/** Every record of a topic as kcat reads it. */
function kcatRead(topic: string): Read[] {
  const out = execFileSync("kcat", ["-C", "-b", BOOTSTRAP, "-t", topic, "-e", "-q", "-f", "%p\t%o\t%k\t%s\t%h\t%T\n"], {
    timeout: 20_000,
  }).toString();
  return out
    .split("\n")
    .filter(Boolean)
    .map((l) => {
      const [p, o, k, v, h, t] = l.split("\t");
      return { partition: Number(p), offset: Number(o), key: k, value: v, headers: h, timestamp: Number(t) };
    });
}

const replay = <T>(topic: string, body: unknown, dryRun = false, cookie?: string, clusterId = "local") =>
  callRoute<T & Envelope>(
    replayRoute,
    `/api/clusters/${clusterId}/topics/${topic}/replay${dryRun ? "?dryRun=true" : ""}`,
    { clusterId, topicName: topic },
    json(body, cookie),
  );
const redrive = <T>(topic: string, body: unknown, dryRun = false) =>
  callRoute<T & Envelope>(
    redriveRoute,
    `/api/clusters/local/topics/${topic}/redrive${dryRun ? "?dryRun=true" : ""}`,
    { clusterId: "local", topicName: topic },
    json(body),
  );
const job = (id: string) =>
  callRoute<ReplayJob & Envelope>(jobRoute, `/api/clusters/local/replays/${id}`, { clusterId: "local", jobId: id });
const post = (route: typeof cancelRoute, id: string, verb: string) =>
  callRoute<ReplayJob & Envelope>(
    route,
    `/api/clusters/local/replays/${id}/${verb}`,
    { clusterId: "local", jobId: id },
    { method: "POST" },
  );

async function until(id: string, states: string[], timeoutMs = 30_000): Promise<ReplayJob> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await job(id);
    if (states.includes(res.body.state)) return res.body;
    if (Date.now() > deadline) {
      throw new Error(`job ${id} is ${res.body.state}, not ${states.join("/")}: ${JSON.stringify(res.body)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(() => admin.connect());
afterAll(async () => {
  await admin.deleteTopics({ topics }).catch(() => {});
  await admin.disconnect();
});

describe("replay / copy", () => {
  it("dry run answers the count and a sample of up to 10 and writes nothing", async () => {
    const source = await createTopic(uniqueTopic("rp-dry-src"), 2);
    const dest = await createTopic(uniqueTopic("rp-dry-dst"));
    kcatProduce(
      source,
      Array.from({ length: 30 }, (_, i) => `k${i}\t{"n":${i},"kind":"${i % 3 === 0 ? "refund" : "order"}"}`),
      { partition: 0 },
    );
    kcatProduce(
      source,
      Array.from({ length: 6 }, (_, i) => `p1-${i}\t{"kind":"refund"}`),
      { partition: 1 },
    );
    const res = await replay<DryRunResult>(
      source,
      { destination: { clusterId: "local", topic: dest }, q: "refund" },
      true,
    );
    expect(res.status).toBe(200);
    expect(res.body.count).toBe(16);
    expect(res.body.scanned).toBe(36);
    expect(res.body.sample).toHaveLength(10);
    expect(res.body.sample.every((s) => s.value!.includes("refund") && s.destination === dest)).toBe(true);
    expect(res.body.destinations).toEqual([{ clusterId: "local", topic: dest, count: 16 }]);
    expect(kcatRead(dest)).toHaveLength(0);
    expect(await prisma.replayJob.count({ where: { sourceTopic: source } })).toBe(0);
  });

  it("refuses a missing destination at dry run with the reason, and a bad CEL with its position", async () => {
    const source = await createTopic(uniqueTopic("rp-bad-src"));
    const missing = await replay(source, { destination: { clusterId: "local", topic: "it.rp.no-such-topic" } }, true);
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toMatch(/Destination topic "it.rp.no-such-topic" does not exist/);
    const cel = await replay(source, { destination: { clusterId: "local", topic: source }, cel: "value.x ==" }, true);
    expect(cel.status).toBe(422);
    expect(cel.body.error.details?.[0].path).toBe("cel");
  });

  it("copies the filtered records keeping key, headers, timestamps and partition, reports progress over SSE, and audits", async () => {
    const source = await createTopic(uniqueTopic("rp-copy-src"), 2);
    const dest = await createTopic(uniqueTopic("rp-copy-dst"), 2);
    kcatProduce(
      source,
      Array.from({ length: 20 }, (_, i) => `k${i}\t{"customer":"${i % 2 ? "acme" : "other"}","n":${i}}`),
      { partition: 1, headers: ["trace=abc", "origin=kcat"] },
    );
    const res = await replay<ReplayJob>(source, {
      destination: { clusterId: "local", topic: dest },
      cel: 'value.customer == "acme"',
      keepTimestamps: true,
      keepPartition: true,
    });
    expect(res.status).toBe(202);
    expect(res.body.state).toBe("running");
    const stream = await jobStreamRoute(
      new Request(`http://sluice.test/api/clusters/local/replays/${res.body.id}/stream`, { headers: await asAdmin() }),
      { params: Promise.resolve({ clusterId: "local", jobId: res.body.id }) },
    );
    const events = await readEvents(stream, (e) => e.some((x) => x.event === "done"));
    const done = events.find((e) => e.event === "done")!.data as ReplayJob;
    expect(done).toMatchObject({ state: "done", written: 10, skipped: 0 });
    const src = kcatRead(source);
    const out = kcatRead(dest);
    expect(out).toHaveLength(10);
    for (const r of out) {
      const original = src.find((s) => s.key === r.key)!;
      expect(JSON.parse(r.value).customer).toBe("acme");
      expect(r).toMatchObject({
        partition: 1,
        value: original.value,
        headers: "trace=abc,origin=kcat",
        timestamp: original.timestamp,
      });
    }
    const audit = await prisma.auditEvent.findMany({
      where: { target: source, action: { in: ["messages.replay", "messages.replay_finished"] } },
    });
    expect(audit.map((a) => `${a.action}:${a.result}`).sort()).toEqual([
      "messages.replay:success",
      "messages.replay_finished:success",
    ]);
  });

  it("cancel stops the job at its last written position", async () => {
    const source = await createTopic(uniqueTopic("rp-cancel-src"));
    const dest = await createTopic(uniqueTopic("rp-cancel-dst"));
    kcatProduce(
      source,
      Array.from({ length: 200 }, (_, i) => `k${i}\tv${i}`),
    );
    const res = await replay<ReplayJob>(source, { destination: { clusterId: "local", topic: dest }, rateLimit: 40 });
    await new Promise((r) => setTimeout(r, 1200));
    const cancelled = await post(cancelRoute, res.body.id, "cancel");
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.state).toBe("cancelled");
    await new Promise((r) => setTimeout(r, 1500));
    const after = (await job(res.body.id)).body;
    expect(after.state).toBe("cancelled");
    expect(after.written).toBeGreaterThan(0);
    expect(after.written).toBeLessThan(200);
    expect(kcatRead(dest)).toHaveLength(after.written);
    const again = await post(cancelRoute, res.body.id, "cancel");
    expect(again.status).toBe(409);
  });

  it("resumes after an interruption (process shutdown) from the stored position without duplicates", async () => {
    const source = await createTopic(uniqueTopic("rp-resume-src"), 3);
    const dest = await createTopic(uniqueTopic("rp-resume-dst"), 3);
    for (const p of [0, 1, 2]) {
      kcatProduce(
        source,
        Array.from({ length: 100 }, (_, i) => `p${p}-k${i}\tv${i}`),
        { partition: p },
      );
    }
    const res = await replay<ReplayJob>(source, {
      destination: { clusterId: "local", topic: dest },
      rateLimit: 100,
      keepPartition: true,
    });
    await new Promise((r) => setTimeout(r, 1200));
    await interruptReplayRunners();
    const stopped = await until(res.body.id, ["interrupted"]);
    expect(stopped.written).toBeGreaterThan(0);
    expect(stopped.written).toBeLessThan(300);
    const resumed = await post(resumeRoute, res.body.id, "resume");
    expect(resumed.status).toBe(202);
    const finished = await until(res.body.id, ["done"], 30_000);
    expect(finished.written).toBe(300);
    const out = kcatRead(dest);
    expect(out).toHaveLength(300);
    expect(new Set(out.map((r) => r.key)).size).toBe(300);
    expect((await post(resumeRoute, res.body.id, "resume")).status).toBe(409);
  });
});

describe("replay authorisation", () => {
  it("refuses a viewer, and an operator whose teams do not own the destination (audited)", async () => {
    const source = await createTopic(uniqueTopic("rp-auth-src"));
    const owned = await createTopic(`it.rpteam.${Date.now().toString(36)}`);
    const foreign = await createTopic(uniqueTopic("rp-auth-dst"));
    kcatProduce(source, ["a\t1", "b\t2"]);
    const viewer = await testUser("replay-viewer@sluice.test", { local: "viewer" });
    const v = await replay(source, { destination: { clusterId: "local", topic: owned } }, true, viewer.cookie);
    expect(v.status).toBe(403);
    const vStart = await replay(source, { destination: { clusterId: "local", topic: owned } }, false, viewer.cookie);
    expect(vStart.status).toBe(403);
    const team = await testTeam("it-replay-team", ["it.rpteam."]);
    const operator = await testUser("replay-operator@sluice.test", { local: "operator" }, [team]);
    const refused = await replay(
      source,
      { destination: { clusterId: "local", topic: foreign } },
      false,
      operator.cookie,
    );
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/not owned by your teams/);
    const ok = await replay<DryRunResult>(
      source,
      { destination: { clusterId: "local", topic: owned } },
      true,
      operator.cookie,
    );
    expect(ok.status).toBe(200);
    expect(ok.body.count).toBe(2);
    const rows = await prisma.auditEvent.findMany({ where: { target: source, action: "messages.replay" } });
    expect(rows.some((r) => r.result === "failure" && r.actor === "replay-operator@sluice.test")).toBe(true);
    expect(rows.some((r) => r.result === "denied" && r.actor === "replay-viewer@sluice.test")).toBe(true);
    expect(kcatRead(foreign)).toHaveLength(0);
  });

  it("refuses copying from a topic with masking rules unless the actor is exempt", async () => {
    const source = await createTopic(uniqueTopic("mk.rp-src").replace(/^it\.mk\.rp-src/, "it.mk.rp"));
    const dest = await createTopic(`it.rpteam.mk${Date.now().toString(36)}`);
    kcatProduce(source, ['a\t{"customer":{"email":"x@y.z"}}']);
    const team = await testTeam("it-replay-team", ["it.rpteam."]);
    const operator = await testUser("replay-mask-op@sluice.test", { "local-masking": "operator" }, [team]);
    const res = await replay(
      source,
      { destination: { clusterId: "local-masking", topic: dest } },
      true,
      operator.cookie,
      "local-masking",
    );
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/masked/);
    const asAdminRes = await replay<DryRunResult>(
      source,
      { destination: { clusterId: "local-masking", topic: dest } },
      true,
      undefined,
      "local-masking",
    );
    expect(asAdminRes.status).toBe(200);
    expect(asAdminRes.body.count).toBe(1);
  });
});

describe("dead-letter redrive", () => {
  it("sends records back to the topic their header names, removing the error headers; records without it are skipped", async () => {
    const dlt = await createTopic(uniqueTopic("rp-dlt"));
    const a = await createTopic(uniqueTopic("rp-orig-a"));
    const b = await createTopic(uniqueTopic("rp-orig-b"));
    kcatProduce(dlt, ["a1\tva1", "a2\tva2"], {
      headers: [`__connect.errors.topic=${a}`, "__connect.errors.exception.message=boom", "trace=t1"],
    });
    kcatProduce(dlt, ["b1\tvb1"], {
      headers: [`__connect.errors.topic=${b}`, "__connect.errors.exception.message=bad"],
    });
    kcatProduce(dlt, ["x1\tvx1"], { headers: ["trace=none"] });
    const body = { preset: "connect", removeErrorHeaders: true };
    const dry = await redrive<DryRunResult>(dlt, body, true);
    expect(dry.status).toBe(200);
    expect(dry.body.count).toBe(3);
    expect(dry.body.destinations.sort((x, y) => x.topic.localeCompare(y.topic))).toEqual([
      { clusterId: "local", topic: a, count: 2 },
      { clusterId: "local", topic: b, count: 1 },
    ]);
    expect(dry.body.skipped).toEqual([
      expect.objectContaining({ offset: "3", reason: expect.stringMatching(/no "__connect.errors.topic" header/) }),
    ]);
    expect(kcatRead(a)).toHaveLength(0);
    const res = await redrive<ReplayJob>(dlt, body);
    expect(res.status).toBe(202);
    expect(res.body.kind).toBe("redrive");
    const done = await until(res.body.id, ["done"]);
    expect(done).toMatchObject({ written: 3, skipped: 1 });
    expect(kcatRead(a).map((r) => [r.key, r.value, r.headers])).toEqual([
      ["a1", "va1", "trace=t1"],
      ["a2", "va2", "trace=t1"],
    ]);
    expect(kcatRead(b).map((r) => [r.key, r.headers])).toEqual([["b1", ""]]);
    const audit = await prisma.auditEvent.findFirst({ where: { target: dlt, action: "messages.redrive" } });
    expect(audit?.result).toBe("success");
  });

  it("skips records whose original topic the operator may not write, with the reason", async () => {
    const dlt = await createTopic(`it.rpteam.dlt${Date.now().toString(36)}`);
    const foreign = await createTopic(uniqueTopic("rp-foreign"));
    kcatProduce(dlt, ["f\tv"], { headers: [`kafka_dlt-original-topic=${foreign}`] });
    const team = await testTeam("it-replay-team", ["it.rpteam."]);
    const operator = await testUser("replay-operator@sluice.test", { local: "operator" }, [team]);
    const dry = await callRoute<DryRunResult & Envelope>(
      redriveRoute,
      `/api/clusters/local/topics/${dlt}/redrive?dryRun=true`,
      { clusterId: "local", topicName: dlt },
      json({ preset: "spring" }, operator.cookie),
    );
    expect(dry.status).toBe(200);
    expect(dry.body.count).toBe(0);
    expect(dry.body.skipped[0].reason).toMatch(/not owned by your teams/);
  });
});
