// Builds the shared stream worker: lib/sse/stream-worker.ts (the source of truth, with the SSE parser and the
// protocol types it imports) bundled into one classic script served at the stable URL /sluice-stream-worker.js
// (public/, generated, not committed: every replica serves the same name, whatever its build).
// next.config.js runs it on `next build` and `next dev`; bench/tail.ts serves streamWorkerScript() directly.
import fs from "node:fs";
import path from "node:path";
import { buildSync } from "esbuild";

const ROOT = path.resolve(import.meta.dirname, "..");
export const STREAM_WORKER_SOURCE = path.join(ROOT, "lib/sse/stream-worker.ts");
export const STREAM_WORKER_OUTPUT = path.join(ROOT, "public/sluice-stream-worker.js");

/** The worker as one script (an IIFE: a SharedWorker opened without `type: "module"`). */
export function streamWorkerScript() {
  const result = buildSync({
    entryPoints: [STREAM_WORKER_SOURCE],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2022",
    legalComments: "none",
    banner: { js: "/* Generated from lib/sse/stream-worker.ts by dev/stream-worker.mjs: do not edit. */" },
  });
  return result.outputFiles[0].text;
}

/** Writes public/sluice-stream-worker.js, only when it changed (a running server's file is not touched needlessly). */
export function writeStreamWorker() {
  const script = streamWorkerScript();
  const current = fs.existsSync(STREAM_WORKER_OUTPUT) ? fs.readFileSync(STREAM_WORKER_OUTPUT, "utf8") : null;
  if (current !== script) fs.writeFileSync(STREAM_WORKER_OUTPUT, script);
}
