import "server-only";
import { z } from "zod";

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
});

export const sluiceConfigSchema = z.strictObject({
  clusters: z.array(clusterConfigSchema).min(1, "needs at least one cluster"),
});

export type ClusterConfig = z.infer<typeof clusterConfigSchema>;
export type SluiceConfig = z.infer<typeof sluiceConfigSchema>;
