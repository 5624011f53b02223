import { z } from "zod";

export const ClusterSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  bootstrapServers: z.array(z.string()),
  readOnly: z.boolean(),
  hasSchemaRegistry: z.boolean(),
  authentication: z.string(),
});
export type ClusterSummary = z.infer<typeof ClusterSummarySchema>;

export const ClusterStatusSchema = z.discriminatedUnion("status", [
  z.object({
    status: z.literal("online"),
    kafkaClusterId: z.string().nullable(),
    /** The active KRaft controller (DescribeQuorum's leader); null when the cluster has no KRaft quorum to ask. */
    activeControllerId: z.number().nullable(),
    /** The brokers' Kafka release ("4.3"), derived from the metadata.version they support; null when unknown. */
    kafkaVersion: z.string().nullable(),
    brokerCount: z.number(),
    topicCount: z.number(),
    internalTopicCount: z.number(),
    partitionCount: z.number(),
    underReplicatedPartitions: z.number(),
    offlinePartitions: z.number(),
    checkedAt: z.string(),
  }),
  z.object({ status: z.literal("unreachable"), code: z.string(), reason: z.string(), checkedAt: z.string() }),
]);
export type ClusterStatus = z.infer<typeof ClusterStatusSchema>;

export const ClusterOverviewSchema = ClusterSummarySchema.extend({ health: ClusterStatusSchema });
export type ClusterOverview = z.infer<typeof ClusterOverviewSchema>;
export const ClusterOverviewListSchema = z.object({ clusters: z.array(ClusterOverviewSchema) });

export const BrokerSchema = z.object({
  nodeId: z.number(),
  host: z.string(),
  port: z.number(),
  rack: z.string().nullable(),
  /** The broker's place in the KRaft quorum (DescribeQuorum): the active controller, a voter, an observer, or none. */
  quorumRole: z.enum(["active controller", "voter", "observer"]).nullable(),
  leaderPartitions: z.number(),
  replicaPartitions: z.number(),
});
export type Broker = z.infer<typeof BrokerSchema>;
export const BrokerListSchema = z.object({ brokers: z.array(BrokerSchema) });

export const ConfigEntrySchema = z.object({
  name: z.string(),
  value: z.string().nullable(),
  source: z.string(),
  isDefault: z.boolean(),
  isSensitive: z.boolean(),
  readOnly: z.boolean(),
});
export type ConfigEntry = z.infer<typeof ConfigEntrySchema>;
export const BrokerConfigsSchema = z.object({ brokerId: z.number(), configs: z.array(ConfigEntrySchema) });

export const QuorumReplicaSchema = z.object({
  replicaId: z.number(),
  isLeader: z.boolean(),
  logEndOffset: z.string(),
  /** records behind the quorum's high watermark */
  lag: z.number().nullable(),
  lastFetchAt: z.string().nullable(),
  lastCaughtUpAt: z.string().nullable(),
});
export type QuorumReplica = z.infer<typeof QuorumReplicaSchema>;

/** What the cluster says about itself: release, finalized features (ApiVersions v3) and the KRaft quorum (DescribeQuorum). */
export const ClusterTruthSchema = z.object({
  kafkaVersion: z.string().nullable(),
  versionNote: z.string(),
  metadataVersion: z.object({ level: z.number(), name: z.string() }).nullable(),
  features: z.array(
    z.object({
      name: z.string(),
      finalizedLevel: z.number().nullable(),
      supportedMin: z.number().nullable(),
      supportedMax: z.number().nullable(),
    }),
  ),
  brokers: z.array(
    z.object({ nodeId: z.number(), release: z.string().nullable(), supportedMetadataVersion: z.string().nullable() }),
  ),
  activeControllerId: z.number().nullable(),
  quorum: z
    .object({
      leaderId: z.number(),
      leaderEpoch: z.number(),
      highWatermark: z.string(),
      voters: z.array(QuorumReplicaSchema),
      observers: z.array(QuorumReplicaSchema),
    })
    .nullable(),
  /** parts of this view the cluster cannot provide, and why (from ApiVersions) */
  unavailable: z.array(z.object({ what: z.string(), why: z.string() })),
});
export type ClusterTruth = z.infer<typeof ClusterTruthSchema>;
