import "server-only";
import { processState } from "@/server/process-state";
import { collectDefaultMetrics, Gauge, Registry } from "prom-client";
import { HEALTH_STATUSES } from "@/lib/schemas/groups";
import { getConfig } from "@/server/config";
import { prisma } from "@/server/db/prisma";
import { withDeadline } from "@/server/kafka/deadline";
import { getClusterSizes } from "@/server/kafka/log-dirs";
import { getTopicSnapshot } from "@/server/kafka/topic-snapshot";
import { storedHealth } from "./health-store";
import { allSamplers, type MetricsSampler } from "./sampler";

/**
 * The Prometheus text exposition of what Sluice already computes, per cluster: produce rate, records and size per
 * topic, lag in records and seconds per group (and per partition on the sampling replica), Burrow-style health as a
 * state gauge, partition and broker health counts, and the sampler's own figures. Group and partition lag use Kafka
 * Lag Exporter's metric and label names (`kafka_consumergroup_group_lag_seconds{cluster_name,group,topic,partition}`,
 * …), so its Grafana dashboards read them. Label cardinality is capped (config `prometheus.maxTopics`,
 * `maxGroups`, `maxPartitionsPerGroup`); what is left out is counted in `sluice_metrics_series_dropped`.
 * Values come from each cluster's last tick (no Kafka request per scrape) plus the cached topic and size snapshots.
 */
type State = { registry: Registry; collectors: Collector[] };
type Collector = (clusters: ClusterView[]) => Promise<void> | void;
type ClusterView = { id: string; name: string; sampler: MetricsSampler | null };

