import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { BOOTSTRAP } from "./cluster";

const ROOT = path.resolve(import.meta.dirname, "../..");

export const CLUSTER_ID = "bench";

/**
 * A Sluice config naming only the bench cluster; sets SLUICE_CONFIG for this process and its children. With
 * `samplingMs`, the cluster's sampler ticks at that interval and runs only when a bench starts it.
 */
export function writeBenchConfig(opts: { name?: string; samplingMs?: number } = {}): string {
  const file = path.join(os.tmpdir(), `sluice-bench-${process.pid}.yaml`);
  const metrics = opts.samplingMs ? `    metrics: { intervalMs: ${opts.samplingMs}, continuous: false }\n` : "";
  fs.writeFileSync(
    file,
    `clusters:\n  - id: ${CLUSTER_ID}\n    name: ${opts.name ?? "Bench (3 brokers)"}\n    bootstrapServers: [${BOOTSTRAP.join(", ")}]\n${metrics}`,
  );
  process.env.SLUICE_CONFIG = file;
  process.on("exit", () => fs.rmSync(file, { force: true }));
  return file;
}

/** The bench's own database (DATABASE_URL, default .data/bench.db), migrated, for benches that store ticks or state. */
export function migrateBenchDatabase(): void {
  process.env.DATABASE_URL ??= "file:./.data/bench.db";
  execFileSync("node", ["dev/migrate.mjs", "deploy"], { cwd: ROOT, stdio: "ignore", env: process.env });
}

export const pageQuery = (q: string) => ({
  q,
  limit: 50,
  sort: "name" as const,
  dir: "asc" as const,
  regex: false,
  internal: false,
});
