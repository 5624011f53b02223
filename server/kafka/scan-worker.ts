import "server-only";
import { Admin as ModernAdmin } from "@platformatic/kafka";
import { move, transferableSymbol, valueSymbol } from "piscina";
import type { ClusterConfig } from "@/server/config/schema";
import type { ErrorCode } from "@/lib/api/error-codes";
import type { StreamQuery } from "@/lib/schemas/messages";
import { exportLineSync, type ExportFormat } from "@/server/messages/export-line";
import { compileRawPrefilter, type RawPrefilter } from "@/server/messages/prefilter";
import { toPlatformaticOptions } from "./client-config";
import { registerPlatformaticCodecs, setDecompressionCeiling } from "./codecs";
import { kafkaErrorType, toApiError } from "./errors";
import { fetchRoundOn, type FetchOptions, type KafkaRecord } from "./fetch-round";
import { packPartition, transferablesOf, type PackedPartition } from "./scan-batch";

/**
 * A scan worker (a thread of the pool in scan-pool.ts): one Fetch round for a subset of a topic's partitions on
 * the worker's own Kafka client, decompressed here, then the raw-byte pre-filter and the time range applied, and
 * only the candidates handed to the main thread (scan-batch.ts), which decodes, masks, filters and writes them as
 * before; an unfiltered export's records are formatted here as its lines (export-line.ts), so the main thread only
 * appends their bytes. The worker keeps no scan state: the main thread sends positions, ends and leaders with every task, so
 * any worker can take any round, and a task is cancelled through a shared flag the worker checks before the
 * request and before packing.
 */

export type PrefilterQuery = Pick<StreamQuery, "q" | "regex" | "in" | "cel" | "keyFormat" | "valueFormat">;

export type ScanTask = {
  cluster: ClusterConfig;
  /** decompressionCeiling() of the main thread (the worker reads no configuration) */
  ceiling: number;
  topic: string;
  leaders: [number, number][];
  positions: [number, bigint][];
  /** the scan's end per partition: records at or past it are not part of it */
  ends: [number, bigint][];
  options: FetchOptions;
  from?: number;
  to?: number;
  /** null on masked topics and where a topic decoder shows other than the bytes */
  prefilter: PrefilterQuery | null;
  /** this many records of the task are passed without the pre-filter (the first of a search are tested in full) */
  fullTest: number;
  /** an unfiltered export on an unmasked topic: records are sent as formatted lines where no registry is needed */
  format: ExportFormat | null;
  /** Int32Array over a SharedArrayBuffer: non-zero once the scan is cancelled */
  cancel: Int32Array;
  /** tests only: fail the task with this message */
  failWith?: string;
};

export type ScanError = { message: string; type?: string; apiCode: ErrorCode; apiMessage: string };
export type ScanResult =
  | { ok: true; partitions: PackedPartition[] }
  | { ok: false; cancelled: true }
  | { ok: false; cancelled?: false; error: ScanError };

const clients = new Map<string, { key: string; admin: ModernAdmin }>();
const prefilters = new Map<string, RawPrefilter | null>();

function clientFor(cluster: ClusterConfig): ModernAdmin {
  const key = JSON.stringify(cluster);
  const held = clients.get(cluster.id);
  if (held && held.key === key && !held.admin.closed) return held.admin;
  if (held) void held.admin.close().catch(() => {});
  const admin = new ModernAdmin(toPlatformaticOptions(cluster));
  clients.set(cluster.id, { key, admin });
  return admin;
}

function prefilterFor(q: PrefilterQuery): RawPrefilter | null {
  const key = JSON.stringify(q);
  if (!prefilters.has(key)) {
    if (prefilters.size > 64) prefilters.clear();
    prefilters.set(key, compileRawPrefilter(q));
  }
  return prefilters.get(key)!;
}

export default async function scanRound(task: ScanTask): Promise<unknown> {
  if (Atomics.load(task.cancel, 0)) return { ok: false, cancelled: true } satisfies ScanResult;
  setDecompressionCeiling(task.ceiling);
  registerPlatformaticCodecs();
  const admin = clientFor(task.cluster);
  let partitions: PackedPartition[];
  try {
    if (task.failWith) throw new Error(task.failWith);
    const positions = new Map(task.positions);
    const fetched = await fetchRoundOn(admin, task.topic, new Map(task.leaders), positions, task.options);
    if (Atomics.load(task.cancel, 0)) return { ok: false, cancelled: true } satisfies ScanResult;
    const prefilter = task.prefilter ? prefilterFor(task.prefilter) : null;
    const ends = new Map(task.ends);
    const { from, to, format } = task;
    let seen = 0;
    const formatLine = format ? (r: KafkaRecord) => exportLineSync(r, format) : undefined;
    partitions = [...fetched].map(([partition, f]) =>
      packPartition(
        partition,
        f,
        ends.get(partition) ?? f.highWatermark,
        (r) => {
          if ((from !== undefined && r.timestamp < from) || (to !== undefined && r.timestamp > to)) return false;
          return !prefilter || seen++ < task.fullTest || prefilter(r);
        },
        formatLine,
      ),
    );
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    const apiError = toApiError(e, task.cluster.id);
    const apiCode = apiError.code;
    // A connection that failed is closed here; the next task connects a fresh client.
    if (apiCode === "kafka_unavailable" || apiCode === "upstream_timeout") {
      clients.delete(task.cluster.id);
      void admin.close().catch(() => {});
    }
    return {
      ok: false,
      error: { message: e.message, type: kafkaErrorType(e), apiCode, apiMessage: apiError.message },
    } satisfies ScanResult;
  }
  const result: ScanResult = { ok: true, partitions };
  const transfer = partitions.flatMap(transferablesOf);
  return move({ [transferableSymbol]: transfer, [valueSymbol]: result } as never);
}
