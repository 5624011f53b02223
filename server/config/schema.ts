import "server-only";
import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";

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

const regexString = (what: string) =>
  z.string().min(1).refine((s) => {
    try {
      new RegExp(s);
      return true;
    } catch {
      return false;
    }
  }, `${what} is not a valid regular expression`);

/**
 * A masking rule: on topics matching `topics`, replace JSON fields at `fields` paths and/or text matching `pattern`
 * in keys, values and headers, whatever decode format a viewer picks; what the rules cannot read is hidden whole.
 */
const maskingRuleSchema = z
  .strictObject({
    topics: regexString("topics"),
    /** Dotted JSON paths, `*` for any key or array element: "customer.email", "items.*.card". */
    fields: z.array(z.string().min(1)).default([]),
    /** Applied to the text of keys, values and headers (JavaScript regex syntax, applied with the g flag). */
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
    maxSessions: z.number().int().min(1).max(1000).default(20),
    /** false disables the JSON Lines export for this cluster. */
    allowExport: z.boolean().default(true),
    masking: z.array(maskingRuleSchema).default([]),
  })
  .default({ maxSessions: 20, allowExport: true, masking: [] });

const metricsSchema = z
  .strictObject({
    /** How often the cluster's sampler reads end and committed offsets while someone watches (ms). */
    intervalMs: z.number().int().min(500).max(300_000).default(5000),
  })
  .default({ intervalMs: 5000 });

export const clusterConfigSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "must be lowercase letters, digits and dashes (it appears in URLs)"),
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
});

export const sluiceConfigSchema = z.strictObject({
  clusters: z.array(clusterConfigSchema).min(1, "needs at least one cluster"),
});

export type MaskingRule = z.infer<typeof maskingRuleSchema>;
export type ClusterConfig = z.infer<typeof clusterConfigSchema>;
export type SluiceConfig = z.infer<typeof sluiceConfigSchema>;
