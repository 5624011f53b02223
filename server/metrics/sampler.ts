import "server-only";
import { processState, perCluster } from "@/server/process-state";
import { assessGroup, partitionKey, recordGroupObservations } from "@/server/kafka/group-history";
import type { HealthStatus } from "@/lib/groups/health";
import { computeRates, type OffsetSample, type RateSample } from "@/lib/metrics/rates";
import { getClusterConfigOrThrow } from "@/server/config";
import { fetchCommittedOffsetsMany } from "@/server/kafka/group-reads";
import { fetchMetadata } from "@/server/kafka/metadata";
import { fetchOffsetsByLeader } from "@/server/kafka/offsets";
import { withAdmin } from "@/server/kafka/registry";
import { invalidateTopicSnapshot } from "@/server/kafka/topic-snapshot";
import { loadTicks, recordTick } from "./history";
import { acquireLease, releaseLease, REPLICA_ID } from "./lease";
import { restoreHealth, saveHealth } from "./health-store";
import { toApiError } from "@/server/kafka/errors";

/** A tick as the sampler keeps it: rates for every topic and group, or a failure (a gap in the charts). */
export type Tick = (RateSample & { ok: true }) | { t: number; ok: false; error: string };
export type TickEvent = { tick: Tick; topicsChanged: { added: string[]; removed: string[] } | null };
type Listener = (e: TickEvent) => void;
/** What the sampling replica knows of a group beyond the tick: its health verdict and per-partition lag. */
export type GroupDetail = {
  status: HealthStatus;
  rule: string;
  partitions: { topic: string; partition: number; lag: number | null; lagSeconds: number | null }[];
};

const HISTORY_MS = 60 * 60_000;

/**
 * One sampler per cluster, however many viewers: every interval it reads the end offsets of every partition
 * (one Metadata + ListOffsets batched per broker) and the committed offsets of every group (one OffsetFetch
 * per group, 8 in flight), turns two consecutive reads into rates and lag, and fans the tick out to its
 * subscribers. A tick still running when the next is due is skipped, never queued. The server starts every
 * cluster's sampler at start-up (`start()`, see always-on.ts), so history has no gaps whether anyone watches or not;
 * without that it starts with the first subscriber and stops with the last. The last hour stays in memory.
 */
export class MetricsSampler {
  private listeners = new Set<Listener>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private running = false;
  private prev: OffsetSample | null = null;
  private topicNames: Set<string> | null = null;
  readonly history: Tick[] = [];
  readonly intervalMs: number;
  skipped = 0;

  /** The last hour from the database (samples survive a restart), before the first live tick. */
  readonly loaded: Promise<void>;

  /** Whether this replica held the sampling lease at the last tick (followers replay the leader's samples). */
  leader = false;
  /** Ticks this instance read from Kafka itself (the rest came from the leader through the database). */
  sampledTicks = 0;

  constructor(
    readonly clusterId: string,
    readonly replicaId: string = REPLICA_ID,
    /** the cluster's `metrics.intervalMs` unless given (tests and benches that need another pace) */
    intervalMs?: number,
  ) {
    this.intervalMs = intervalMs ?? getClusterConfigOrThrow(clusterId).metrics.intervalMs;
    this.loaded = loadTicks(clusterId, "raw", Date.now() - HISTORY_MS)
      .then((stored) => {
        const first = this.history[0]?.t ?? Infinity;
        this.history.unshift(...stored.filter((t) => t.t < first));
      })
      .catch((error) => console.error(`[metrics] could not load the history of ${clusterId}:`, error));
  }

  /** Sampling whatever the viewers do (started at server start-up): the last viewer leaving does not stop it. */
  continuous = false;
  /** Called after every tick this instance sampled or replayed (alert evaluation, Prometheus figures). */
  readonly afterTick = new Set<(tick: Tick, sampled: boolean) => Promise<void> | void>();
  /** Duration (s) of the last tick read from Kafka, ticks read and failed: the sampler's own figures. */
  lastTickSeconds = 0;
  failedTicks = 0;
  /** Per group, from the last tick this replica read itself (health, per-partition lag); empty on followers. */
  groupDetail = new Map<string, GroupDetail>();
  private healthRestored = false;
  /** When this replica last read the cluster itself (the time its groupDetail describes). */
  private lastSampleAt = 0;
  private saving: Promise<unknown> | null = null;

  /** Starts sampling for good (independent of viewers), as the server does at start-up. */
  start(): void {
    this.continuous = true;
    this.ensureTimer();
  }

  /** Stops sampling and gives the lease up at once (shutdown), so another replica takes over without waiting. */
  async stop(): Promise<void> {
    this.continuous = false;
    this.stopTimer();
    await this.idle();
    if (this.leader && this.lastSampleAt) {
      // Every window as it stands, so the next leader (or this process restarted) continues without a gap.
      await saveHealth(this.clusterId, this.lastSampleAt, this.groupDetail, true).catch((error) =>
        console.error(`[metrics] could not store the group health of ${this.clusterId}:`, error),
      );
    }
    if (this.leader) await releaseLease(this.clusterId, this.replicaId).catch(() => {});
    this.leader = false;
  }

