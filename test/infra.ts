import { execFileSync, spawnSync } from "node:child_process";
import path from "node:path";
import { TEST_STACK } from "./stack";

export const ROOT = path.resolve(import.meta.dirname, "..");
/** The test stack's broker (dev/test-stack.env), never the demo's. */
export const BOOTSTRAP = TEST_STACK.bootstrap;

/** Starts the local broker and registry unless they already run; returns a function stopping only what it started. */
export function ensureInfra(): () => void {
  const started: string[] = [];
  // The broker and registry are managed elsewhere (another checkout's dev scripts, or a shared rig).
  if (process.env.SLUICE_EXTERNAL_INFRA === "1") return () => {};
  for (const script of ["dev/kafka.sh", "dev/registry.sh"]) {
    const running = spawnSync("bash", [script, "status"], { cwd: ROOT, stdio: "ignore" }).status === 0;
    if (!running) {
      execFileSync("bash", [script, "start"], { cwd: ROOT, stdio: "inherit" });
      started.push(script);
    }
  }
  return () => {
    for (const script of started.reverse()) spawnSync("bash", [script, "stop"], { cwd: ROOT, stdio: "inherit" });
  };
}

/** Applies the committed migrations to the database in DATABASE_URL. */
export function migrate(): void {
  execFileSync("node", ["dev/migrate.mjs", "deploy"], { cwd: ROOT, stdio: "inherit", env: process.env });
}

/** What the broker itself reports, through kcat (librdkafka), independent of Sluice and kafkajs. */
export function kcatMetadata(bootstrap = BOOTSTRAP): {
  brokers: { id: number; name: string }[];
  topics: {
    topic: string;
    partitions: { partition: number; leader: number; replicas: unknown[]; isrs: unknown[] }[];
  }[];
  controllerid: number;
} {
  const out = execFileSync("kcat", ["-b", bootstrap, "-L", "-J"], { encoding: "utf8", timeout: 20_000 });
  return JSON.parse(out);
}

/**
 * Starts the test stack's Kafka Connect worker (dev/connect.sh) unless it runs; returns a function stopping it only if
 * this call started it. The Connect tests (and hostile-input) call it themselves, so other test files never pay for the worker's start.
 */
export function ensureConnect(): () => void {
  // Also with SLUICE_EXTERNAL_INFRA=1: the worker is this checkout's own, against the broker on KAFKA_PORT.
  if (spawnSync("bash", ["dev/connect.sh", "status"], { cwd: ROOT, stdio: "ignore" }).status === 0) return () => {};
  execFileSync("bash", ["dev/connect.sh", "start"], { cwd: ROOT, stdio: "inherit" });
  return () => {
    spawnSync("bash", ["dev/connect.sh", "stop"], { cwd: ROOT, stdio: "inherit" });
  };
}

let javaClasspath: string | undefined;
/** The classpath of the test's Java clients (kafka-clients 4.3.1, dev/java-clients): fetched and compiled on first use. */
export function javaClientsClasspath(): string {
  javaClasspath ??= execFileSync("bash", ["dev/java-clients.sh", "build"], {
    cwd: ROOT,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    timeout: 300_000,
  })
    .trim()
    .split("\n")
    .at(-1)!;
  return javaClasspath;
}
