import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import { E2E_ADMIN } from "../../../playwright.config";
import { KafkaFixture, uniqueTopicName } from "../../fixtures/kafka";

/**
 * A second Sluice server of its own (own port, SQLite file and cluster file) receives SIGTERM while a live stream is
 * open and a change is running (a schema registration its registry answers slowly: the real registry behind a
 * proxy that holds POSTs for a while). It must report not-ready, refuse new streams and changes, let the running
 * change finish, end the stream with a retry hint, give up its sampling lease and exit 0 within the bound.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100) + 98;
const PROXY_PORT = PORT + 1;
const BASE = `http://127.0.0.1:${PORT}`;
const DB_FILE = ".data/e2e-shutdown.db";
const CONFIG_FILE = ".data/e2e-shutdown.yaml";
const REGISTRY = new URL(process.env.TEST_REGISTRY!);
const env = {
  ...process.env,
  SLUICE_CONFIG: CONFIG_FILE,
  DATABASE_URL: `file:./${DB_FILE}`,
  NODE_ENV: "production",
  NEXT_MANUAL_SIG_HANDLE: "1",
  SLUICE_ADMIN_EMAIL: E2E_ADMIN.email,
  SLUICE_ADMIN_PASSWORD: E2E_ADMIN.password,
  SLUICE_SAMPLING: "local",
  SLUICE_SHUTDOWN_TIMEOUT_MS: "20000",
} as NodeJS.ProcessEnv;
const HOLD_MS = 2_500;

/** The real registry behind a proxy that, once armed, holds each POST for HOLD_MS before passing it on. */
let armed = false;
let heldPosts = 0;
const proxy = http.createServer((req, res) => {
  const forward = () => {
    const upstream = http.request(
      { host: REGISTRY.hostname, port: REGISTRY.port, path: req.url, method: req.method, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on("error", () => res.destroy());
    req.pipe(upstream);
  };
  if (armed && req.method === "POST") {
    heldPosts++;
    setTimeout(forward, HOLD_MS);
  } else {
    forward();
  }
});

const kafka = new KafkaFixture();
let server: ChildProcess | undefined;
let output = "";
const cleanFiles = () => {
  for (const f of [DB_FILE, `${DB_FILE}-wal`, `${DB_FILE}-shm`, `${DB_FILE}-journal`, CONFIG_FILE]) {
    fs.rmSync(f, { force: true });
  }
};
test.afterEach(async ({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus) {
    await testInfo.attach("server output", { body: output, contentType: "text/plain" });
  }
});
test.afterAll(async () => {
  if (server && server.exitCode === null) server.kill("SIGKILL");
  await new Promise((r) => proxy.close(r));
  await kafka.cleanup();
  cleanFiles();
});
const leases = () => {
  const db = new Database(DB_FILE, { readonly: true, fileMustExist: true });
  try {
    return db.prepare("SELECT holder FROM SamplerLease WHERE clusterId = 'local'").all() as { holder: string }[];
  } finally {
    db.close();
  }
};

/** A raw HTTP request whose body the test sends when it chooses (so a change can be in flight at SIGTERM). */
function openRequest(method: string, path: string, headers: Record<string, string>) {
  const req = http.request(`${BASE}${path}`, { method, headers });
  const response = new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>(
    (resolve, reject) => {
      req.on("response", (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (d: string) => (body += d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        res.on("error", reject);
      });
      req.on("error", reject);
    },
  );
  return { req, response };
}

test("on SIGTERM a replica drains: not ready, no new work, running change finished, streams told to retry, lease released", async () => {
  test.setTimeout(120_000);
  cleanFiles();
  await new Promise<void>((r) => proxy.listen(PROXY_PORT, "127.0.0.1", r));
  const registryPath = REGISTRY.pathname.replace(/\/$/, "");
  fs.writeFileSync(
    CONFIG_FILE,
    `clusters:\n  - id: local\n    name: Local\n    bootstrapServers: ${process.env.TEST_KAFKA}\n    schemaRegistry:\n      url: http://127.0.0.1:${PROXY_PORT}${registryPath}\n    metrics: { intervalMs: 1000 }\n`,
  );
  const migrate = spawnSync(process.execPath, ["dev/migrate.mjs", "deploy"], { env, encoding: "utf8" });
  expect(migrate.status, migrate.stderr).toBe(0);
  const topic = uniqueTopicName("drain");
  await kafka.createTopics([topic]);

  server = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "-p", String(PORT), "-H", "127.0.0.1"],
    { env },
  );
  server.stdout!.on("data", (d) => (output += d));
  server.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => server!.on("exit", (code) => resolve(code)));
  await expect
    .poll(async () => (await fetch(`${BASE}/api/ready`).catch(() => null))?.status ?? 0, { timeout: 60_000 })
    .toBe(200);
  // Its sampler holds the lease for the cluster it samples.
  await expect.poll(() => leases().length, { timeout: 30_000 }).toBe(1);

  const signIn = await fetch(`${BASE}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(E2E_ADMIN),
  });
  expect(signIn.status).toBe(200);
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");

  // A live stream, open and delivering.
  const stream = openRequest("GET", "/api/clusters/local/metrics/stream", { cookie, accept: "text/event-stream" });
  stream.req.end();
  let streamed = "";
  const streamEnded = new Promise<void>((resolve) => {
    stream.req.on("response", (res) => {
      res.setEncoding("utf8");
      res.on("data", (d: string) => (streamed += d));
      res.on("end", () => resolve());
    });
  });
  await expect.poll(() => streamed.includes("event:"), { timeout: 30_000 }).toBe(true);

  // A change running: a schema registration whose registry is slow to answer.
  const subject = `${topic}-value`;
  const schema = JSON.stringify({ type: "record", name: "Drained", fields: [{ name: "id", type: "string" }] });
  armed = true;
  const change = fetch(`${BASE}/api/clusters/local/schemas/subjects/${encodeURIComponent(subject)}/versions`, {
    method: "POST",
    headers: { cookie, origin: BASE, "content-type": "application/json" },
    body: JSON.stringify({ schemaType: "AVRO", schema }),
  });
  await expect.poll(() => heldPosts, { timeout: 10_000 }).toBeGreaterThan(0);

  const signalledAt = Date.now();
  server.kill("SIGTERM");
  await expect.poll(() => output.includes("draining (1 change(s) running)"), { timeout: 5_000 }).toBe(true);

  // Not ready; no new stream; no new change.
  const ready = await fetch(`${BASE}/api/ready`);
  expect(ready.status).toBe(503);
  expect((await ready.json()).error.code).toBe("service_unavailable");
  const newStream = await fetch(`${BASE}/api/clusters/local/metrics/stream`, { headers: { cookie } });
  expect(newStream.status).toBe(503);
  const newChange = await fetch(`${BASE}/api/clusters/local/topics/${encodeURIComponent(topic)}/messages`, {
    method: "POST",
    headers: { cookie, origin: BASE, "content-type": "application/json" },
    body: JSON.stringify({ value: { format: "string", data: "refused while draining" } }),
  });
  expect(newChange.status).toBe(503);
  expect(newChange.headers.get("retry-after")).toBeTruthy();
  expect((await newChange.json()).error.message).toMatch(/restarting/);

  // The open stream was ended with a retry hint (the client reconnects elsewhere with its Last-Event-ID).
  await streamEnded;
  expect(streamed).toMatch(/retry: \d+\n: server restarting/);

  // The change that was running finishes: the schema is registered in the real registry.
  const done = await change;
  expect(done.status, await done.clone().text()).toBeLessThan(300);
  const registered = await fetch(`${process.env.TEST_REGISTRY}/subjects/${encodeURIComponent(subject)}/versions`);
  expect(await registered.json()).toEqual([1]);

  // Exits 0 within the bound, the lease given up for another replica to take at once.
  expect(await exited).toBe(0);
  expect(Date.now() - signalledAt).toBeLessThan(15_000);
  expect(output).toMatch(/stopped in \d+ ms/);
  expect(leases()).toEqual([]);
  expect(await kafka.topicEndOffset(topic)).toBe(0);
});
