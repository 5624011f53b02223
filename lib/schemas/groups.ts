import { z } from "zod";

export const GROUP_SORT_KEYS = [
  "groupId",
  "state",
  "members",
  "totalLag",
  "maxLagSeconds",
  "status",
  "topics",
] as const;
export const HEALTH_STATUSES = ["OK", "WARNING", "STALL", "STOP", "REWIND"] as const;
export const HealthStatusSchema = z.enum(HEALTH_STATUSES);

export const listGroupsQuerySchema = z.object({
  q: z.string().max(500).optional(),
  sort: z.enum(GROUP_SORT_KEYS).optional().default("totalLag"),
  dir: z.enum(["asc", "desc"]).optional().default("desc"),
  limit: z.coerce.number().int().min(1).max(1000).optional().default(200),
  /** rows to skip in the sorted list (the next page starts at the previous page's nextOffset) */
  offset: z.coerce.number().int().min(0).optional().default(0),
});

/** classic: JoinGroup/SyncGroup protocol; consumer: the KIP-848 protocol (`group.protocol=consumer`, Kafka 4.0+) */
export const GroupTypeSchema = z.string();

export const GroupListItemSchema = z.object({
  groupId: z.string(),
  type: GroupTypeSchema,
  state: z.string(),
  protocolType: z.string(),
  members: z.number(),
  topics: z.array(z.string()),
  /** Σ(end − committed) over committed partitions; null if end offsets could not be read */
  totalLag: z.number().nullable(),
  /** estimated: the largest lag in seconds over the group's partitions (null until end offsets were sampled) */
  maxLagSeconds: z.number().nullable(),
  /** Burrow-style verdict over the sliding window, and the rule that fired */
  status: HealthStatusSchema,
  statusRule: z.string(),
  error: z.string().nullable(),
});
export type GroupListItem = z.infer<typeof GroupListItemSchema>;
/** One page of the sorted list; nextOffset is null on the last page. */
export const GroupListSchema = z.object({
  items: z.array(GroupListItemSchema),
  total: z.number(),
  nextOffset: z.number().nullable(),
  ageMs: z.number(),
});

export const GroupMemberSchema = z.object({
  memberId: z.string(),
  clientId: z.string(),
  clientHost: z.string(),
  assignments: z.array(z.object({ topic: z.string(), partitions: z.array(z.number()) })),
  /** consumer-protocol members only (null for classic groups) */
  instanceId: z.string().nullable(),
  memberEpoch: z.number().nullable(),
  subscribedTopics: z.array(z.string()).nullable(),
  subscribedTopicRegex: z.string().nullable(),
  /** the assignment the coordinator is moving the member to; equal to `assignments` once reconciled */
  targetAssignments: z.array(z.object({ topic: z.string(), partitions: z.array(z.number()) })).nullable(),
});

export const GroupPartitionSchema = z.object({
  topic: z.string(),
  partition: z.number(),
  /** null: no committed offset for a partition the group is assigned */
  committedOffset: z.string().nullable(),
  endOffset: z.string().nullable(),
  lag: z.number().nullable(),
  memberId: z.string().nullable(),
  clientId: z.string().nullable(),
  /** estimated lag in seconds (interpolated over sampled end offsets); null until there is history */
  lagSeconds: z.number().nullable(),
  lagSecondsExtrapolated: z.boolean(),
  status: HealthStatusSchema.nullable(),
  statusRule: z.string().nullable(),
});
export type GroupPartition = z.infer<typeof GroupPartitionSchema>;

export const GroupDetailSchema = z.object({
  groupId: z.string(),
  type: GroupTypeSchema,
  state: z.string(),
  protocolType: z.string(),
  protocol: z.string(),
  /** consumer-protocol groups only */
  groupEpoch: z.number().nullable(),
  assignmentEpoch: z.number().nullable(),
  assignor: z.string().nullable(),
  members: z.array(GroupMemberSchema),
  partitions: z.array(GroupPartitionSchema),
  totalLag: z.number().nullable(),
  maxLagSeconds: z.number().nullable(),
  status: HealthStatusSchema,
  statusRule: z.string(),
  /** seconds until caught up at the recent consume and produce rates; null with the reason when not catching up */
  catchUpSeconds: z.number().nullable(),
  catchUpReason: z.string().nullable(),
});
export type GroupDetail = z.infer<typeof GroupDetailSchema>;

