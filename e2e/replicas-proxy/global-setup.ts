import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { appendFileSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { E2E_ADMIN } from "../../playwright.config";
import { ensureInfra, ROOT } from "../../test/infra";
import { testStackEnv } from "../../test/stack";
import {
  AUTH_SECRET,
  DATABASE,
  PIDS_FILE,
  PROXY_PORT,
  PROXY_URL,
  REPLICA_PORTS,
  RUN_DIR,
  stateFile,
  type ProfileState,
} from "./stack";

const sh = (script: string, ...args: string[]) =>
  execFileSync("bash", [script, ...args], { cwd: ROOT, encoding: "utf8" }).trim();

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number, dead?: ChildProcess) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (dead && dead.exitCode !== null) {
      throw new Error(`${what}: the process exited (${dead.exitCode}); see ${RUN_DIR}`);
    }
    if (await check().catch(() => false)) return;
    if (Date.now() > until) throw new Error(`${what}: not ready after ${timeoutMs} ms; see the logs in ${RUN_DIR}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
const healthy = (port: number) => async () =>
  (await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(2000) })).ok;

/** A process of its own group (so teardown ends it and nothing it spawned), its output in the run directory. */
function start(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const log = openSync(path.join(RUN_DIR, `${name}.log`), "a");
  const child = spawn(command, args, { cwd: ROOT, env, detached: true, stdio: ["ignore", log, log] });
  appendFileSync(PIDS_FILE, `${child.pid}\n`);
  return child;
}

/** deploy/nginx.conf with this profile's ports and a run directory for pid, logs and temp files (no root needed). */
export function nginxConf(template: string): string {
  const edits: [RegExp, string][] = [
    [/^pid .*;$/m, `daemon off;\npid ${RUN_DIR}/nginx.pid;`],
    [/^error_log .*;$/m, `error_log ${RUN_DIR}/nginx-error.log warn;`],
    [
      /^(\s*)access_log \S+ (\w+);$/m,
      `$1access_log ${RUN_DIR}/nginx-access.log $2;\n${["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((t) => `$1${t}_temp_path ${RUN_DIR}/nginx-tmp/${t};`).join("\n")}`,
    ],
    [/server 127\.0\.0\.1:3001 /, `server 127.0.0.1:${REPLICA_PORTS[0]} `],
    [/server 127\.0\.0\.1:3002 /, `server 127.0.0.1:${REPLICA_PORTS[1]} `],
    [/listen 127\.0\.0\.1:8080;/, `listen 127.0.0.1:${PROXY_PORT};`],
  ];
  return edits.reduce((conf, [from, to]) => {
    if (!from.test(conf)) {
      throw new Error(
        `deploy/nginx.conf changed: ${from} no longer matches; update e2e/replicas-proxy/global-setup.ts`,
      );
    }
    return conf.replace(from, to);
  }, template);
}

export default async function globalSetup() {
  mkdirSync(path.join(RUN_DIR, "nginx-tmp"), { recursive: true });
  for (const log of ["replica-1.log", "replica-2.log", "nginx.log", "nginx-access.log", "nginx-error.log"]) {
    rmSync(path.join(RUN_DIR, log), { force: true });
  }
  writeFileSync(PIDS_FILE, "");
  const stopInfra = ensureInfra();
  const children: ChildProcess[] = [];
  const startedPg = spawnSync("bash", ["dev/postgres.sh", "status"], { cwd: ROOT, stdio: "ignore" }).status !== 0;
  if (startedPg) sh("dev/postgres.sh", "start");

  const teardown = async () => {
    // nginx, then the replicas (SIGTERM, SIGKILL after 10 s); the one the spec killed is skipped.
    for (const child of children.reverse()) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      const exited = new Promise((r) => child.once("exit", r));
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        continue;
      }
      const killer = setTimeout(() => {
        try {
          process.kill(-child.pid!, "SIGKILL");
        } catch {
          /* gone */
        }
      }, 10_000);
      await exited;
      clearTimeout(killer);
    }
    writeFileSync(PIDS_FILE, "");
    if (startedPg) spawnSync("bash", ["dev/postgres.sh", "stop"], { cwd: ROOT, stdio: "inherit" });
    stopInfra();
  };

  try {
    // A fresh database of its own on the test stack's PostgreSQL, migrated as the README says.
    const serverUrl = sh("dev/postgres.sh", "url");
    const at = (database: string) => Object.assign(new URL(serverUrl), { pathname: `/${database}` }).toString();
    const databaseUrl = at(DATABASE);
    const admin = new pg.Client({ connectionString: at("postgres") });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${DATABASE}`);
    await admin.end();
    execFileSync("node", ["dev/migrate.mjs", "deploy"], {
      cwd: ROOT,
      stdio: "inherit",
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });

    // The standalone build copied as the Dockerfile does, started with its command (dev/standalone.sh).
    const appDir = path.join(RUN_DIR, "app");
    execFileSync("bash", ["dev/standalone.sh", "prepare", appDir], { cwd: ROOT, stdio: "inherit" });
    const env = (port: number): NodeJS.ProcessEnv => ({
      PATH: process.env.PATH,
      NODE_ENV: "production",
      ...testStackEnv(),
      // As playwright.config.ts's webServer, on PostgreSQL, without single sign-on (no test provider here).
      SLUICE_CONFIG: process.env.REPLICAS_PROXY_CONFIG ?? path.join(ROOT, "test/sluice.test.yaml"),
      DATABASE_URL: databaseUrl,
      SLUICE_ADMIN_EMAIL: E2E_ADMIN.email,
      SLUICE_ADMIN_PASSWORD: E2E_ADMIN.password,
      SLUICE_REQUESTS_POLL_MS: "500",
      SLUICE_SAMPLING: "local",
      SLUICE_GROUP_REFRESH_MS: "1000",
      SLUICE_GROUP_SAMPLE_SPACING_MS: "500",
      SLUICE_AUTH_SECRET: AUTH_SECRET,
      // The browser comes through nginx; the replicas' own addresses are allowed for the health checks.
      SLUICE_PUBLIC_URL: PROXY_URL,
      SLUICE_ALLOWED_HOSTS: REPLICA_PORTS.map((p) => `127.0.0.1:${p}`).join(","),
      SLUICE_BIND: "127.0.0.1",
      PORT: String(port),
    });
    const replicas = [];
    // One after the other: the first takes the sampler lease, the second starts as a follower.
    for (const [i, port] of REPLICA_PORTS.entries()) {
      const child = start(`replica-${i + 1}`, "bash", ["dev/standalone.sh", "start", appDir], env(port));
      children.push(child);
      await waitFor(`replica on ${port}`, healthy(port), 90_000, child);
      replicas.push({ port, pid: child.pid! });
    }

    const confPath = path.join(RUN_DIR, "nginx.conf");
    writeFileSync(confPath, nginxConf(readFileSync(path.join(ROOT, "deploy/nginx.conf"), "utf8")));
    execFileSync("nginx", ["-t", "-q", "-c", confPath, "-p", `${RUN_DIR}/`, "-e", `${RUN_DIR}/nginx-error.log`], {
      stdio: "inherit",
    });
    const nginx = start(
      "nginx",
      "nginx",
      ["-c", confPath, "-p", `${RUN_DIR}/`, "-e", `${RUN_DIR}/nginx-error.log`],
      process.env,
    );
    children.push(nginx);
    await waitFor("nginx", healthy(PROXY_PORT), 15_000, nginx);

    const state: ProfileState = { databaseUrl, replicas, nginxPid: nginx.pid! };
    writeFileSync(stateFile, JSON.stringify(state, null, 2));
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
