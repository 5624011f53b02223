import "server-only";
import { perCluster } from "@/server/process-state";
import { describeQuorumV2, type Connection } from "@platformatic/kafka";
import type { ClusterTruth, QuorumReplica } from "@/lib/schemas/clusters";
import { apiSupport, type ApiSupport } from "./api-versions";
import { toApiError } from "./errors";
import { apiVersionsV3, type ApiVersionsFeaturesResponse } from "./protocol/api-versions-features";
import { withModernAdmin } from "./registry";

/**
 * What the cluster says about itself: each broker's Kafka release and the cluster's finalized features (ApiVersions
 * v3, KIP-584), and the KRaft metadata quorum — active controller, voters, observers and their lag (DescribeQuorum,
 * KIP-595/853). Replaces the Metadata response's "controller" (in KRaft a random broker that forwards admin
 * requests) and the "unknown" version.
 */

const API_VERSIONS = 18;
const DESCRIBE_QUORUM = 55;

/** metadata.version feature levels → the MetadataVersion they name (Kafka's MetadataVersion enum, 4.3.1). */
const METADATA_VERSIONS: Record<number, string> = {
  1: "3.0-IV1",
  2: "3.1-IV0",
  3: "3.2-IV0",
  4: "3.3-IV0",
  5: "3.3-IV1",
  6: "3.3-IV2",
  7: "3.3-IV3",
  8: "3.4-IV0",
  9: "3.5-IV0",
  10: "3.5-IV1",
  11: "3.5-IV2",
  12: "3.6-IV0",
  13: "3.6-IV1",
  14: "3.6-IV2",
  15: "3.7-IV0",
  16: "3.7-IV1",
  17: "3.7-IV2",
  18: "3.7-IV3",
  19: "3.7-IV4",
  20: "3.8-IV0",
  21: "3.9-IV0",
  22: "4.0-IV0",
  23: "4.0-IV1",
  24: "4.0-IV2",
  25: "4.0-IV3",
  26: "4.1-IV0",
  27: "4.1-IV1",
  28: "4.2-IV0",
  29: "4.2-IV1",
  30: "4.3-IV0",
};
const KNOWN_MAX_LEVEL = 30;

/** "4.3-IV0" for level 30; a level newer than this table is named as such. */
export function metadataVersionName(level: number): string {
  return METADATA_VERSIONS[level] ?? (level > KNOWN_MAX_LEVEL ? `newer than 4.3 (level ${level})` : `level ${level}`);
}

/**
 * The Kafka release ("4.3") a broker runs, from the highest metadata.version it supports: each release supports
 * up to its own latest production metadata.version. Kafka sends no patch version over the protocol.
 */
export function releaseOfSupportedLevel(maxLevel: number): string | null {
  const name = METADATA_VERSIONS[maxLevel];
  if (name) return name.slice(0, name.indexOf("-"));
  return maxLevel > KNOWN_MAX_LEVEL ? `> 4.3` : null;
}

const ms = (t: bigint) => (t < 0n ? null : new Date(Number(t)).toISOString());

/** Pure: DescribeQuorum's partition → the view's quorum, lag counted against the high watermark. */
export function toQuorum(p: {
  leaderId: number;
  leaderEpoch: number;
  highWatermark: bigint;
  currentVoters: {
    replicaId: number;
    logEndOffset: bigint;
    lastFetchTimestamp: bigint;
    lastCaughtUpTimestamp: bigint;
  }[];
  observers: { replicaId: number; logEndOffset: bigint; lastFetchTimestamp: bigint; lastCaughtUpTimestamp: bigint }[];
}): NonNullable<ClusterTruth["quorum"]> {
  const replica = (r: (typeof p.currentVoters)[number]): QuorumReplica => ({
    replicaId: r.replicaId,
    isLeader: r.replicaId === p.leaderId,
    logEndOffset: r.logEndOffset.toString(),
    lag: r.logEndOffset < 0n ? null : Math.max(0, Number(p.highWatermark - r.logEndOffset)),
    lastFetchAt: ms(r.lastFetchTimestamp),
    lastCaughtUpAt: ms(r.lastCaughtUpTimestamp),
  });
  const byId = (a: QuorumReplica, b: QuorumReplica) => a.replicaId - b.replicaId;
  return {
    leaderId: p.leaderId,
    leaderEpoch: p.leaderEpoch,
    highWatermark: p.highWatermark.toString(),
    voters: p.currentVoters.map(replica).sort(byId),
    observers: p.observers.map(replica).sort(byId),
  };
}

/** Why a part of the view is missing on this cluster, from its ApiVersions answer (null when supported). */
export function truthGaps(support: ApiSupport): { quorum: string | null; features: string | null } {
  return {
    quorum: support.supports(DESCRIBE_QUORUM, 2)
      ? null
      : support.supports(DESCRIBE_QUORUM)
        ? "The cluster's brokers answer DescribeQuorum only below version 2 (Kafka 3.8+ needed), so the KRaft quorum is not shown."
        : "The cluster's brokers do not support DescribeQuorum (a ZooKeeper-based cluster, or Kafka older than 3.3), so there is no KRaft quorum to show.",
    features: support.supports(API_VERSIONS, 3)
      ? null
      : "The cluster's brokers answer ApiVersions below version 3 (Kafka 2.4+ needed), so they report no features and no release.",
  };
}