export const resetTargetSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("earliest") }),
  z.object({ type: z.literal("latest") }),
  z.object({
    type: z.literal("timestamp"),
    timestamp: z.number().int().min(0, "timestamp must be a time in ms since 1970"),
  }),
  // clamp: a target outside a partition's range moves to its nearest end instead of being refused
  z.object({
    type: z.literal("offset"),
    offset: z
      .union([z.string().regex(/^\d+$/, "offset must be a whole number"), z.number().int().min(0)])
      .transform(String),
    clamp: z.boolean().optional().default(false),
  }),
  z.object({
    type: z.literal("shift"),
    by: z
      .number()
      .int()
      .refine((n) => n !== 0, "shift by a non-zero number of records"),
    clamp: z.boolean().optional().default(false),
  }),
]);

export const resetOffsetsBodySchema = z.object({
  topics: z
    .array(z.object({ topic: z.string().min(1), partitions: z.array(z.number().int().min(0)).min(1).optional() }))
    .min(1, "choose at least one topic"),
  to: resetTargetSchema,
});
export type ResetOffsetsBody = z.input<typeof resetOffsetsBodySchema>;

export const ResetPreviewSchema = z.object({
  dryRun: z.boolean(),
  /** note: why the new offset is what it is when that is not obvious (no record at or after the timestamp, clamped) */
  partitions: z.array(
    z.object({
      topic: z.string(),
      partition: z.number(),
      current: z.string().nullable(),
      next: z.string(),
      lagAfter: z.number(),
      note: z.string().optional(),
    }),
  ),
});
export type ResetPreview = z.infer<typeof ResetPreviewSchema>;

export const LagSecondsSchema = z.object({
  groupId: z.string(),
  at: z.number(),
  maxLagSeconds: z.number().nullable(),
  partitions: z.array(
    z.object({
      topic: z.string(),
      partition: z.number(),
      committedOffset: z.string(),
      endOffset: z.string(),
      lagRecords: z.number(),
      lagSeconds: z.number().nullable(),
      note: z.string().optional(),
    }),
  ),
});

/** A share group (KIP-932): members and their assignments, and each share-partition's start offset. */
export const ShareGroupDetailSchema = z.object({
  groupId: z.string(),
  state: z.string(),
  groupEpoch: z.number(),
  assignmentEpoch: z.number(),
  assignor: z.string(),
  members: z.array(
    z.object({
      memberId: z.string(),
      rackId: z.string().nullable(),
      clientId: z.string(),
      clientHost: z.string(),
      memberEpoch: z.number(),
      subscribedTopics: z.array(z.string()),
      assignments: z.array(z.object({ topic: z.string(), partitions: z.array(z.number()) })),
    }),
  ),
  /** startOffset: the earliest in-flight record (later ones may already be delivered); lag: the broker's count of records not yet delivered and acknowledged (Kafka 4.2+, else null) */
  partitions: z.array(
    z.object({
      topic: z.string(),
      partition: z.number(),
      startOffset: z.string().nullable(),
      endOffset: z.string().nullable(),
      lag: z.number().nullable(),
      memberIds: z.array(z.string()),
      error: z.string().nullable(),
    }),
  ),
});
export type ShareGroupDetail = z.infer<typeof ShareGroupDetailSchema>;
/** supported false: the cluster has no share groups (reason says why); group is then null */
export const ShareGroupAnswerSchema = z.object({
  supported: z.boolean(),
  reason: z.string().nullable(),
  group: ShareGroupDetailSchema.nullable(),
});
export type ShareGroupAnswer = z.infer<typeof ShareGroupAnswerSchema>;

/** DELETE /consumer-groups/:id/offsets?topic=: the partitions whose committed offsets were deleted. */
export const DeletedGroupOffsetsSchema = z.object({
  groupId: z.string(),
  topic: z.string(),
  partitions: z.array(z.number()),
});
