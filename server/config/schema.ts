import "server-only";
import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";
import { regexError } from "@/lib/safe-regex";

const hostPort = z.string().regex(/^[^\s:,]+:\d{1,5}$/, "must be host:port, e.g. 127.0.0.1:9092");

const saslSchema = z.strictObject({
  mechanism: z.enum(["plain", "scram-sha-256", "scram-sha-512"]),
  username: z.string().min(1),
  password: z.string().min(1),
});

const tlsSchema = z.strictObject({
  enabled: z.boolean().default(true),
  caFile: z.string().min(1).optional(),
  certFile: z.string().min(1).optional(),
  keyFile: z.string().min(1).optional(),
  insecureSkipVerify: z.boolean().default(false),
});

const schemaRegistrySchema = z.strictObject({
  url: z.url(),
  username: z.string().min(1).optional(),
  password: z.string().min(1).optional(),
});

/** A Kafka Connect cluster (its REST API) that moves data in and out of this Kafka cluster. */
const connectSchema = z.strictObject({
  /** Appears in URLs (/connect/<name>/connectors): letters, digits, '.', '_' and '-'. */
  name: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/, "must be letters, digits, '.', '_' or '-' (it appears in URLs)"),
  url: z.url().refine((u) => /^https?:\/\//i.test(u), "must be an http(s) URL"),
  /** HTTP basic auth for the worker's REST API. */
  auth: z.strictObject({ username: z.string().min(1), password: z.string().min(1) }).optional(),
});

const regexString = (what: string) =>
  z
    .string()
    .min(1)
    .refine(
      (s) => regexError(s) === null,
      `${what} is not a valid RE2 regular expression (no lookarounds or backreferences)`,
    );

/**
 * A masking rule: on topics matching `topics`, replace JSON fields at `fields` paths and/or text matching `pattern`
 * in keys, values and headers, whatever decode format a viewer picks; what the rules cannot read is hidden whole.
 */
const maskingRuleSchema = z
  .strictObject({
    topics: regexString("topics"),
    /** Dotted JSON paths, `*` for any key or array element: "customer.email", "items.*.card". */
    fields: z.array(z.string().min(1)).default([]),
    /** Applied to the text of keys, values and headers (RE2 syntax, every match replaced). */
    pattern: regexString("pattern").optional(),
    replacement: z.string().default("****"),
    /** Roles on the cluster that may ask for this rule to be lifted (`unmasked=true`, audited); admins always may. */
    exemptRoles: z.array(z.enum(ROLES)).default([]),
    /** Teams (by name) whose members may ask for this rule to be lifted. */
    exemptTeams: z.array(z.string().min(1)).default([]),
  })
  .refine((r) => r.fields.length > 0 || r.pattern !== undefined, "a masking rule needs fields or a pattern");

const messagesSchema = z
  .strictObject({
    /** Concurrent message sessions (browse pages in flight, searches, live tails, exports) before 429. */
    maxSessions: z.number().int().min(1).max(1000).default(40),
    /** The same, per signed-in user on this cluster: one user cannot take every session. */
    maxSessionsPerUser: z.number().int().min(1).max(1000).default(20),
    /** Ceiling on one batch's decompressed size (gzip, snappy, lz4, zstd); past it the batch is a decode error. */
    maxDecompressedBytes: z
      .number()
      .int()
      .min(1024 * 1024)
      .max(1024 * 1024 * 1024)
      .default(64 * 1024 * 1024),
    /** false disables the JSON Lines export for this cluster. */
    allowExport: z.boolean().default(true),
    masking: z.array(maskingRuleSchema).default([]),
    /**
     * "all": every role on the cluster reads records of every topic. "owned": below admin, only of topics the
     * user's teams own or hold a provisioned access grant (with READ) for; other topics still show metadata.
     */
    readScope: z.enum(["all", "owned"]).default("all"),
  })
  .default({
    maxSessions: 40,
    maxSessionsPerUser: 20,
    maxDecompressedBytes: 64 * 1024 * 1024,
    allowExport: true,
    masking: [],
    readScope: "all",
  });

const metricsSchema = z
  .strictObject({
    /** How often the cluster's sampler reads end and committed offsets (ms). */
    intervalMs: z.number().int().min(500).max(300_000).default(5000),
    /** true: sample from server start whether anyone watches or not (history without gaps, alerts); false: only while viewed. */
    continuous: z.boolean().default(true),
  })
  .default({ intervalMs: 5000, continuous: true });

const accessSchema = z
  .strictObject({
    /** true: approvers on this cluster may also manage ACLs, SCRAM users and quotas (admins always may). */
    delegateToApprovers: z.boolean().default(false),
  })
  .default({ delegateToApprovers: false });

export const clusterConfigSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "must be lowercase letters, digits and dashes (it appears in URLs)"),
  name: z.string().min(1).max(100),
  bootstrapServers: z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : v.split(",")).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(hostPort).min(1, "needs at least one host:port")),
  readOnly: z.boolean().default(false),
  sasl: saslSchema.optional(),
  tls: tlsSchema.optional(),
  schemaRegistry: schemaRegistrySchema.optional(),
  messages: messagesSchema,
  metrics: metricsSchema,
  access: accessSchema,
  connect: z
    .array(connectSchema)
    .default([])
    .refine(
      (list) => new Set(list.map((c) => c.name)).size === list.length,
      "connect names must be unique within a cluster",
    ),
});

const limitsSchema = z
  .strictObject({
    /** Open server-sent-event connections per signed-in user (the page's one multiplexed stream counts once). */
    maxSseConnectionsPerUser: z.number().int().min(1).max(1000).default(10),
  })
  .default({ maxSseConnectionsPerUser: 10 });

const prometheusSchema = z
  .strictObject({
    /** Bearer token a scraper sends (`Authorization: Bearer …`) to read /api/metrics; without it only signed-in admins may. */
    token: z.string().min(16, "must be at least 16 characters").optional(),
    /** Label cardinality caps per cluster: topics (by end offset) and groups (by lag) beyond these are not exported. */
    maxTopics: z.number().int().min(0).max(100_000).default(500),
    maxGroups: z.number().int().min(0).max(100_000).default(500),
    /** Per-partition group lag series are exported for at most this many partitions per group. */
    maxPartitionsPerGroup: z.number().int().min(0).max(10_000).default(100),
  })
  .default({ maxTopics: 500, maxGroups: 500, maxPartitionsPerGroup: 100 });

const notificationsSchema = z
  .strictObject({
    /** SMTP server for alert e-mails (nodemailer). Without it, e-mail channels fail with a clear reason in the delivery log. */
    smtp: z
      .strictObject({
        host: z.string().min(1),
        port: z.coerce.number().int().min(1).max(65_535).default(587),
        /** true: TLS from the first byte (port 465); false: STARTTLS when the server offers it */
        secure: z.boolean().default(false),
        user: z.string().optional(),
        password: z.string().optional(),
        from: z.string().min(3),
      })
      .optional(),
  })
  .default({});

export const sluiceConfigSchema = z.strictObject({
  clusters: z.array(clusterConfigSchema).min(1, "needs at least one cluster"),
  limits: limitsSchema,
  prometheus: prometheusSchema,
  notifications: notificationsSchema,
});

export type ConnectClusterConfig = z.infer<typeof connectSchema>;
export type MaskingRule = z.infer<typeof maskingRuleSchema>;
export type ClusterConfig = z.infer<typeof clusterConfigSchema>;
export type SluiceConfig = z.infer<typeof sluiceConfigSchema>;
