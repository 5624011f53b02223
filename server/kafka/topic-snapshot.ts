import "server-only";
import { perCluster } from "@/server/process-state";
import { ConfigResourceTypes } from "kafkajs";
import { TOPIC_METADATA_FRESH_MS } from "@/lib/stale-times";
import { withAdmin } from "./registry";
import { fetchMetadata, type RawTopicMetadata } from "./metadata";
import { countRecords, fetchOffsetsByLeader } from "./offsets";

export type PartitionInfo = {
  partition: number;
  leader: number;
  replicas: number[];
  isr: number[];
  offlineReplicas: number[];
};
export type TopicInfo = {
  name: string;
  internal: boolean;
  partitions: PartitionInfo[];
  replicationFactor: number;
  underReplicated: number;
  offline: number;
  cleanupPolicy: string | null;
  retentionMs: number | null;
  records: number | null;
};
export type TopicSnapshot = { at: number; topics: TopicInfo[]; byName: Map<string, TopicInfo>; brokerIds: number[] };

const MAX_STALE_MS = 120_000;
const CONFIG_CHUNK = 1_000;

type State = { snapshot?: TopicSnapshot; refreshing?: Promise<TopicSnapshot> };
const states = perCluster<State>("TopicSnapshots");

export function toTopicInfo(t: RawTopicMetadata, liveBrokers: Set<number>): TopicInfo {
  const partitions = t.partitionMetadata
    .map((p) => ({
      partition: p.partitionId,
      leader: p.leader,
      replicas: p.replicas,
      isr: p.isr,
      offlineReplicas: p.offlineReplicas ?? [],
    }))
    .sort((a, b) => a.partition - b.partition);
  return {
    name: t.topic,
    internal: t.isInternal || t.topic.startsWith("__"),
    partitions,
    replicationFactor: partitions[0]?.replicas.length ?? 0,
    underReplicated: partitions.filter((p) => p.isr.length < p.replicas.length).length,
    offline: partitions.filter((p) => p.leader < 0 || !liveBrokers.has(p.leader)).length,
    cleanupPolicy: null,
    retentionMs: null,
    records: null,
  };
}

/** cleanup.policy and retention.ms of every topic, in a few DescribeConfigs requests. */
async function fetchListConfigs(
  clusterId: string,
  names: string[],
): Promise<Map<string, { cleanupPolicy: string | null; retentionMs: number | null }>> {
  const out = new Map<string, { cleanupPolicy: string | null; retentionMs: number | null }>();
  const chunks: string[][] = [];
  for (let i = 0; i < names.length; i += CONFIG_CHUNK) chunks.push(names.slice(i, i + CONFIG_CHUNK));
  await withAdmin(clusterId, async (admin) => {
    for (const chunk of chunks) {
      const res = await admin.describeConfigs({
        includeSynonyms: false,
        resources: chunk.map((name) => ({
          type: ConfigResourceTypes.TOPIC,
          name,
          configNames: ["cleanup.policy", "retention.ms"],
        })),
      });
      for (const r of res.resources) {
        const get = (k: string) => r.configEntries.find((e) => e.configName === k)?.configValue ?? null;
        const retention = get("retention.ms");
        out.set(r.resourceName, {
          cleanupPolicy: get("cleanup.policy"),
          retentionMs: retention === null ? null : Number(retention),
        });
      }
    }
  });
  return out;
}

async function build(clusterId: string): Promise<TopicSnapshot> {
  const metadata = await fetchMetadata(clusterId, []);
  const parts = metadata.topicMetadata.flatMap((t) =>
    t.partitionMetadata.map((p) => ({ topic: t.topic, partition: p.partitionId, leader: p.leader })),
  );
  // Offsets and configs are independent: read them side by side.
  const [offsets, configs] = await Promise.all([
    fetchOffsetsByLeader(clusterId, parts).catch(() => null),
    fetchListConfigs(
      clusterId,
      metadata.topicMetadata.map((t) => t.topic),
    ).catch(() => null),
  ]);
  const live = new Set(metadata.brokers.map((b) => b.nodeId));
  const topics = metadata.topicMetadata.map((t) => toTopicInfo(t, live));
  for (const t of topics) {
    const c = configs?.get(t.name);
    t.cleanupPolicy = c?.cleanupPolicy ?? null;
    t.retentionMs = c?.retentionMs ?? null;
    t.records = offsets ? countRecords(offsets.get(t.name), t.partitions.length) : null;
  }
  topics.sort((a, b) => a.name.localeCompare(b.name));
  return {
    at: Date.now(),
    topics,
    byName: new Map(topics.map((t) => [t.name, t])),
    brokerIds: [...live].sort((a, b) => a - b),
  };
}

function refresh(clusterId: string, state: State): Promise<TopicSnapshot> {
  if (!state.refreshing) {
    const p: Promise<TopicSnapshot> = build(clusterId)
      .then((s) => {
        if (state.refreshing === p) state.snapshot = s; // a refresh orphaned by invalidation never overwrites
        return s;
      })
      .finally(() => {
        if (state.refreshing === p) state.refreshing = undefined;
      });
    state.refreshing = p;
  }
  return state.refreshing;
}

/**
 * The cluster's topic metadata, cached and refreshed in the background: fresh for 10 s; up to 2 min old it is
 * served at once while a refresh runs; older (or none) waits for the refresh. One refresh at a time per cluster.
 */
export async function getTopicSnapshot(clusterId: string): Promise<TopicSnapshot> {
  let state = states.get(clusterId);
  if (!state) states.set(clusterId, (state = {}));
  const age = state.snapshot ? Date.now() - state.snapshot.at : Infinity;
  if (age < TOPIC_METADATA_FRESH_MS) return state.snapshot!;
  if (age < MAX_STALE_MS) {
    void refresh(clusterId, state).catch(() => {});
    return state.snapshot!;
  }
  return refresh(clusterId, state);
}

/** After a mutation: the next read waits for fresh metadata. */
export function invalidateTopicSnapshot(clusterId: string): void {
  const state = states.get(clusterId);
  if (!state) return;
  if (state.snapshot) state.snapshot = { ...state.snapshot, at: 0 };
  state.refreshing = undefined; // one started before the mutation may miss it
}
