import "server-only";
import { perCluster } from "@/server/process-state";
import { UserError, type BrokerLogDirDescription } from "@platformatic/kafka";
import { getClusterConfigOrThrow } from "@/server/config";
import { ApiError } from "@/server/http/api-error";
import { apiSupport } from "./api-versions";
import { withDeadline } from "./deadline";
import { toApiError } from "./errors";
import { withModernAdmin } from "./registry";
import { getTopicSnapshot, type TopicSnapshot } from "./topic-snapshot";

/** DescribeLogDirs (API key 35); `@platformatic/kafka` 1.35.0 speaks v2–v4 (Kafka 2.6+), totals need v4 (Kafka 3.3+). */
export const DESCRIBE_LOG_DIRS = 35;
const MIN_VERSION = 2;

export type LogDir = {
  path: string;
  /** bytes of every replica stored in this directory */
  sizeBytes: number;
  /** the volume's capacity and free space; null when the broker does not report them (DescribeLogDirs < v4) */
  totalBytes: number | null;
  usableBytes: number | null;
};
export type BrokerLogDirs = { brokerId: number; logDirs: LogDir[] };
/** One replica of a partition on one broker. `future`: a copy being moved between the broker's log dirs. */
export type ReplicaSize = { brokerId: number; logDir: string; sizeBytes: number; offsetLag: number; future: boolean };

export type SizeSnapshot = {
  at: number;
  brokers: BrokerLogDirs[];
  /** topic → partition → its replicas */
  replicas: Map<string, Map<number, ReplicaSize[]>>;
  /** topic → size of one copy (each partition's largest current replica, summed) and bytes on disk (every replica) */
  topics: Map<string, { sizeBytes: number; diskBytes: number }>;
};

/** Either sizes, or why this cluster cannot give them (no 500 for a broker without the API). */
export type Sizes<T> = { available: true; value: T } | { available: false; reason: string };

const FRESH_MS = 5_000;
/** A snapshot up to this old is served at once while one refresh runs in the background. */
const MAX_STALE_MS = 60_000;
/** Snapshots kept to derive bytes per second from size growth. */
const RATE_WINDOW_MS = 60_000;
const MIN_RATE_SPAN_MS = 2_000;
const DEADLINE_MS = 10_000;
/** A cluster that does not answer ApiVersions within this is reported unreachable (503). */
const UNREACHABLE_MS = 5_000;

/** Pure: platformatic's per-broker answers (bigint) → numbers, per-partition replicas and per-topic totals. */
export function toSizeSnapshot(at: number, described: BrokerLogDirDescription[]): SizeSnapshot {
  const replicas = new Map<string, Map<number, ReplicaSize[]>>();
  const brokers: BrokerLogDirs[] = [];
  const bytes = (v: bigint) => (v < 0n ? null : Number(v));
  for (const b of described) {
    const logDirs: LogDir[] = [];
    for (const dir of b.results) {
      let sizeBytes = 0;
      for (const t of dir.topics) {
        let parts = replicas.get(t.name);
        if (!parts) replicas.set(t.name, (parts = new Map()));
        for (const p of t.partitions) {
          const size = Number(p.partitionSize);
          sizeBytes += size;
          const list = parts.get(p.partitionIndex) ?? [];
          list.push({
            brokerId: b.broker,
            logDir: dir.logDir,
            sizeBytes: size,
            offsetLag: Number(p.offsetLag),
            future: p.isFutureKey,
          });
          parts.set(p.partitionIndex, list);
        }
      }
      logDirs.push({
        path: dir.logDir,
        sizeBytes,
        totalBytes: bytes(dir.totalBytes),
        usableBytes: bytes(dir.usableBytes),
      });
    }
    brokers.push({ brokerId: b.broker, logDirs: logDirs.sort((x, y) => x.path.localeCompare(y.path)) });
  }
  const topics = new Map<string, { sizeBytes: number; diskBytes: number }>();
  for (const [name, parts] of replicas) {
    let sizeBytes = 0;
    let diskBytes = 0;
    for (const list of parts.values()) {
      sizeBytes += partitionSize(list) ?? 0;
      for (const r of list) diskBytes += r.sizeBytes;
    }
    topics.set(name, { sizeBytes, diskBytes });
  }
  return { at, brokers: brokers.sort((x, y) => x.brokerId - y.brokerId), replicas, topics };
}

