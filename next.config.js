import { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_BUILD } from "next/constants.js";
import { writeScanWorker } from "./dev/scan-worker.mjs";
import { writeStreamWorker } from "./dev/stream-worker.mjs";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // A self-contained server in .next/standalone (server.js + the traced node_modules): what deploy/Dockerfile runs.
  output: "standalone",
  // Native and Node-only packages stay outside the server bundle.
  serverExternalPackages: [
    "better-sqlite3",
    "@prisma/adapter-better-sqlite3",
    "@prisma/adapter-pg",
    "pg",
    "kafkajs",
    "@platformatic/kafka",
    // starts its worker threads from its own files
    "piscina",
  ],
  poweredByHeader: false,
  reactStrictMode: true,
  // forbidden() and app/forbidden.tsx: pages refused by the permission check answer 403 (server/auth/page-access.ts).
  experimental: { authInterrupts: true },
};

/** @param {string} phase */
export default function config(phase) {
  // The shared stream worker is TypeScript (lib/sse/stream-worker.ts); public/sluice-stream-worker.js is built from it.
  // The scan worker (server/kafka/scan-worker.ts) runs as worker threads from dist/scan-worker.mjs, built from it.
  if (phase === PHASE_PRODUCTION_BUILD || phase === PHASE_DEVELOPMENT_SERVER) {
    writeStreamWorker();
    writeScanWorker();
  }
  return nextConfig;
}
