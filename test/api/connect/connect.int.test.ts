import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  GET as listConnectors,
  POST as createConnector,
} from "@/app/api/clusters/[clusterId]/connect/[connectId]/connectors/route";
import {
  GET as getOffsets,
  DELETE as resetOffsets,
  PATCH as alterOffsets,
} from "@/app/api/clusters/[clusterId]/connect/[connectId]/connectors/[name]/offsets/route";
import { POST as pause } from "@/app/api/clusters/[clusterId]/connect/[connectId]/connectors/[name]/pause/route";
import { POST as restart } from "@/app/api/clusters/[clusterId]/connect/[connectId]/connectors/[name]/restart/route";
import { POST as resume } from "@/app/api/clusters/[clusterId]/connect/[connectId]/connectors/[name]/resume/route";
import {
  DELETE as deleteConnector,
  GET as getConnector,
  PUT as putConfig,
} from "@/app/api/clusters/[clusterId]/connect/[connectId]/connectors/[name]/route";
import { POST as stop } from "@/app/api/clusters/[clusterId]/connect/[connectId]/connectors/[name]/stop/route";
import { POST as restartTask } from "@/app/api/clusters/[clusterId]/connect/[connectId]/connectors/[name]/tasks/[taskId]/restart/route";
import {
  GET as pluginConfig,
  POST as validateConfig,
} from "@/app/api/clusters/[clusterId]/connect/[connectId]/plugins/[pluginClass]/config/route";
import { GET as listPlugins } from "@/app/api/clusters/[clusterId]/connect/[connectId]/plugins/route";
import { GET as streamConnect } from "@/app/api/clusters/[clusterId]/connect/[connectId]/stream/route";
import { GET as listConnect } from "@/app/api/clusters/[clusterId]/connect/route";
import { GET as getCluster } from "@/app/api/clusters/[clusterId]/route";
import type {
  ConfigValidation,
  ConnectClusterSummary,
  ConnectorDetail,
  ConnectorOffsets,
  ConnectorRow,
  ConnectPlugin,
} from "@/lib/schemas/connect";
import { prisma } from "@/server/db/prisma";
import { callRoute, type Envelope } from "../../call-route";
import { pollUntil } from "../../poll";
import { BOOTSTRAP, ensureConnect } from "../../infra";
import { testAdmin } from "../../kafka-admin";
import { TEST_STACK } from "../../stack";

const u = Date.now().toString(36);
const SOURCE_CLASS = "org.apache.kafka.connect.file.FileStreamSourceConnector";
const SINK_CLASS = "org.apache.kafka.connect.file.FileStreamSinkConnector";
const topic = `it.connect.${u}`;
const mmTopic = `it.mm2.${u}`;
const src = `it-src-${u}`;
const sink = `it-sink-${u}`;
const mm2 = `it-mm2-${u}`;
const broken = `it-broken-${u}`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sluice-connect-"));
const inFile = path.join(dir, "in.txt");
const outFile = path.join(dir, "out.txt");
const C = { clusterId: "local", connectId: "local" };
const base = "/api/clusters/local/connect/local";
const json = (method: string, body?: unknown) => ({
  method,
  headers: { "content-type": "application/json" },
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});
const LONG = { timeout: 90_000 };

const admin = testAdmin();
let stopConnect = () => {};

/** The worker's own view, to check what Sluice did without going through Sluice. */
const worker = async <T>(p: string): Promise<{ status: number; body: T }> => {
  const res = await fetch(`${TEST_STACK.connectUrl}${p}`);
  return { status: res.status, body: (await res.json().catch(() => null)) as T };
};

const until = <T>(what: string, fn: () => Promise<T>, ok: (v: T) => boolean, ms = 45_000) =>
  pollUntil(what, fn, ok, ms, 500);

const detail = (name: string) => callRoute<ConnectorDetail>(getConnector, `${base}/connectors/${name}`, { ...C, name });
const stateOf = (name: string) =>
  until(
    `${name} to report a state`,
    () => detail(name),
    (r) => r.status === 200,
  ).then((r) => r.body);
const waitState = (name: string, state: string, taskState = state) =>
  until(
    `${name} ${state}`,
    () => detail(name),
    (r) =>
      r.status === 200 &&
      r.body.state === state &&
      r.body.tasks.length > 0 &&
      r.body.tasks.every((t) => t.state === taskState),
  );