/** A partition's size: its largest current replica (followers catching up are smaller; a future copy is not counted). */
export function partitionSize(list: ReplicaSize[] | undefined): number | null {
  let max: number | null = null;
  for (const r of list ?? []) if (!r.future && (max === null || r.sizeBytes > max)) max = r.sizeBytes;
  return max;
}

/**
 * Pure: bytes written per second between two snapshots, from size growth. A partition that shrank (retention
 * deleted a segment) or is new in one snapshot adds nothing, so the figure is a lower bound during deletions.
 * `topic` limits it to one topic. null when the snapshots are too close together.
 */
export function deriveBytesRate(older: SizeSnapshot, newer: SizeSnapshot, topic?: string): number | null {
  const span = newer.at - older.at;
  if (span < MIN_RATE_SPAN_MS) return null;
  let grown = 0;
  for (const [name, parts] of newer.replicas) {
    if (topic !== undefined && name !== topic) continue;
    const before = older.replicas.get(name);
    if (!before) continue;
    for (const [p, list] of parts) {
      const a = partitionSize(before.get(p));
      const b = partitionSize(list);
      if (a !== null && b !== null && b > a) grown += b - a;
    }
  }
  return grown / (span / 1000);
}

/** `builtFrom`: when the topic snapshot the sizes were read for was taken (a newer one may name new topics). */
type State = {
  snapshot?: SizeSnapshot;
  builtFrom?: number;
  refreshing?: Promise<SizeSnapshot>;
  history: SizeSnapshot[];
};
const states: Map<string, State> = perCluster<State>("SizeSnapshots");

/** Why sizes are not available on this cluster, from its ApiVersions answer; null when they are. */
async function unsupported(clusterId: string): Promise<string | null> {
  const support = await withDeadline(UNREACHABLE_MS, `Cluster "${getClusterConfigOrThrow(clusterId).name}"`, () =>
    apiSupport(clusterId),
  );
  if ((support.apis.get(DESCRIBE_LOG_DIRS)?.max ?? -1) >= MIN_VERSION) return null;
  return `The cluster's brokers do not support DescribeLogDirs v${MIN_VERSION}+ (needs Kafka 2.6 or later), so sizes on disk are not available.`;
}

/** The broker's refusal (e.g. not authorised to describe the cluster) as a reason; connection failures still throw. */
function refusal(error: unknown, clusterId: string): string {
  const e = toApiError(error, clusterId);
  if (e.code === "kafka_unavailable" || e.code === "upstream_timeout" || e.code === "not_found") throw e;
  return `The brokers refused DescribeLogDirs: ${e.message}`;
}

async function describe(
  clusterId: string,
  topics: { name: string; partitions: number[] }[],
): Promise<BrokerLogDirDescription[]> {
  if (topics.length === 0) return [];
  return withModernAdmin(clusterId, (admin) => admin.describeLogDirs({ topics }));
}

async function refresh(clusterId: string, state: State): Promise<SizeSnapshot> {
  const topics = await getTopicSnapshot(clusterId);
  const at = Date.now();
  const described = await describe(
    clusterId,
    topics.topics
      .filter((t) => t.partitions.length > 0)
      .map((t) => ({ name: t.name, partitions: t.partitions.map((p) => p.partition) })),
  );
  const snapshot = toSizeSnapshot(at, described);
  state.snapshot = snapshot;
  state.builtFrom = topics.at;
  state.history = [...state.history.filter((s) => at - s.at <= RATE_WINDOW_MS), snapshot];
  return snapshot;
}

/**
 * Sizes of every topic and each broker's log dirs: one DescribeLogDirs per broker for all topics, fresh for 5 s,
 * served up to a minute old while one background refresh runs; concurrent callers share one request.
 */
