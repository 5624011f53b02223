import { regexError } from "../safe-regex";
import { z } from "zod";
import {
  principalSchema,
  QUOTA_KEYS,
  SCRAM_MECHANISMS,
  type AclBinding,
  type QuotaKey,
  type ScramMechanism,
} from "./access";
import { connectNameSchema, connectorConfigSchema, connectorNameSchema } from "./connect";
import { configValuesSchema, replicationFactorSchema, topicNameSchema } from "./topics";

/** Topic kinds (the team's own topics) and access kinds (principals, credentials, quotas; revoke undoes an access). */
export const TOPIC_REQUEST_KINDS = ["create", "alter-configs", "add-partitions", "delete"] as const;
export const ACCESS_REQUEST_KINDS = ["access", "credential", "quota"] as const;
export const REQUEST_KINDS = [...TOPIC_REQUEST_KINDS, ...ACCESS_REQUEST_KINDS, "connector", "revoke"] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];
export const isTopicKind = (k: string) => (TOPIC_REQUEST_KINDS as readonly string[]).includes(k);
export const REQUEST_STATUSES = ["PENDING", "APPROVED", "PROVISIONED", "FAILED", "REJECTED", "CANCELLED"] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

const justification = z.string().trim().min(10, "explain in at least 10 characters why the team needs this").max(2000);
const teamId = z.string().min(1, "choose the owning team");
const base = { topicName: topicNameSchema, teamId, justification };

/** What a grant may allow on a topic: read (consume), write (produce), describe (metadata only). */
export const GRANT_OPERATIONS = ["READ", "WRITE", "DESCRIBE"] as const;
export type GrantOperation = (typeof GRANT_OPERATIONS)[number];
/** A service principal in a request: User:<name>, never the wildcard. */
export const servicePrincipalSchema = principalSchema.refine(
  (p) => p !== "User:*",
  "name one principal; a request cannot grant to every user (User:*)",
);
const patternType = z.enum(["LITERAL", "PREFIXED"]).default("LITERAL");
const resourceName = z
  .string()
  .trim()
  .min(1, "name the topic or prefix")
  .max(249)
  .regex(/^[a-zA-Z0-9._-]+$/, "topic names and prefixes use letters, digits, '.', '_' and '-' only (no wildcard)");
const groupName = z
  .string()
  .trim()
  .min(1, "name the consumer group")
  .max(249)
  .regex(/^[a-zA-Z0-9._-]+$/, "group names here use letters, digits, '.', '_' and '-' only (no wildcard)");
const operations = z
  .array(z.enum(GRANT_OPERATIONS))
  .min(1, "choose at least one operation")
  .max(3)
  .transform((ops) => [...new Set(ops)]);
/** The access a new topic's request can carry: a principal of the team and what it may do on the topic. */
export const topicGrantSchema = z.strictObject({
  principal: servicePrincipalSchema,
  operations,
  group: z.strictObject({ name: groupName, patternType }).optional(),
});
export type TopicGrant = z.output<typeof topicGrantSchema>;

export const submitRequestBodySchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("create"),
    ...base,
    partitions: z
      .number({ error: "partitions must be a number" })
      .int()
      .min(1, "partitions must be at least 1")
      .max(100_000),
    replicationFactor: replicationFactorSchema,
    configs: configValuesSchema.optional().default({}),
    /** the access the team's services need on the new topic, provisioned with it */
    access: z.array(topicGrantSchema).max(10).optional(),
  }),
  z.object({
    kind: z.literal("alter-configs"),
    ...base,
    set: configValuesSchema.optional().default({}),
    reset: z.array(z.string().min(1)).max(100).optional().default([]),
  }),
  z.object({
    kind: z.literal("add-partitions"),
    ...base,
    partitions: z.number().int().min(2, "the new partition count must be at least 2").max(100_000),
  }),
  z.object({ kind: z.literal("delete"), ...base }),
  z.object({
    kind: z.literal("access"),
    teamId,
    justification,
    principal: servicePrincipalSchema,
    resource: z.strictObject({ name: resourceName, patternType }),
    operations,
    /** the consumer group the principal consumes as (READ on the group) */
    group: z.strictObject({ name: groupName, patternType }).optional(),
  }),
  z.object({
    kind: z.literal("credential"),
    teamId,
    justification,
    principal: servicePrincipalSchema,
    action: z.enum(["create", "rotate"]).default("create"),
    mechanism: z.enum(SCRAM_MECHANISMS).default("SCRAM-SHA-512"),
  }),
  z.object({
    kind: z.literal("quota"),
    teamId,
    justification,
    principal: servicePrincipalSchema,
    values: z
      .partialRecord(z.enum(QUOTA_KEYS), z.number().positive("a quota is a positive number").max(1e15))
      .refine((v) => Object.keys(v).length > 0, "set at least one quota value"),
  }),
  z.object({
    kind: z.literal("connector"),
    teamId,
    justification,
    /** the Kafka Connect cluster (by its configured name) */
    connectId: connectNameSchema,
    name: connectorNameSchema,
    config: connectorConfigSchema.refine((c) => !!c["connector.class"], {
      message: "connector.class is required",
      path: ["connector.class"],
    }),
  }),
]);
export type SubmitRequestBody = z.input<typeof submitRequestBodySchema>;
export type SubmitRequestInput = z.output<typeof submitRequestBodySchema>;
export type TopicRequestInput = Extract<SubmitRequestInput, { kind: (typeof TOPIC_REQUEST_KINDS)[number] }>;