const consume = (t: string) =>
  execFileSync("kcat", ["-C", "-b", BOOTSTRAP, "-t", t, "-e", "-q", "-f", "%s\\n"], { timeout: 20_000 })
    .toString()
    .trim()
    .split("\n")
    .filter(Boolean);

beforeAll(async () => {
  stopConnect = ensureConnect();
  await admin.connect();
  await admin.createTopics({
    topics: [
      { topic, numPartitions: 1 },
      { topic: mmTopic, numPartitions: 1 },
    ],
  });
  fs.writeFileSync(inFile, ["alpha", "beta", "gamma"].join("\n") + "\n");
}, 180_000);

afterAll(async () => {
  for (const name of [src, sink, mm2, broken]) {
    await fetch(`${TEST_STACK.connectUrl}/connectors/${name}`, { method: "DELETE" }).catch(() => {});
  }
  await admin.deleteTopics({ topics: [topic, mmTopic, `src.${mmTopic}`] }).catch(() => {});
  await admin.disconnect();
  fs.rmSync(dir, { recursive: true, force: true });
  stopConnect();
}, 60_000);

describe("Kafka Connect clusters and plugins", () => {
  it("lists the cluster's Connect clusters with version and health; a worker that is down is reported, not fatal", async () => {
    const r = await callRoute<{ connect: ConnectClusterSummary[] }>(listConnect, "/api/clusters/local/connect", {
      clusterId: "local",
    });
    expect(r.status).toBe(200);
    const local = r.body.connect.find((c) => c.name === "local")!;
    expect(local).toMatchObject({ up: true, version: "4.3.1", error: null });
    expect(local.kafkaClusterId).toBeTruthy();
    const down = r.body.connect.find((c) => c.name === "down")!;
    expect(down).toMatchObject({ up: false, version: null, error: { code: "connect_unavailable" } });
    expect(down.error!.message).toMatch(/Kafka Connect "down" \(127\.0\.0\.1:1\) cannot be reached/);
  });

  it("a worker that is down answers 503 connect_unavailable, and the rest of Sluice is unaffected", async () => {
    const r = await callRoute<Envelope>(listConnectors, "/api/clusters/local/connect/down/connectors", {
      clusterId: "local",
      connectId: "down",
    });
    expect(r.status).toBe(503);
    expect(r.body.error.code).toBe("connect_unavailable");
    const unknown = await callRoute<Envelope>(listConnectors, "/api/clusters/local/connect/nope/connectors", {
      clusterId: "local",
      connectId: "nope",
    });
    expect(unknown.status).toBe(404);
    expect((await callRoute(getCluster, "/api/clusters/local", { clusterId: "local" })).status).toBe(200);
  });

  it("lists the plugins (FileStream and MirrorMaker 2) and a plugin's config definition", async () => {
    const r = await callRoute<{ plugins: ConnectPlugin[] }>(listPlugins, `${base}/plugins`, C);
    expect(r.body.plugins.map((p) => p.className)).toEqual(
      expect.arrayContaining([SOURCE_CLASS, SINK_CLASS, "org.apache.kafka.connect.mirror.MirrorSourceConnector"]),
    );
    const def = await callRoute<ConfigValidation>(pluginConfig, `${base}/plugins/${SOURCE_CLASS}/config`, {
      ...C,
      pluginClass: SOURCE_CLASS,
    });
    expect(def.status).toBe(200);
    expect(def.body.fields.find((f) => f.name === "file")).toMatchObject({
      type: "STRING",
      required: expect.any(Boolean),
    });
    expect(def.body.fields.find((f) => f.name === "tasks.max")).toMatchObject({ type: "INT" });
  });
});