function toFeatures(answers: ApiVersionsFeaturesResponse[]): ClusterTruth["features"] {
  const names = new Set<string>();
  for (const a of answers) for (const f of [...a.finalizedFeatures, ...a.supportedFeatures]) names.add(f.name);
  // Finalized levels are the cluster's (the newest epoch wins); supported ranges are what every broker accepts.
  const newest = answers.reduce<ApiVersionsFeaturesResponse | undefined>(
    (a, b) => (!a || b.finalizedFeaturesEpoch > a.finalizedFeaturesEpoch ? b : a),
    undefined,
  );
  return [...names].sort().map((name) => {
    const finalized = newest?.finalizedFeatures.find((f) => f.name === name);
    const supported = answers.map((a) => a.supportedFeatures.find((f) => f.name === name)).filter((f) => !!f);
    return {
      name,
      finalizedLevel: finalized ? finalized.maxVersionLevel : null,
      supportedMin: supported.length ? Math.max(...supported.map((f) => f.minVersion)) : null,
      supportedMax: supported.length ? Math.min(...supported.map((f) => f.maxVersion)) : null,
    };
  });
}

const CACHE_MS = 3_000;
const cache = perCluster<{ at: number; value: Promise<ClusterTruth> }>("Truth");

async function readTruth(clusterId: string): Promise<ClusterTruth> {
  const support = await apiSupport(clusterId);
  const gaps = truthGaps(support);
  return withModernAdmin(clusterId, async (admin) => {
    const metadata = await admin.metadata({ topics: [] });
    const ids = [...metadata.brokers.keys()].sort((a, b) => a - b);
    const connections: Map<number, Connection> = await admin.connectToBrokers(ids);
    const perBroker = gaps.features
      ? []
      : await Promise.all(
          ids.map(async (nodeId) => {
            const c = connections.get(nodeId);
            return c ? { nodeId, answer: await apiVersionsV3.async(c, "sluice", "1") } : null;
          }),
        ).then((all) => all.filter((x) => !!x));
    const answers = perBroker.map((b) => b.answer);
    const brokers = ids.map((nodeId) => {
      const mv = perBroker
        .find((b) => b.nodeId === nodeId)
        ?.answer.supportedFeatures.find((f) => f.name === "metadata.version");
      return {
        nodeId,
        release: mv ? releaseOfSupportedLevel(mv.maxVersion) : null,
        supportedMetadataVersion: mv ? metadataVersionName(mv.maxVersion) : null,
      };
    });
    const features = toFeatures(answers);
    const mvLevel = features.find((f) => f.name === "metadata.version")?.finalizedLevel ?? null;
    const releases = [...new Set(brokers.map((b) => b.release).filter((r): r is string => !!r))];

    let quorum: ClusterTruth["quorum"] = null;
    let quorumUnavailable = gaps.quorum;
    if (!gaps.quorum) {
      // Any broker forwards DescribeQuorum to the active controller.
      const c = connections.get(ids[0]);
      if (c) {
        try {
          const answer = await describeQuorumV2.api.async(c, [
            { topicName: "__cluster_metadata", partitions: [{ partitionIndex: 0 }] },
          ]);
          const p = answer.topics[0]?.partitions[0];
          if (p) quorum = toQuorum(p);
          else quorumUnavailable = "The cluster answered DescribeQuorum without the metadata partition.";
        } catch (error) {
          // e.g. CLUSTER_AUTHORIZATION_FAILED: the rest of the view still stands.
          quorumUnavailable = `The cluster refused DescribeQuorum: ${toApiError(error, clusterId).message}`;
        }
      }
    }
    return {
      kafkaVersion: releases.length ? releases.sort().join(" / ") : null,
      versionNote: releases.length
        ? "Release derived from the highest metadata.version each broker supports; Kafka does not report patch versions over the protocol."
        : (gaps.features ?? "The brokers did not report a metadata.version, so their release is unknown."),
      metadataVersion: mvLevel === null ? null : { level: mvLevel, name: metadataVersionName(mvLevel) },
      features,
      brokers,
      activeControllerId: quorum?.leaderId ?? null,
      quorum,
      unavailable: [
        ...(gaps.features ? [{ what: "Kafka version and features", why: gaps.features }] : []),
        ...(quorumUnavailable ? [{ what: "KRaft quorum", why: quorumUnavailable }] : []),
      ],
    };
  });
}

const lastKnown = perCluster<ClusterTruth>("TruthLast");

/** The cluster's version, features and quorum, read at most every few seconds (a failed read is not cached). */
export function clusterTruth(clusterId: string): Promise<ClusterTruth> {
  const hit = cache.get(clusterId);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.value;
  const value = readTruth(clusterId);
  cache.set(clusterId, { at: Date.now(), value });
  value.then(
    (truth) => lastKnown.set(clusterId, truth),
    () => {
      if (cache.get(clusterId)?.value === value) cache.delete(clusterId);
    },
  );
  return value;
}

/**
 * For views that only decorate with it (health cards, the brokers list): the truth if it comes within `budgetMs`,
 * else the last one read (or null), so a slow quorum read never delays or fails those views.
 */
export function clusterTruthWithin(clusterId: string, budgetMs: number): Promise<ClusterTruth | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<ClusterTruth | null>(
    (resolve) => (timer = setTimeout(() => resolve(lastKnown.get(clusterId) ?? null), budgetMs)),
  );
  const fresh = clusterTruth(clusterId).catch(() => lastKnown.get(clusterId) ?? null);
  return Promise.race([fresh, late]).finally(() => clearTimeout(timer));
}
