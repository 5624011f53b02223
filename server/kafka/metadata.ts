import "server-only";
import { ResponseError, metadataV12, type Admin as ModernAdmin } from "@platformatic/kafka";

type MetadataResponse = metadataV12.MetadataResponse;
import { withModernAdmin } from "./registry";

/**
 * Cluster metadata through `@platformatic/kafka`'s public Metadata v12 API: every topic in one request, with the
 * flags Sluice shows (internal, offline replicas) that neither client's high-level metadata call exposes.
 */
export type PartitionMetadata = {
  partitionId: number;
  leader: number;
  replicas: number[];
  isr: number[];
  offlineReplicas: number[];
  partitionErrorCode: number;
};
export type TopicMetadata = {
  topic: string;
  isInternal: boolean;
  topicErrorCode: number;
  partitionMetadata: PartitionMetadata[];
};
/** kept for the modules that imported it under its old name */
export type RawTopicMetadata = TopicMetadata;
export type ClusterMetadata = {
  brokers: { nodeId: number; host: string; port: number; rack?: string | null }[];
  controllerId: number;
  clusterId: string;
  topicMetadata: TopicMetadata[];
};

function toMetadata(res: MetadataResponse): ClusterMetadata {
  return {
    brokers: res.brokers.map((b) => ({ nodeId: b.nodeId, host: b.host, port: b.port, rack: b.rack })),
    controllerId: res.controllerId,
    clusterId: res.clusterId ?? "",
    topicMetadata: res.topics.map((t) => ({
      topic: t.name ?? "",
      isInternal: t.isInternal,
      topicErrorCode: t.errorCode,
      partitionMetadata: t.partitions.map((p) => ({
        partitionId: p.partitionIndex,
        leader: p.leaderId,
        replicas: p.replicaNodes,
        isr: p.isrNodes,
        offlineReplicas: p.offlineReplicas,
        partitionErrorCode: p.errorCode,
      })),
    })),
  };
}

/** One Metadata request on any connected broker of the admin (all topics when `topics` is empty). */
export async function metadataOn(admin: ModernAdmin, topics: string[]): Promise<ClusterMetadata> {
  const connections = await admin.connectToBrokers(null);
  const connection = connections.values().next().value;
  if (!connection) {
    throw Object.assign(new Error("No broker of the cluster is reachable."), { code: "PLT_KFK_NETWORK" });
  }
  try {
    return toMetadata(await metadataV12.api.async(connection, topics.length ? topics : null, false, false));
  } catch (error) {
    // Per-topic errors (UNKNOWN_TOPIC_OR_PARTITION, LEADER_NOT_AVAILABLE) come back in the answer, as with kafkajs.
    if (error instanceof ResponseError && (error as { response?: unknown }).response) {
      return toMetadata((error as unknown as { response: MetadataResponse }).response);
    }
    throw error;
  }
}

/**
 * Brokers, controller and topics (all of them when `topics` is empty). A topic the cluster does not know comes
 * back with `topicErrorCode` 3 (UNKNOWN_TOPIC_OR_PARTITION) instead of failing the call.
 */
export function fetchMetadata(clusterId: string, topics: string[]): Promise<ClusterMetadata> {
  return withModernAdmin(clusterId, (admin) => metadataOn(admin, topics));
}
