import "server-only";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Piscina } from "piscina";
import { getClusterConfigOrThrow } from "@/server/config";
import { ApiError } from "@/server/http/api-error";
import { processState } from "@/server/process-state";
import { decompressionCeiling } from "./codecs";
import type { PackedPartition } from "./scan-batch";
import type { ScanResult, ScanTask } from "./scan-worker";

/**
 * The scan workers: a pool of worker threads (piscina), one per core, that fetch, decompress and pre-filter the
 * records of a search or export (scan-worker.ts) so the main thread only decodes, masks, filters and writes the
 * candidates. The worker runs from `dist/scan-worker.mjs`, built from scan-worker.ts by dev/scan-worker.mjs
 * (`next build`, `next dev`, the integration tests' setup, bench:scan); without that file, or with
 * SLUICE_SCAN_THREADS=0, scans read on the main thread as before.
 */

export const SCAN_WORKER_FILE = "dist/scan-worker.mjs";

type PoolState = { pool: Piscina | null; threads: number; inFlight: number; warned?: boolean; threadsWarned?: boolean };

const state = processState<PoolState>("ScanPool", () => ({ pool: null, threads: 0, inFlight: 0 }));

function workerFile(): string | null {
  const file = process.env.SLUICE_SCAN_WORKER ?? path.join(process.cwd(), SCAN_WORKER_FILE);
  return fs.existsSync(file) ? file : null;
}

/** SLUICE_SCAN_THREADS as a whole number from 0 to 64; anything else is refused (warned once) for one per core. */
function configuredThreads(): number {
  const configured = process.env.SLUICE_SCAN_THREADS;
  if (configured === undefined) return os.availableParallelism();
  const n = Number(configured);
  if (/^\d+$/.test(configured.trim()) && n <= 64) return n;
  if (!state.threadsWarned) {
    state.threadsWarned = true;
    console.warn(`SLUICE_SCAN_THREADS="${configured}" is not a whole number from 0 to 64; using one thread per core.`);
  }
  return os.availableParallelism();
}

/** The pool, created on first use; null when scans read on the main thread. */
export function scanPool(): Piscina | null {
  if (state.pool) return state.pool;
  const threads = configuredThreads();
  const file = threads > 0 ? workerFile() : null;
  if (!file) {
    if (threads > 0 && !state.warned) {
      state.warned = true;
      console.warn(`Scan workers are off: ${SCAN_WORKER_FILE} was not built; scans read on the main thread.`);
    }
    return null;
  }
  state.threads = threads;
  state.pool = new Piscina({
    filename: file,
    minThreads: threads,
    maxThreads: threads,
    // A task is mostly a wait for the broker: a second one overlaps its request with the first one's decoding.
    concurrentTasksPerWorker: 2,
    // Workers hold Kafka connections: they must keep running their event loop between tasks.
    atomics: "disabled",
    idleTimeout: 60_000,
    // The bundle is plain JavaScript: no loader flags of the parent (a TypeScript loader in tests and benchmarks ran
    // every worker's code through its hooks, twice as slow).
    execArgv: [],
  });
  return state.pool;
}

/** Worker tasks not yet settled, and the pool's queue (tests: a cancelled scan leaves nothing running). */
export function scanPoolLoad(): { threads: number; inFlight: number; queued: number } {
  return { threads: state.pool ? state.threads : 0, inFlight: state.inFlight, queued: state.pool?.queueSize ?? 0 };
}

/** Closes the pool (shutdown, tests). */
export async function closeScanPool(): Promise<void> {
  const pool = state.pool;
  state.pool = null;
  if (pool) await pool.destroy().catch(() => {});
}

/** A round before it is split into tasks: the cluster by id, and leaders, positions and ends of every partition. */
export type ScanRoundInput = Omit<ScanTask, "cluster" | "ceiling" | "leaders" | "positions" | "ends"> & {
  clusterId: string;
  leaders: Map<number, number>;
  positions: Map<number, bigint>;
  ends: Map<number, bigint>;
};

/**
 * One round of a scan in the workers: the partitions split over the threads (partition i to group i mod threads),
 * one task per group, run in parallel. Resolves with every partition's packed candidates, or null when the scan
 * was cancelled meanwhile; a worker's failure rejects with the error the main-thread path would have thrown
 * (a broker error type for the retry of leader moves, else the ApiError the worker mapped it to).
 */
export async function scanRound(pool: Piscina, input: ScanRoundInput): Promise<Map<number, PackedPartition> | null> {
  const { clusterId, leaders, positions, ends, ...shared } = input;
  const cluster = getClusterConfigOrThrow(clusterId);
  const partitions = [...positions.keys()].sort((a, b) => a - b);
  const groups = Math.max(1, Math.min(state.threads || 1, partitions.length));
  const tasks: ScanTask[] = [];
  for (let g = 0; g < groups; g++) {
    const mine = partitions.filter((_, i) => i % groups === g);
    tasks.push({
      ...shared,
      cluster,
      ceiling: decompressionCeiling(),
      leaders: mine.map((p) => [p, leaders.get(p) ?? -1]),
      positions: mine.map((p) => [p, positions.get(p)!]),
      ends: mine.map((p) => [p, ends.get(p)!]),
    });
  }
  state.inFlight += tasks.length;
  let results: ScanResult[];
  try {
    results = await Promise.all(tasks.map((t) => pool.run(t) as Promise<ScanResult>));
  } finally {
    state.inFlight -= tasks.length;
  }
  const out = new Map<number, PackedPartition>();
  for (const r of results) {
    if (!r.ok) {
      if (r.cancelled) return null;
      const e = r.error;
      // A reading connection that stopped answering is an outage for the scan (as on the main thread).
      const code = e.apiCode === "upstream_timeout" ? "kafka_unavailable" : e.apiCode;
      throw Object.assign(new ApiError(code, e.apiMessage), e.type ? { type: e.type } : {});
    }
    for (const p of r.partitions) out.set(p.partition, p);
  }
  return out;
}