/** What a request asks for, stored as JSON on the request. */
export type CreateSpec = {
  partitions: number;
  replicationFactor: number;
  configs: Record<string, string>;
  access?: TopicGrant[];
  bindings?: AclBinding[];
};
export type AccessSpec = {
  principal: string;
  resource: { name: string; patternType: "LITERAL" | "PREFIXED" };
  operations: GrantOperation[];
  group?: { name: string; patternType: "LITERAL" | "PREFIXED" };
  /** exactly the bindings provisioning creates (and a revoke removes) */
  bindings: AclBinding[];
};
export type CredentialSpec = { principal: string; action: "create" | "rotate"; mechanism: ScramMechanism };
export type QuotaSpec = { principal: string; values: Partial<Record<QuotaKey, number>> };
export type RevokeSpec = { revokes: string; bindings: AclBinding[] };
/** After provisioning, secret values are kept only by the worker: the stored config shows them as "[hidden]". */
export type ConnectorSpec = { connectId: string; name: string; config: Record<string, string> };
export type RequestSpec =
  | CreateSpec
  | { set: Record<string, string>; reset: string[] }
  | { partitions: number }
  | AccessSpec
  | CredentialSpec
  | QuotaSpec
  | RevokeSpec
  | ConnectorSpec
  | Record<string, never>;

export const decideRequestBodySchema = z
  .object({
    decision: z.enum(["approve", "reject"]),
    comment: z.string().trim().max(2000).optional().default(""),
  })
  .refine((b) => b.decision === "approve" || b.comment.length > 0, {
    message: "say why when rejecting",
    path: ["comment"],
  });

export const requestParamsSchema = z.object({ clusterId: z.string().min(1), requestId: z.string().min(1) });
export const listRequestsQuerySchema = z.object({
  status: z.enum(REQUEST_STATUSES).optional(),
  scope: z.enum(["all", "mine", "queue"]).optional().default("all"),
  topic: z.string().max(249).optional(),
  principal: z.string().max(260).optional(),
});

export const policyBodySchema = z
  .object({
    namePattern: z
      .string()
      .max(500)
      .nullish()
      .transform((v) => v || null),
    requireTeamPrefix: z.boolean(),
    minPartitions: z.number().int().min(1),
    maxPartitions: z.number().int().min(1).max(100_000),
    minReplication: z.number().int().min(1),
    maxReplication: z.number().int().min(1).max(32),
    minRetentionMs: z
      .string()
      .regex(/^\d+$/, "a whole number of milliseconds")
      .nullish()
      .transform((v) => v || null),
    maxRetentionMs: z
      .string()
      .regex(/^\d+$/, "a whole number of milliseconds")
      .nullish()
      .transform((v) => v || null),
    requiredConfigs: z.array(z.string().min(1)).max(50).default([]),
  })
  .refine((p) => p.minPartitions <= p.maxPartitions, {
    message: "the minimum partitions exceed the maximum",
    path: ["minPartitions"],
  })
  .refine((p) => p.minReplication <= p.maxReplication, {
    message: "the minimum replication exceeds the maximum",
    path: ["minReplication"],
  })
  .refine((p) => !p.minRetentionMs || !p.maxRetentionMs || BigInt(p.minRetentionMs) <= BigInt(p.maxRetentionMs), {
    message: "the minimum retention exceeds the maximum",
    path: ["minRetentionMs"],
  })
  .refine(
    (p) => {
      // RE2 syntax (no lookarounds or backreferences): the pattern never runs on a backtracking engine.
      return !p.namePattern || regexError(p.namePattern) === null;
    },
    { message: "the name pattern is not a valid RE2 regular expression", path: ["namePattern"] },
  );
export type Policy = z.output<typeof policyBodySchema>;

export type Violation = { path: string; issue: string };

