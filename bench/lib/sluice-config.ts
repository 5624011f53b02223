import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { BOOTSTRAP } from "./cluster";

export const CLUSTER_ID = "bench";

/** A Sluice config naming only the bench cluster; sets SLUICE_CONFIG for this process and its children. */
export function writeBenchConfig(): string {
  const file = path.join(os.tmpdir(), `sluice-bench-topics-${process.pid}.yaml`);
  fs.writeFileSync(
    file,
    `clusters:\n  - id: ${CLUSTER_ID}\n    name: Bench (3 brokers)\n    bootstrapServers: [${BOOTSTRAP.join(", ")}]\n`,
  );
  process.env.SLUICE_CONFIG = file;
  process.on("exit", () => fs.rmSync(file, { force: true }));
  return file;
}

export const pageQuery = (q: string) => ({
  q,
  limit: 50,
  sort: "name" as const,
  dir: "asc" as const,
  regex: false,
  internal: false,
});