function build(): State {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "sluice_" });
  const collectors: Collector[] = [];
  const gauge = (name: string, help: string, labelNames: string[]) =>
    new Gauge({ name, help, labelNames, registers: [registry] });
  const caps = () => getConfig().prometheus;

  // Label sets (Kafka Lag Exporter's names for groups and partitions)
  const CLUSTER = ["cluster_name"];
  const TOPIC = [...CLUSTER, "topic"];
  const GROUP = [...CLUSTER, "group"];
  const PARTITION = [...GROUP, "topic", "partition"];
  const SAMPLER = ["cluster"];
  const up = gauge("sluice_cluster_up", "1 when the cluster's last metrics sample succeeded, else 0", CLUSTER);
  const ticks = gauge("sluice_sampler_ticks_total", "Samples this replica read from Kafka itself", SAMPLER);
  const failures = gauge(
    "sluice_sampler_failures_total",
    "Samples that failed (cluster unreachable, timeouts)",
    SAMPLER,
  );
  const tickSeconds = gauge(
    "sluice_sampler_tick_seconds",
    "Duration of the last sample read from Kafka (seconds)",
    SAMPLER,
  );
  const leader = gauge("sluice_sampler_leader", "1 when this replica holds the cluster's sampling lease", SAMPLER);
  const produce = gauge("sluice_cluster_produce_rate", "Records produced per second over the cluster", CLUSTER);
  const consume = gauge("sluice_cluster_consume_rate", "Records committed per second by the cluster's groups", CLUSTER);
  const topicRate = gauge("sluice_topic_produce_rate", "Records produced per second into a topic", TOPIC);
  const topicEnd = gauge("kafka_topic_latest_offset_sum", "Sum of a topic's partitions' end offsets", TOPIC);
  const topicRecords = gauge("sluice_topic_records", "Records a topic holds (end − start offsets)", TOPIC);
  const topicSize = gauge(
    "sluice_topic_size_bytes",
    "Size of one copy of a topic (largest replica per partition)",
    TOPIC,
  );
  const sumLag = gauge(
    "kafka_consumergroup_group_sum_lag",
    "Sum of a group's lag over its partitions (records)",
    GROUP,
  );
  const maxLagSeconds = gauge(
    "kafka_consumergroup_group_max_lag_seconds",
    "Estimated lag of a group's slowest partition (seconds)",
    GROUP,
  );
  const partLag = gauge("kafka_consumergroup_group_lag", "A group's lag on one partition (records)", PARTITION);
  const partLagSeconds = gauge(
    "kafka_consumergroup_group_lag_seconds",
    "A group's estimated lag on one partition (seconds)",
    PARTITION,
  );
  const health = gauge(
    "sluice_group_health",
    "A group's Burrow-style health: 1 for its current status, 0 for the others",
    ["cluster_name", "group", "status"],
  );
  const underReplicated = gauge(
    "sluice_partitions_under_replicated",
    "Partitions with fewer in-sync replicas than replicas",
    CLUSTER,
  );
  const offline = gauge("sluice_partitions_offline", "Partitions without a live leader", CLUSTER);
  const brokers = gauge("sluice_brokers", "Brokers the cluster's metadata lists as live", CLUSTER);
  const dropped = gauge(
    "sluice_metrics_series_dropped",
    "Topics or groups left out of this exposition by the cardinality caps",
    ["cluster_name", "kind"],
  );
  const alerts = gauge("sluice_alert_firing", "1 for each alert firing now (rule and subject)", [
    "cluster_name",
    "rule",
    "subject",
  ]);
  const all = [
    alerts,
    up,
    ticks,
    failures,
    tickSeconds,
    leader,
    produce,
    consume,
    topicRate,
    topicEnd,
    topicRecords,
    topicSize,
    sumLag,
    maxLagSeconds,
    partLag,
    partLagSeconds,
    health,
    underReplicated,
    offline,
    brokers,
    dropped,
  ];

  collectors.push(async (clusters) => {
    // A replica that does not sample reads the verdicts the sampling one stored.
    const stored = new Map(
      await Promise.all(
        clusters
          .filter((c) => c.sampler && !c.sampler.leader)
          .map(async (c) => [c.id, await storedHealth(c.id).catch(() => new Map())] as const),
      ),
    );
    for (const m of all) m.reset();
    const { maxTopics, maxGroups, maxPartitionsPerGroup } = caps();
    for (const c of clusters) {
      const s = c.sampler;
      if (!s) continue;
      ticks.set({ cluster: c.id }, s.sampledTicks);
      failures.set({ cluster: c.id }, s.failedTicks);
      tickSeconds.set({ cluster: c.id }, s.lastTickSeconds);
      leader.set({ cluster: c.id }, s.leader ? 1 : 0);
      const tick = s.history.at(-1);
      if (!tick) continue;
      up.set({ cluster_name: c.id }, tick.ok ? 1 : 0);
      if (!tick.ok) continue;
      if (tick.produceRate !== null) produce.set({ cluster_name: c.id }, tick.produceRate);
      if (tick.consumeRate !== null) consume.set({ cluster_name: c.id }, tick.consumeRate);
      const topics = [...tick.topics].sort((a, b) => b.end - a.end || a.topic.localeCompare(b.topic));
      for (const t of topics.slice(0, maxTopics)) {
        if (t.rate !== null) topicRate.set({ cluster_name: c.id, topic: t.topic }, t.rate);
        if (t.end) topicEnd.set({ cluster_name: c.id, topic: t.topic }, t.end);
      }
      dropped.set({ cluster_name: c.id, kind: "topic" }, Math.max(0, topics.length - maxTopics));
      const groups = [...tick.groups].sort((a, b) => b.lag - a.lag || a.groupId.localeCompare(b.groupId));
      for (const grp of groups.slice(0, maxGroups)) {
        const labels = { cluster_name: c.id, group: grp.groupId };
        sumLag.set(labels, grp.lag);
        if (grp.lagSeconds !== null && grp.lagSeconds !== undefined) maxLagSeconds.set(labels, grp.lagSeconds);
        const detail = s.leader ? s.groupDetail.get(grp.groupId) : stored.get(c.id)?.get(grp.groupId);
        if (detail) {
          for (const status of HEALTH_STATUSES) health.set({ ...labels, status }, status === detail.status ? 1 : 0);
        }
        for (const p of s.groupDetail.get(grp.groupId)?.partitions.slice(0, maxPartitionsPerGroup) ?? []) {
          const pl = { ...labels, topic: p.topic, partition: String(p.partition) };
          if (p.lag !== null) partLag.set(pl, p.lag);
          if (p.lagSeconds !== null) partLagSeconds.set(pl, p.lagSeconds);
        }
      }
      dropped.set({ cluster_name: c.id, kind: "group" }, Math.max(0, groups.length - maxGroups));
    }
  });

  collectors.push(async (clusters) => {
    const ids = clusters.map((c) => c.id);
    const firing = await prisma.alertState
      .findMany({
        where: { clusterId: { in: ids }, state: "firing" },
        take: 2_000,
        select: { clusterId: true, ruleId: true, subject: true },
      })
      .catch(() => []);
    const names = new Map(
      (
        await prisma.alertRule
          .findMany({
            where: { id: { in: [...new Set(firing.map((f) => f.ruleId))] } },
            select: { id: true, name: true },
          })
          .catch(() => [])
      ).map((r) => [r.id, r.name]),
    );
    for (const f of firing) {
      alerts.set({ cluster_name: f.clusterId, rule: names.get(f.ruleId) ?? f.ruleId, subject: f.subject }, 1);
    }
  });

  // Partition and broker health, records and sizes: from the cached snapshots (one batched refresh when stale).
  collectors.push(async (clusters) => {
    const { maxTopics } = caps();
    await Promise.all(
      clusters
        .filter((c) => c.sampler?.history.at(-1)?.ok)
        .map(async (c) => {
          const exported = new Set(
            [...(c.sampler!.history.at(-1) as { topics: { topic: string; end: number }[] }).topics]
              .sort((a, b) => b.end - a.end || a.topic.localeCompare(b.topic))
              .slice(0, maxTopics)
              .map((t) => t.topic),
          );
          const snap = await withDeadline(5_000, "Topic snapshot", () => getTopicSnapshot(c.id)).catch(() => null);
          if (snap) {
            let ur = 0;
            let off = 0;
            for (const t of snap.topics) {
              ur += t.underReplicated;
              off += t.offline;
              if (t.records !== null && exported.has(t.name)) {
                topicRecords.set({ cluster_name: c.id, topic: t.name }, t.records);
              }
            }
            underReplicated.set({ cluster_name: c.id }, ur);
            offline.set({ cluster_name: c.id }, off);
            brokers.set({ cluster_name: c.id }, snap.brokerIds.length);
          }
          const sizes = await getClusterSizes(c.id).catch(() => null);
          if (sizes?.available) {
            for (const [name, v] of sizes.value.topics) {
              if (exported.has(name)) topicSize.set({ cluster_name: c.id, topic: name }, v.sizeBytes);
            }
          }
        }),
    );
  });
  return { registry, collectors };
}

/** The exposition text and its content type, for every cluster whose sampler runs in this process. */
export async function renderMetrics(): Promise<{ body: string; contentType: string }> {
  const state = processState<State>("Prometheus", () => build());
  const running = new Map(allSamplers().map((s) => [s.clusterId, s]));
  const clusters = getConfig().clusters.map((c) => ({ id: c.id, name: c.name, sampler: running.get(c.id) ?? null }));
  for (const collect of state.collectors) await collect(clusters);
  return { body: await state.registry.metrics(), contentType: state.registry.contentType };
}