export async function getClusterSizes(clusterId: string, opts: { wait?: boolean } = {}): Promise<Sizes<SizeSnapshot>> {
  const why = await unsupported(clusterId);
  if (why) return { available: false, reason: why };
  let state = states.get(clusterId);
  if (!state) states.set(clusterId, (state = { history: [] }));
  const s = state;
  const age = s.snapshot ? Date.now() - s.snapshot.at : Infinity;
  if (age < FRESH_MS && !opts.wait) return { available: true, value: s.snapshot! };
  if (!s.refreshing) {
    s.refreshing = refresh(clusterId, s).finally(() => {
      s.refreshing = undefined;
    });
    s.refreshing.catch(() => {});
  }
  if (age < MAX_STALE_MS && !opts.wait) return { available: true, value: s.snapshot! };
  try {
    return { available: true, value: await withDeadline(DEADLINE_MS, "DescribeLogDirs", () => s.refreshing!) };
  } catch (error) {
    return { available: false, reason: refusal(error, clusterId) };
  }
}

/** Bytes written per second over the last minute of cached snapshots (cluster-wide, or one topic), derived from size growth. */
export function derivedBytesRate(clusterId: string, topic?: string): { bytesPerSec: number | null; windowMs: number } {
  const history = states.get(clusterId)?.history ?? [];
  const newer = history.at(-1);
  const older = history[0];
  if (!newer || !older || newer === older) return { bytesPerSec: null, windowMs: 0 };
  return { bytesPerSec: deriveBytesRate(older, newer, topic), windowMs: newer.at - older.at };
}

/** One topic's replicas read now (not cached): the topic page shows what was just written. */
export async function getTopicSizes(
  clusterId: string,
  topic: string,
): Promise<Sizes<{ at: number; partitions: Map<number, ReplicaSize[]> }>> {
  const why = await unsupported(clusterId);
  if (why) return { available: false, reason: why };
  try {
    return await withDeadline(DEADLINE_MS, "DescribeLogDirs", async () => {
      const missing = () =>
        new ApiError(
          "not_found",
          `Topic "${topic}" does not exist on cluster "${getClusterConfigOrThrow(clusterId).name}".`,
        );
      // platformatic answers an unknown topic with a UserError ("Unknown topic x."), not the broker's error code.
      const md = await withModernAdmin(clusterId, (admin) =>
        admin.metadata({ topics: [topic], forceUpdate: true }).catch((e) => {
          throw e instanceof UserError && /unknown topic/i.test(e.message) ? missing() : e;
        }),
      );
      const found = md.topics.get(topic);
      if (!found) throw missing();
      const count = found.partitionsCount;
      const at = Date.now();
      const snapshot = toSizeSnapshot(
        at,
        await describe(
          clusterId,
          count ? [{ name: topic, partitions: Array.from({ length: count }, (_, i) => i) }] : [],
        ),
      );
      return { available: true as const, value: { at, partitions: snapshot.replicas.get(topic) ?? new Map() } };
    });
  } catch (error) {
    return { available: false, reason: refusal(error, clusterId) };
  }
}

/** Forgets the cached sizes (tests, topic deletion). */
export function invalidateClusterSizes(clusterId: string): void {
  const s = states.get(clusterId);
  if (s) s.snapshot = undefined;
}

/** Each topic's size (one copy) for the topic list; never throws: a failure leaves the column empty with the reason. */
export async function topicSizeMap(
  clusterId: string,
  topics?: TopicSnapshot,
): Promise<{ sizes: Map<string, number> | null; reason: string | null }> {
  try {
    let s = await getClusterSizes(clusterId);
    // Topics that appeared since the sizes were read (created a moment ago): read again once, rather than show no
    // size for them until the next refresh. Sizes read for this topic snapshot or a later one are not re-read.
    const behind = topics && (states.get(clusterId)?.builtFrom ?? 0) < topics.at;
    const known = s.available ? s.value.topics : null;
    if (known && behind && topics.topics.some((t) => t.partitions.length > 0 && !known.has(t.name))) {
      const again = await getClusterSizes(clusterId, { wait: true }).catch(() => null);
      if (again?.available) s = again;
    }
    if (!s.available) return { sizes: null, reason: s.reason };
    return { sizes: new Map([...s.value.topics].map(([name, t]) => [name, t.sizeBytes])), reason: null };
  } catch (error) {
    return { sizes: null, reason: `Sizes could not be read: ${toApiError(error, clusterId).message}` };
  }
}
