import { readFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "../../test/infra";

/**
 * The two-replica profile: nginx (deploy/nginx.conf, ports and paths rewritten) on PROXY_PORT in front of two
 * standalone servers (dev/standalone.sh, the Dockerfile's layout and command) on the next two ports, sharing one
 * PostgreSQL database. Ports default to E2E_PORT + 100, + 101, + 102 (REPLICAS_PROXY_PORT overrides).
 */
export const PROXY_PORT = Number(process.env.REPLICAS_PROXY_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 100);
export const REPLICA_PORTS = [PROXY_PORT + 1, PROXY_PORT + 2] as const;
export const PROXY_URL = `http://127.0.0.1:${PROXY_PORT}`;
/** Everything the profile writes: the standalone copy, nginx's config, pid, logs and temp files, replica logs. */
export const RUN_DIR = path.join(ROOT, ".data/test/replicas-proxy");
/** The pids the profile started, one a line (dev/test.sh kills what is left if the run itself dies). */
export const PIDS_FILE = path.join(RUN_DIR, "pids");
/** The database of this profile, on the test stack's PostgreSQL (dropped and created afresh each run). */
export const DATABASE = "sluice_replicas";
/** One signing secret for both replicas: a session cookie from one is valid on the other. */
export const AUTH_SECRET = "replicas-proxy-e2e-secret-for-tests-only";

export type ReplicaState = { port: number; pid: number };
export type ProfileState = { databaseUrl: string; replicas: ReplicaState[]; nginxPid: number };
const STATE_FILE = path.join(RUN_DIR, "state.json");
export const stateFile = STATE_FILE;
export const readState = (): ProfileState => JSON.parse(readFileSync(STATE_FILE, "utf8"));
