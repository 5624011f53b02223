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
    /** The broker KRaft Metadata names as controller: in KRaft a broker that forwards admin requests, not the quorum leader. */
    metadataControllerId: z.number().nullable(),
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
  isMetadataController: z.boolean(),
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