describe("connectors against the real worker", () => {
  it("refuses an invalid config with the worker's per-field errors and creates nothing", async () => {
    const v = await callRoute<ConfigValidation>(
      validateConfig,
      `${base}/plugins/${SOURCE_CLASS}/config`,
      { ...C, pluginClass: SOURCE_CLASS },
      json("POST", { config: { "tasks.max": "x" } }),
    );
    expect(v.status).toBe(200);
    expect(v.body.errorCount).toBeGreaterThan(0);
    expect(v.body.fields.find((f) => f.name === "tasks.max")!.errors.join()).toMatch(/Invalid value x/);

    const bad = await callRoute<Envelope>(
      createConnector,
      `${base}/connectors`,
      C,
      json("POST", { name: src, config: { "connector.class": SOURCE_CLASS, "tasks.max": "x", file: inFile, topic } }),
    );
    expect(bad.status).toBe(422);
    expect(bad.body.error.details).toEqual(
      expect.arrayContaining([{ path: "config.tasks.max", issue: expect.stringMatching(/Invalid value x/) }]),
    );
    expect((await worker(`/connectors/${src}`)).status).toBe(404);
    const unknown = await callRoute<Envelope>(
      createConnector,
      `${base}/connectors`,
      C,
      json("POST", { name: src, config: { "connector.class": "com.example.NoSuchConnector" } }),
    );
    expect(unknown.status).toBe(422);
    expect(unknown.body.error).toMatchObject({
      message: 'Kafka Connect "local" has no connector plugin "com.example.NoSuchConnector".',
      details: [{ path: "config.connector.class", issue: "unknown plugin" }],
    });
    const unknownDef = await callRoute<Envelope>(pluginConfig, `${base}/plugins/com.example.NoSuchConnector/config`, {
      ...C,
      pluginClass: "com.example.NoSuchConnector",
    });
    expect(unknownDef.status).toBe(422);
    for (const bad of ["..", "."]) {
      const r = await callRoute<Envelope>(getConnector, `${base}/connectors/${bad}`, { ...C, name: bad });
      expect(r.status).toBe(422);
    }
    const noClass = await callRoute<Envelope>(
      createConnector,
      `${base}/connectors`,
      C,
      json("POST", { name: src, config: { file: inFile } }),
    );
    expect(noClass.status).toBe(422);
    const badName = await callRoute<Envelope>(
      createConnector,
      `${base}/connectors`,
      C,
      json("POST", { name: "a/b", config: { "connector.class": SOURCE_CLASS } }),
    );
    expect(badName.status).toBe(422);
  });

  it(
    "creates a FileStream source whose file's lines arrive in the topic, audited; the same name again is 409",
    LONG,
    async () => {
      const config = {
        "connector.class": SOURCE_CLASS,
        "tasks.max": "1",
        file: inFile,
        topic,
        "demo.secret.token": "tok-123",
      };
      const r = await callRoute<ConnectorDetail>(
        createConnector,
        `${base}/connectors`,
        C,
        json("POST", { name: src, config }),
      );
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({ name: src, type: "source", className: SOURCE_CLASS });
      await until(
        "the file's lines in the topic",
        async () => consume(topic),
        (lines) => lines.length >= 3,
      );
      expect(consume(topic)).toEqual(['"alpha"', '"beta"', '"gamma"']);
      const audit = await prisma.auditEvent.findFirst({
        where: { action: "connector.created", target: `local/${src}` },
      });
      expect(audit?.result).toBe("success");
      expect(audit?.after).not.toContain("tok-123");

      const again = await callRoute<Envelope>(
        createConnector,
        `${base}/connectors`,
        C,
        json("POST", { name: src, config }),
      );
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe("conflict");
    },
  );

  it(
    "shows the connector in the list and in detail: state, tasks with their worker, topics, secrets hidden",
    LONG,
    async () => {
      const d = (await waitState(src, "RUNNING")).body;
      expect(d.tasks[0]).toMatchObject({
        id: 0,
        state: "RUNNING",
        workerId: expect.stringContaining("127.0.0.1:"),
        trace: null,
      });
      expect(d.config["demo.secret.token"]).toBe("[hidden]");
      expect(d.config.file).toBe(inFile);
      expect(d.maskedKeys).toEqual(["demo.secret.token"]);
      const withTopics = await until(
        "the topics API to name the topic",
        () => stateOf(src),
        (x) => x.topics.includes(topic),
      );
      expect(withTopics.topics).toEqual([topic]);

      const list = await callRoute<{ connectors: ConnectorRow[] }>(listConnectors, `${base}/connectors`, C);
      expect(list.body.connectors.find((c) => c.name === src)).toEqual({
        name: src,
        type: "source",
        className: SOURCE_CLASS,
        state: "RUNNING",
        workerId: expect.any(String),
        tasks: { total: 1, running: 1, failed: 0, paused: 0 },
        topics: [topic],
      });
    },
  );

  it(
    "edits the config: a hidden value sent back keeps the stored secret; the worker applies the change",
    LONG,
    async () => {
      const d = await stateOf(src);
      const r = await callRoute<ConnectorDetail>(
        putConfig,
        `${base}/connectors/${src}`,
        { ...C, name: src },
        json("PUT", { config: { ...d.config, "batch.size": "500" } }),
      );
      expect(r.status).toBe(200);
      const raw = await worker<Record<string, string>>(`/connectors/${src}/config`);
      expect(raw.body["demo.secret.token"]).toBe("tok-123");
      expect(raw.body["batch.size"]).toBe("500");
      const audit = await prisma.auditEvent.findFirst({
        where: { action: "connector.config-updated", target: `local/${src}` },
      });
      expect(audit?.result).toBe("success");
      expect(JSON.parse(audit!.before!).config["demo.secret.token"]).toBe("[hidden]");
      expect(JSON.parse(audit!.after!).config).toMatchObject({ "batch.size": "500", "demo.secret.token": "[hidden]" });
      const bad = await callRoute<Envelope>(
        putConfig,
        `${base}/connectors/${src}`,
        { ...C, name: src },
        json("PUT", { config: { ...d.config, "tasks.max": "-3" } }),
      );
      expect(bad.status).toBe(422);
      expect(bad.body.error.details?.[0].path).toBe("config.tasks.max");
      const missing = await callRoute<Envelope>(
        putConfig,
        `${base}/connectors/it-none-${u}`,
        { ...C, name: `it-none-${u}` },
        json("PUT", { config: d.config }),
      );
      expect(missing.status).toBe(404);
      expect((await worker(`/connectors/it-none-${u}`)).status).toBe(404);
    },
  );

  it(
    "pauses, resumes, restarts (connector, failed only, one task), each audited; the SSE stream shows the change",
    LONG,
    async () => {
      await waitState(src, "RUNNING");
      // The live stream: the first event is every connector's state.
      const controller = new AbortController();
      const res = await streamConnect(
        new Request(`http://sluice.test${base}/stream`, {
          headers: await (await import("../../auth")).asAdmin(),
          signal: controller.signal,
        }),
        { params: Promise.resolve(C) },
      );
      expect(res.headers.get("content-type")).toMatch(/text\/event-stream/);
      const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
      let seen = "";
      const readUntil = async (re: RegExp) => {
        while (!re.test(seen)) {
          const { value, done } = await reader.read();
          if (done) throw new Error("stream ended");
          seen += value;
        }
      };
      await readUntil(new RegExp(`"name":"${src}","state":"RUNNING"`));

      expect(
        (await callRoute(pause, `${base}/connectors/${src}/pause`, { ...C, name: src }, json("POST"))).status,
      ).toBe(202);
      await waitState(src, "PAUSED");
      await readUntil(new RegExp(`"name":"${src}","state":"PAUSED"`));
      controller.abort();
      await reader.cancel().catch(() => {});

      expect(
        (await callRoute(resume, `${base}/connectors/${src}/resume`, { ...C, name: src }, json("POST"))).status,
      ).toBe(202);
      await waitState(src, "RUNNING");
      const r1 = await callRoute(
        restart,
        `${base}/connectors/${src}/restart?includeTasks=true&onlyFailed=true`,
        { ...C, name: src },
        json("POST"),
      );
      expect(r1.status).toBe(202);
      const r2 = await callRoute(
        restart,
        `${base}/connectors/${src}/restart?includeTasks=true`,
        { ...C, name: src },
        json("POST"),
      );
      expect(r2.status).toBe(202);
      await waitState(src, "RUNNING");
      const t0 = await callRoute(
        restartTask,
        `${base}/connectors/${src}/tasks/0/restart`,
        { ...C, name: src, taskId: "0" },
        json("POST"),
      );
      expect(t0.status).toBe(202);
      const t9 = await callRoute<Envelope>(
        restartTask,
        `${base}/connectors/${src}/tasks/9/restart`,
        { ...C, name: src, taskId: "9" },
        json("POST"),
      );
      expect(t9.status).toBe(404);
      const badQuery = await callRoute<Envelope>(
        restart,
        `${base}/connectors/${src}/restart?includeTasks=maybe`,
        { ...C, name: src },
        json("POST"),
      );
      expect(badQuery.status).toBe(422);
      const actions = (await prisma.auditEvent.findMany({ where: { target: { startsWith: `local/${src}` } } })).map(
        (a) => `${a.action}:${a.result}`,
      );
      expect(actions).toEqual(
        expect.arrayContaining([
          "connector.paused:success",
          "connector.resumed:success",
          "connector.restarted:success",
          "connector.task-restarted:success",
          "connector.task-restarted:failure",
        ]),
      );
    },
  );

  it("reads offsets; changes them only when STOPPED (409 before), then alters and resets them", LONG, async () => {
    await waitState(src, "RUNNING");
    const o = await until(
      "the source's offset",
      () => callRoute<ConnectorOffsets>(getOffsets, `${base}/connectors/${src}/offsets`, { ...C, name: src }),
      (r) => r.body.offsets?.length === 1,
    );
    expect(o.body.offsets[0]).toEqual({ partition: { filename: inFile }, offset: { position: 17 } });

    const early = await callRoute<Envelope>(
      resetOffsets,
      `${base}/connectors/${src}/offsets`,
      { ...C, name: src },
      json("DELETE"),
    );
    expect(early.status).toBe(409);
    expect(early.body.error.message).toMatch(/STOPPED/);

    expect((await callRoute(stop, `${base}/connectors/${src}/stop`, { ...C, name: src }, json("POST"))).status).toBe(
      202,
    );
    await until(
      `${src} STOPPED`,
      () => stateOf(src),
      (d) => d.state === "STOPPED",
    );
    const altered = await callRoute<{ message: string }>(
      alterOffsets,
      `${base}/connectors/${src}/offsets`,
      { ...C, name: src },
      json("PATCH", { offsets: [{ partition: { filename: inFile }, offset: { position: 6 } }] }),
    );
    expect(altered.status).toBe(200);
    expect((await worker<ConnectorOffsets>(`/connectors/${src}/offsets`)).body.offsets[0].offset).toEqual({
      position: 6,
    });
    const reset = await callRoute<{ message: string }>(
      resetOffsets,
      `${base}/connectors/${src}/offsets`,
      { ...C, name: src },
      json("DELETE"),
    );
    expect(reset.status).toBe(200);
    expect((await worker<ConnectorOffsets>(`/connectors/${src}/offsets`)).body.offsets).toEqual([]);
    const badBody = await callRoute<Envelope>(
      alterOffsets,
      `${base}/connectors/${src}/offsets`,
      { ...C, name: src },
      json("PATCH", { offsets: [] }),
    );
    expect(badBody.status).toBe(422);

    // Resumed from the reset offsets, the source reads the file again from the start.
    expect(
      (await callRoute(resume, `${base}/connectors/${src}/resume`, { ...C, name: src }, json("POST"))).status,
    ).toBe(202);
    await until(
      "the file read again",
      async () => consume(topic),
      (lines) => lines.length >= 6,
    );
    const audit = (await prisma.auditEvent.findMany({ where: { target: `local/${src}` } })).map((a) => a.action);
    expect(audit).toEqual(
      expect.arrayContaining(["connector.stopped", "connector.offsets-altered", "connector.offsets-reset"]),
    );
  });

  it("a FileStream sink writes the topic's records to a file", LONG, async () => {
    const r = await callRoute(
      createConnector,
      `${base}/connectors`,
      C,
      json("POST", {
        name: sink,
        config: { "connector.class": SINK_CLASS, "tasks.max": "1", file: outFile, topics: topic },
      }),
    );
    expect(r.status).toBe(201);
    await until(
      "the sink's file",
      async () => (fs.existsSync(outFile) ? fs.readFileSync(outFile, "utf8") : ""),
      (s) => s.split("\n").filter(Boolean).length >= 3,
    );
    expect(fs.readFileSync(outFile, "utf8").split("\n").slice(0, 3)).toEqual(["alpha", "beta", "gamma"]);
  });

  it("a MirrorMaker 2 source connector copies a topic", LONG, async () => {
    execFileSync("kcat", ["-P", "-b", BOOTSTRAP, "-t", mmTopic], { input: "m1\nm2\n", timeout: 20_000 });
    const config = {
      "connector.class": "org.apache.kafka.connect.mirror.MirrorSourceConnector",
      "tasks.max": "1",
      "source.cluster.alias": "src",
      "target.cluster.alias": "dst",
      "source.cluster.bootstrap.servers": BOOTSTRAP,
      "target.cluster.bootstrap.servers": BOOTSTRAP,
      topics: mmTopic,
      "replication.factor": "1",
      "offset-syncs.topic.replication.factor": "1",
      "sync.topic.acls.enabled": "false",
      "refresh.topics.interval.seconds": "1",
      "key.converter": "org.apache.kafka.connect.converters.ByteArrayConverter",
      "value.converter": "org.apache.kafka.connect.converters.ByteArrayConverter",
    };
    const r = await callRoute(createConnector, `${base}/connectors`, C, json("POST", { name: mm2, config }));
    expect(r.status).toBe(201);
    const copied = await until(
      "the mirrored records",
      async () => {
        try {
          return consume(`src.${mmTopic}`);
        } catch {
          return [];
        }
      },
      (l) => l.length >= 2,
      60_000,
    );
    expect(copied).toEqual(["m1", "m2"]);
  });

  it("a task failing at run time is FAILED with its stack trace, counted as failed in the list", LONG, async () => {
    const file = path.join(dir, "no-such-dir", "out.txt");
    const r = await callRoute(
      createConnector,
      `${base}/connectors`,
      C,
      json("POST", { name: broken, config: { "connector.class": SINK_CLASS, "tasks.max": "1", file, topics: topic } }),
    );
    expect(r.status).toBe(201);
    const d = (
      await until(
        `${broken} task FAILED`,
        () => stateOf(broken),
        (x) => x.tasks[0]?.state === "FAILED",
      )
    ).tasks[0];
    expect(d.trace).toMatch(/org\.apache\.kafka\.connect\.errors\.ConnectException[\s\S]*no-such-dir/);
    const list = await callRoute<{ connectors: ConnectorRow[] }>(listConnectors, `${base}/connectors`, C);
    expect(list.body.connectors.find((c) => c.name === broken)!.tasks).toMatchObject({ total: 1, failed: 1 });
    const summary = await callRoute<{ connect: ConnectClusterSummary[] }>(listConnect, "/api/clusters/local/connect", {
      clusterId: "local",
    });
    expect(summary.body.connect.find((c) => c.name === "local")!.failed).toBeGreaterThanOrEqual(1);
  });

  it("deletes connectors (audited); a deleted one is 404", LONG, async () => {
    for (const name of [src, sink, mm2, broken]) {
      const r = await callRoute<{ deleted: string }>(
        deleteConnector,
        `${base}/connectors/${name}`,
        { ...C, name },
        json("DELETE"),
      );
      expect(r.status).toBe(200);
    }
    expect((await worker(`/connectors/${src}`)).status).toBe(404);
    expect((await detail(src)).status).toBe(404);
    expect(
      (await callRoute(deleteConnector, `${base}/connectors/${src}`, { ...C, name: src }, json("DELETE"))).status,
    ).toBe(404);
    expect(
      await prisma.auditEvent.count({
        where: { action: "connector.deleted", target: `local/${src}`, result: "success" },
      }),
    ).toBe(1);
  });

  it("refuses every change on a read-only cluster", async () => {
    const r = await callRoute<Envelope>(
      createConnector,
      "/api/clusters/local-readonly/connect/local/connectors",
      { clusterId: "local-readonly", connectId: "local" },
      json("POST", { name: `it-ro-${u}`, config: { "connector.class": SOURCE_CLASS, file: inFile, topic } }),
    );
    expect(r.status).toBe(403);
    expect((await worker(`/connectors/it-ro-${u}`)).status).toBe(404);
    const list = await callRoute(listConnectors, "/api/clusters/local-readonly/connect/local/connectors", {
      clusterId: "local-readonly",
      connectId: "local",
    });
    expect(list.status).toBe(200);
  });
});