  private ensureTimer(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    this.timer.unref?.();
    void this.tick();
  }

  private stopTimer(): void {
    if (!this.timer) return;
    clearInterval(this.timer);
    this.timer = null;
    this.prev = null; // a later start must not compute a rate across the pause
  }

  /** Resolves once no tick is running. */
  async idle(): Promise<void> {
    while (this.running) await new Promise((r) => setTimeout(r, 20));
    await this.saving;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    this.ensureTimer();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0 && this.timer && !this.continuous) {
        this.stopTimer();
        if (this.leader) void releaseLease(this.clusterId, this.replicaId).catch(() => {});
        this.leader = false;
      }
    };
  }

  get subscribers(): number {
    return this.listeners.size;
  }

  private async read(): Promise<OffsetSample & { names: Set<string> }> {
    const t = Date.now();
    const { topicEnds, names, offsets } = await (async () => {
      const all = await fetchMetadata(this.clusterId, []);
      // Internal topics (__consumer_offsets, transaction state) are Kafka's bookkeeping, not produced traffic.
      const md = { ...all, topicMetadata: all.topicMetadata.filter((x) => !x.isInternal && !x.topic.startsWith("__")) };
      const parts = md.topicMetadata.flatMap((x) =>
        x.partitionMetadata.map((p) => ({ topic: x.topic, partition: p.partitionId, leader: p.leader })),
      );
      const offsets = await fetchOffsetsByLeader(this.clusterId, parts);
      const topicEnds = new Map<string, number>();
      for (const x of md.topicMetadata) {
        let sum = 0;
        for (const o of offsets.get(x.topic)?.values() ?? []) sum += Number(o.end);
        topicEnds.set(x.topic, sum);
      }
      return { topicEnds, names: new Set(md.topicMetadata.map((x) => x.topic)), offsets };
    })();
    const ids = await withAdmin(this.clusterId, async (admin) =>
      (await admin.listGroups()).groups
        .filter((x) => x.protocolType === "consumer" || x.protocolType === "")
        .map((x) => x.groupId),
    );
    const groups = new Map<string, { committed: number; lag: number; lagSeconds?: number | null }>();
    const commits: { groupId: string; committed: { topic: string; partition: number; offset: string }[] }[] = [];
    // Committed offsets of every group: OffsetFetch v8+ batches many groups per request (one per coordinator).
    // Groups whose offsets cannot be read (coordinators still loading after a restart) are left out of the tick.
    const results = await fetchCommittedOffsetsMany(this.clusterId, ids).catch(() => new Map<string, never>());
    for (const groupId of ids) {
      const r = results.get(groupId);
      const committed = r && "committed" in r ? r.committed : null;
      if (!committed || committed.length === 0) continue;
      let sum = 0;
      let lag = 0;
      for (const c of committed) {
        const off = Number(c.offset);
        sum += off;
        const end = offsets.get(c.topic)?.get(c.partition)?.end;
        if (end !== undefined) lag += Math.max(0, Number(end) - off);
      }
      groups.set(groupId, { committed: sum, lag });
      commits.push({ groupId, committed });
    }
    // Each tick's offsets feed the lag-in-seconds history; the chart gets the slowest partition's estimate.
    recordGroupObservations(this.clusterId, t, commits, offsets, false);
    const detail = new Map<string, GroupDetail>();
    for (const c of commits) {
      const a = assessGroup(this.clusterId, c.groupId, c.committed, new Set(), t);
      groups.get(c.groupId)!.lagSeconds = a.maxLagSeconds;
      const partitions = c.committed.map((x) => {
        const end = offsets.get(x.topic)?.get(x.partition)?.end;
        const pa = a.partitions.get(partitionKey(x.topic, x.partition));
        return {
          topic: x.topic,
          partition: x.partition,
          lag: end === undefined ? null : Math.max(0, Number(end) - Number(x.offset)),
          lagSeconds: pa?.lagSeconds ?? null,
        };
      });
      detail.set(c.groupId, { status: a.status, rule: a.rule, partitions });
    }
    this.groupDetail = detail;
    return { t, topicEnds, groups, names };
  }

  private async tick(): Promise<void> {
    if (this.running) {
      this.skipped++;
      return;
    }
    this.running = true;
    try {
      // One replica samples a cluster; the others replay its samples from the database.
      this.leader = await acquireLease(this.clusterId, this.replicaId, this.intervalMs * 3).catch(() => true);
      if (this.leader && !this.healthRestored) {
        // A restarted process or a new leader continues from the stored windows, not from an empty history.
        this.healthRestored = await restoreHealth(this.clusterId).then(
          () => true,
          (error) => {
            console.error(`[metrics] could not restore the group health of ${this.clusterId}:`, error);
            return false;
          },
        );
      }
      if (!this.leader) this.healthRestored = false;
      if (this.leader) await this.sampleAndPublish();
      else await this.replayFromDatabase();
    } finally {
      this.running = false;
    }
  }

  private async sampleAndPublish(): Promise<void> {
    let event: TickEvent;
    const started = performance.now();
    try {
      const sample = await this.read();
      this.sampledTicks++;
      this.lastSampleAt = sample.t;
      const rates = computeRates(this.prev, sample);
      this.prev = sample;
      event = { tick: { ...rates, ok: true }, topicsChanged: this.topicsChanged(sample.names) };
      // Stored off the tick's path (the database may be slower than the interval); a tick that finds the previous
      // save still running skips its own, and a status change is then written by the next one.
      if (!this.saving) {
        this.saving = saveHealth(this.clusterId, sample.t, this.groupDetail)
          .catch((error) => console.error(`[metrics] could not store the group health of ${this.clusterId}:`, error))
          .finally(() => (this.saving = null));
      }
    } catch (error) {
      this.prev = null; // no rate across an outage
      // Viewers get the mapped, user-facing sentence; the raw error stays in the server log.
      const safe = toApiError(error, this.clusterId);
      if (safe.code === "internal") console.error(`[metrics] sample of ${this.clusterId} failed:`, error);
      event = { tick: { t: Date.now(), ok: false, error: safe.message }, topicsChanged: null };
      this.failedTicks++;
    }
    this.lastTickSeconds = (performance.now() - started) / 1000;
    await recordTick(this.clusterId, event.tick).catch((error) =>
      console.error(`[metrics] could not store a sample of ${this.clusterId}:`, error),
    );
    this.publish(event);
    await this.runAfterTick(event.tick, true);
  }

  private async runAfterTick(tick: Tick, sampled: boolean): Promise<void> {
    for (const hook of this.afterTick) {
      try {
        await hook(tick, sampled);
      } catch (error) {
        console.error(`[metrics] after-tick work of ${this.clusterId} failed:`, error);
      }
    }
  }

  private async replayFromDatabase(): Promise<void> {
    this.prev = null;
    const since = (this.history.at(-1)?.t ?? Date.now() - this.intervalMs * 3) + 1;
    const ticks = await loadTicks(this.clusterId, "raw", since).catch(() => []);
    for (const tick of ticks) {
      const names = tick.ok ? new Set(tick.topics.map((x) => x.topic)) : null;
      this.publish({ tick, topicsChanged: names ? this.topicsChanged(names) : null });
      await this.runAfterTick(tick, false);
    }
  }

  private topicsChanged(names: Set<string>): TickEvent["topicsChanged"] {
    let changed: TickEvent["topicsChanged"] = null;
    if (this.topicNames) {
      const added = [...names].filter((n) => !this.topicNames!.has(n));
      const removed = [...this.topicNames].filter((n) => !names.has(n));
      if (added.length || removed.length) {
        changed = { added, removed };
        invalidateTopicSnapshot(this.clusterId); // the lists viewers are told to refetch must not come from the old cache
      }
    }
    this.topicNames = names;
    return changed;
  }

  private publish(event: TickEvent): void {
    this.history.push(event.tick);
    const cutoff = Date.now() - HISTORY_MS;
    while (this.history.length && this.history[0].t < cutoff) this.history.shift();
    for (const l of this.listeners) {
      try {
        l(event);
      } catch {
        /* one subscriber's failure never stops the others */
      }
    }
  }
}

const samplers: Map<string, MetricsSampler> = perCluster<MetricsSampler>("Samplers");

type AfterTick = (sampler: MetricsSampler, tick: Tick, sampled: boolean) => Promise<void> | void;
const afterTickHooks: Set<AfterTick> = processState<Set<AfterTick>>("AfterTick", () => new Set());

/** Work every sampler of this process does after each tick (alert evaluation), also for samplers made later. */
export function registerAfterTick(hook: AfterTick): void {
  if (afterTickHooks.has(hook)) return;
  afterTickHooks.add(hook);
  for (const s of samplers.values()) s.afterTick.add((tick, sampled) => hook(s, tick, sampled));
}

export function samplerFor(clusterId: string): MetricsSampler {
  let s = samplers.get(clusterId);
  if (!s) {
    const created = new MetricsSampler(clusterId);
    for (const hook of afterTickHooks) created.afterTick.add((tick, sampled) => hook(created, tick, sampled));
    samplers.set(clusterId, (s = created));
  }
  return s;
}

/** The samplers this process holds (Prometheus figures, shutdown). */
export function allSamplers(): MetricsSampler[] {
  return [...samplers.values()];
}