/** missing/partitions/config: the topic; acl-missing/acl-extra: a grant's bindings; quota: a provisioned quota value. */
export const DriftItemSchema = z.object({
  kind: z.enum(["missing", "partitions", "config", "acl-missing", "acl-extra", "quota"]),
  name: z.string().optional(),
  expected: z.string().nullable(),
  actual: z.string().nullable(),
});
export type DriftItem = z.infer<typeof DriftItemSchema>;

const ref = z.object({ id: z.string(), name: z.string() });
export const TopicRequestDtoSchema = z.object({
  id: z.string(),
  clusterId: z.string(),
  kind: z.enum(REQUEST_KINDS),
  topicName: z.string(),
  team: ref,
  /** access, credential and quota requests: the service principal */
  principal: z.string().nullable(),
  /** who decides: the approvers of `decidingTeam`, or the cluster's admins when it is null */
  decidingTeam: ref.nullable(),
  revokesId: z.string().nullable(),
  revokedAt: z.string().nullable(),
  secretIssuedAt: z.string().nullable(),
  /** documented as an object; its shape depends on `kind` (RequestSpec) */
  spec: z.record(z.string(), z.unknown()) as unknown as z.ZodType<RequestSpec>,
  justification: z.string(),
  status: z.enum(REQUEST_STATUSES),
  requester: ref,
  decider: ref.nullable(),
  decisionComment: z.string().nullable(),
  decidedAt: z.string().nullable(),
  failureReason: z.string().nullable(),
  attempts: z.number(),
  provisionedAt: z.string().nullable(),
  drift: z.array(DriftItemSchema).nullable(),
  driftCheckedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** what the signed-in user may do with it now */
  can: z.object({
    approve: z.boolean(),
    reject: z.boolean(),
    cancel: z.boolean(),
    retry: z.boolean(),
    revoke: z.boolean(),
    collectSecret: z.boolean(),
    whyNot: z.string().optional(),
  }),
});
export type TopicRequestDto = z.infer<typeof TopicRequestDtoSchema>;
export const TopicRequestListSchema = z.object({ requests: z.array(TopicRequestDtoSchema) });

/** A team's service principal on a cluster. */
export const ServicePrincipalDtoSchema = z.object({
  id: z.string(),
  clusterId: z.string(),
  principal: z.string(),
  team: ref,
  description: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type ServicePrincipalDto = z.infer<typeof ServicePrincipalDtoSchema>;
export const ServicePrincipalListSchema = z.object({ principals: z.array(ServicePrincipalDtoSchema) });
export const principalBodySchema = z.strictObject({
  principal: servicePrincipalSchema,
  teamId: z.string().min(1, "choose the owning team"),
  description: z.string().trim().max(500).optional().default(""),
});
export const principalParamsSchema = z.object({ clusterId: z.string().min(1), principalId: z.string().min(1).max(64) });
export const revokeBodySchema = z.strictObject({
  comment: z.string().trim().min(3, "say why the access is revoked").max(2000),
});
/** The one answer that carries a credential request's password. */
export const CollectedSecretSchema = z.object({
  user: z.string(),
  mechanism: z.enum(SCRAM_MECHANISMS),
  password: z.string(),
});
export type CollectedSecret = z.infer<typeof CollectedSecretSchema>;

/** The dry run of a submission: the policy's verdict and exactly what provisioning would do. */
export const RequestPreviewSchema = z.object({
  violations: z.array(z.object({ path: z.string(), issue: z.string() })),
  /** human-readable lines: what will be created or changed */
  plan: z.array(z.string()),
  /** effective configs of a new topic (override or broker default) */
  configs: z
    .array(z.object({ name: z.string(), value: z.string().nullable(), source: z.enum(["override", "default"]) }))
    .optional(),
  warnings: z.array(z.string()),
  /** a pending request or an existing resource this one would collide with */
  conflict: z.string().optional(),
});
export type RequestPreview = Omit<z.infer<typeof RequestPreviewSchema>, "conflict">;
/** GET/PUT /policy: the cluster's request policy and who changed it last. */
export const PolicyDtoSchema = z.object({
  namePattern: z.string().nullable(),
  requireTeamPrefix: z.boolean(),
  minPartitions: z.number(),
  maxPartitions: z.number(),
  minReplication: z.number(),
  maxReplication: z.number(),
  minRetentionMs: z.string().nullable(),
  maxRetentionMs: z.string().nullable(),
  requiredConfigs: z.array(z.string()),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
/** POST /requests/drift: how many provisioned requests were compared, and which differ. */
export const DriftCheckSchema = z.object({
  checked: z.number(),
  drifted: z.array(z.object({ topic: z.string(), requestId: z.string() })),
});
