import { z } from "zod";

/** Kafka's ACL vocabulary (the names the broker and `kafka-acls.sh` use). */
export const ACL_RESOURCE_TYPES = [
  "TOPIC",
  "GROUP",
  "CLUSTER",
  "TRANSACTIONAL_ID",
  "DELEGATION_TOKEN",
  "USER",
] as const;
export const ACL_PATTERN_TYPES = ["LITERAL", "PREFIXED"] as const;
/** Filter pattern types: MATCH = every binding that applies to the named resource (literal, prefixed, wildcard). */
export const ACL_PATTERN_FILTERS = ["ANY", "LITERAL", "PREFIXED", "MATCH"] as const;
export const ACL_OPERATIONS = [
  "ALL",
  "READ",
  "WRITE",
  "CREATE",
  "DELETE",
  "ALTER",
  "DESCRIBE",
  "CLUSTER_ACTION",
  "DESCRIBE_CONFIGS",
  "ALTER_CONFIGS",
  "IDEMPOTENT_WRITE",
  "CREATE_TOKENS",
  "DESCRIBE_TOKENS",
] as const;
export const ACL_PERMISSIONS = ["ALLOW", "DENY"] as const;

export type AclResourceType = (typeof ACL_RESOURCE_TYPES)[number];
export type AclPatternType = (typeof ACL_PATTERN_TYPES)[number];
export type AclOperation = (typeof ACL_OPERATIONS)[number];
export type AclPermission = (typeof ACL_PERMISSIONS)[number];

const PRINCIPAL_RE = /^User:(\*|[^\s*]{1,255})$/;
export const principalSchema = z
  .string()
  .trim()
  .regex(PRINCIPAL_RE, "a principal is User:<name> (no spaces or '*'), or User:* for every user");
const hostSchema = z
  .string()
  .trim()
  .max(64)
  .regex(/^(\*|[0-9A-Fa-f.:]+)$/, "host is * or an IP address");
const resourceNameSchema = z.string().trim().min(1, "the resource name is empty").max(255);

/** One ACL binding (what createAcls writes). */
export const aclBindingSchema = z
  .strictObject({
    principal: principalSchema,
    host: hostSchema.default("*"),
    resourceType: z.enum(ACL_RESOURCE_TYPES),
    resourceName: resourceNameSchema,
    patternType: z.enum(ACL_PATTERN_TYPES).default("LITERAL"),
    operation: z.enum(ACL_OPERATIONS),
    permission: z.enum(ACL_PERMISSIONS).default("ALLOW"),
  })
  .refine((b) => b.resourceType !== "CLUSTER" || b.resourceName === "kafka-cluster", {
    path: ["resourceName"],
    message: 'the cluster resource is named "kafka-cluster"',
  })
  .refine((b) => !(b.patternType === "PREFIXED" && b.resourceName === "*"), {
    path: ["resourceName"],
    message: "a prefixed pattern cannot be '*'",
  });
export type AclBinding = z.output<typeof aclBindingSchema>;

/** Filters of GET/DELETE /acls (query parameters); a missing field matches anything. */
export const aclFilterSchema = z.strictObject({
  principal: principalSchema.optional(),
  host: hostSchema.optional(),
  resourceType: z.enum(["ANY", ...ACL_RESOURCE_TYPES]).default("ANY"),
  resourceName: resourceNameSchema.optional(),
  patternType: z.enum(ACL_PATTERN_FILTERS).default("ANY"),
  operation: z.enum(["ANY", ...ACL_OPERATIONS]).default("ANY"),
  permission: z.enum(["ANY", ...ACL_PERMISSIONS]).default("ANY"),
});
export type AclFilter = z.output<typeof aclFilterSchema>;

const boolParam = z.enum(["true", "false"]).transform((v) => v === "true");
export const aclDeleteQuerySchema = aclFilterSchema.extend({ dryRun: boolParam.optional().default(false) });
export const aclCreateQuerySchema = z.strictObject({ dryRun: boolParam.optional().default(false) });

