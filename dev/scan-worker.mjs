// Builds the scan worker: server/kafka/scan-worker.ts (the source of truth) bundled with everything it imports
// into one ES module, dist/scan-worker.mjs (generated, not committed), which server/kafka/scan-pool.ts starts as
// worker threads. One file, importing only @platformatic/kafka and piscina from node_modules (the standalone server
// copies it beside its traced node_modules).
// next.config.js runs it on `next build` and `next dev`; the integration tests' setup and bench:scan run it too.
import fs from "node:fs";
import path from "node:path";
import { buildSync } from "esbuild";

const ROOT = path.resolve(import.meta.dirname, "..");
export const SCAN_WORKER_SOURCE = path.join(ROOT, "server/kafka/scan-worker.ts");
export const SCAN_WORKER_OUTPUT = path.join(ROOT, "dist/scan-worker.mjs");

/** The worker as one ES module (CommonJS dependencies get a require of their own). */
export function scanWorkerModule() {
  const result = buildSync({
    entryPoints: [SCAN_WORKER_SOURCE],
    bundle: true,
    write: false,
    format: "esm",
    platform: "node",
    target: "node20",
    // `server-only` is an empty module under this condition, as in Next's server bundle.
    conditions: ["react-server"],
    // Loaded from node_modules (the standalone server's traced copy): the Kafka client reads a .wasm file beside
    // its own module, and piscina's worker code must be the pool's own.
    external: ["@platformatic/kafka", "piscina"],
    legalComments: "none",
    banner: {
      js: [
        "/* Generated from server/kafka/scan-worker.ts by dev/scan-worker.mjs: do not edit. */",
        'import { createRequire as __sluiceCreateRequire } from "node:module";',
        "const require = __sluiceCreateRequire(import.meta.url);",
      ].join("\n"),
    },
  });
  return result.outputFiles[0].text;
}

/** Writes dist/scan-worker.mjs, only when it changed. */
export function writeScanWorker() {
  const code = scanWorkerModule();
  fs.mkdirSync(path.dirname(SCAN_WORKER_OUTPUT), { recursive: true });
  const current = fs.existsSync(SCAN_WORKER_OUTPUT) ? fs.readFileSync(SCAN_WORKER_OUTPUT, "utf8") : null;
  if (current !== code) fs.writeFileSync(SCAN_WORKER_OUTPUT, code);
}
