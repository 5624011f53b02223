import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";

/** Starts `next start` with the given cluster file and returns its exit code and output once it exits. */
function startWithConfig(
  yaml: string,
  env: Record<string, string> = {},
): Promise<{ code: number | null; output: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sluice-bad-config-"));
  const file = path.join(dir, "broken.yaml");
  fs.writeFileSync(file, yaml);
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        "node_modules/next/dist/bin/next",
        "start",
        "-p",
        String(Number(process.env.E2E_PORT ?? 3100) + 99),
        "-H",
        "127.0.0.1",
      ],
      {
        env: { ...process.env, SLUICE_CONFIG: file, DATABASE_URL: "file:./.data/e2e.db", ...env },
      },
    );
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      fs.rmSync(dir, { recursive: true, force: true });
      resolve({ code, output });
    });
  });
}

test("Sluice refuses to start on an invalid cluster file, naming the file, cluster and key", async () => {
  const { code, output } = await startWithConfig(
    "clusters:\n  - id: prod\n    name: Production\n    bootstrapServers: 'kafka-1'\n",
  );
  expect(code).toBe(1);
  expect(output).toContain("Sluice cannot start: the cluster configuration is invalid.");
  expect(output).toMatch(/broken\.yaml: clusters\[0\] \(id "prod"\)\.bootstrapServers\.0: must be host:port/);
});

test("outside the demo, Sluice refuses to start with the demo's published admin password", async () => {
  const { code, output } = await startWithConfig(
    "clusters:\n  - id: prod\n    name: Production\n    bootstrapServers: 'kafka-1:9092'\n",
    { SLUICE_ADMIN_PASSWORD: "sluice-admin" },
  );
  expect(code).toBe(1);
  expect(output).toContain("Sluice cannot start: SLUICE_ADMIN_PASSWORD is the demo's published password");
});