/** A binding as the broker reports it (not re-validated as input: other tools may have written it). */
export const AclBindingDtoSchema = z.object({
  principal: z.string(),
  host: z.string(),
  resourceType: z.enum(ACL_RESOURCE_TYPES),
  resourceName: z.string(),
  patternType: z.enum(ACL_PATTERN_TYPES),
  operation: z.enum(ACL_OPERATIONS),
  permission: z.enum(ACL_PERMISSIONS),
});
export const AclListResponseSchema = z.object({ bindings: z.array(AclBindingDtoSchema), sluicePrincipal: z.string() });
export const AclCreateResponseSchema = z.object({
  binding: AclBindingDtoSchema,
  created: z.boolean(),
  dryRun: z.boolean(),
});
export const AclDeleteResponseSchema = z.object({
  bindings: z.array(AclBindingDtoSchema),
  deleted: z.boolean(),
  dryRun: z.boolean(),
});
export type AclListResponse = { bindings: AclBinding[]; sluicePrincipal: string };
export type AclCreateResponse = { binding: AclBinding; created: boolean; dryRun: boolean };
export type AclDeleteResponse = { bindings: AclBinding[]; deleted: boolean; dryRun: boolean };

// ---- SCRAM users ----------------------------------------------------------------------------------------------
export const SCRAM_MECHANISMS = ["SCRAM-SHA-256", "SCRAM-SHA-512"] as const;
export type ScramMechanism = (typeof SCRAM_MECHANISMS)[number];
/** Kafka refuses fewer than 4096 iterations and more than 16384. */
export const SCRAM_MIN_ITERATIONS = 4096;
export const SCRAM_MAX_ITERATIONS = 16384;
export const scramUserNameSchema = z
  .string()
  .trim()
  .min(1, "the user name is empty")
  .max(255)
  .regex(/^[A-Za-z0-9._@-]+$/, "a user name has letters, digits, '.', '_', '@' and '-' only");
export const scramUserBodySchema = z.strictObject({
  name: scramUserNameSchema,
  mechanism: z.enum(SCRAM_MECHANISMS).default("SCRAM-SHA-512"),
  /** Omitted: Sluice generates one and returns it once. */
  password: z.string().min(12, "a password has at least 12 characters").max(1024).optional(),
  iterations: z.number().int().min(SCRAM_MIN_ITERATIONS).max(SCRAM_MAX_ITERATIONS).default(8192),
});
export const scramRotateBodySchema = scramUserBodySchema.omit({ name: true });
export const scramUserParamsSchema = z.object({ clusterId: z.string().min(1), userName: scramUserNameSchema });
export const ScramUserSchema = z.object({
  name: z.string(),
  credentials: z.array(z.object({ mechanism: z.enum([...SCRAM_MECHANISMS, "UNKNOWN"]), iterations: z.number() })),
});
export type ScramUser = z.infer<typeof ScramUserSchema>;
export const ScramUserListSchema = z.object({ users: z.array(ScramUserSchema) });
/** The password is in the answer only when Sluice generated it, and only in this one answer. */
export const ScramUpsertResponseSchema = z.object({
  user: z.string(),
  mechanism: z.enum(SCRAM_MECHANISMS),
  iterations: z.number(),
  generatedPassword: z.string().optional(),
});
export type ScramUpsertResponse = z.infer<typeof ScramUpsertResponseSchema>;
export const ScramDeleteResponseSchema = z.object({ user: z.string(), deleted: z.array(z.string()) });

// ---- Client quotas --------------------------------------------------------------------------------------------
export const QUOTA_KEYS = [
  "producer_byte_rate",
  "consumer_byte_rate",
  "request_percentage",
  "connection_creation_rate",
] as const;
export type QuotaKey = (typeof QUOTA_KEYS)[number];
/** An entity part: a name, or null for the default entity of that type. */
export const quotaEntitySchema = z
  .strictObject({
    user: z.string().trim().min(1).max(255).nullable().optional(),
    clientId: z.string().trim().min(1).max(255).nullable().optional(),
  })
  .refine(
    (e) => e.user !== undefined || e.clientId !== undefined,
    "name a user, a client id, or both (null = the default)",
  );
export const quotaPutBodySchema = z.strictObject({
  entity: quotaEntitySchema,
  /** A number sets the quota, null removes it; keys left out are unchanged. */
  values: z.partialRecord(z.enum(QUOTA_KEYS), z.number().positive().max(1e15).nullable()),
});
export type QuotaEntity = { user?: string | null; clientId?: string | null };
export type QuotaEntry = { entity: QuotaEntity; values: Partial<Record<QuotaKey, number>> };
export const QuotaEntrySchema = z.object({
  entity: z.object({ user: z.string().nullable().optional(), clientId: z.string().nullable().optional() }),
  values: z.partialRecord(z.enum(QUOTA_KEYS), z.number()),
});
export const QuotaListSchema = z.object({ quotas: z.array(QuotaEntrySchema) });
