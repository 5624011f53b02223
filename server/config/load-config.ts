import "server-only";
import fs from "node:fs";
import path from "node:path";
import { parse as parseYaml, YAMLParseError } from "yaml";
import { sluiceConfigSchema, type SluiceConfig } from "./schema";

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

type Env = Record<string, string | undefined>;

/**
 * The clusters Sluice uses when nothing is configured: the local broker and registry from `npm run demo`, and a
 * read-only view of the same broker, so roles per cluster can be tried.
 */
export const EMBEDDED_DEFAULT = {
  clusters: [
    {
      id: "local",
      name: "Local",
      bootstrapServers: "127.0.0.1:19092",
      schemaRegistry: { url: "http://127.0.0.1:18081/apis/ccompat/v7" },
      // The demo's payments carry card numbers: masked in every view (admins may ask for them, audited).
      // Below admin, records are readable only on topics a user's teams own or were granted (team self-service).
      messages: { masking: [{ topics: "shop\\.payments", fields: ["card.number"] }], readScope: "owned" },
      // The demo's Kafka Connect worker (dev/connect.sh).
      connect: [{ name: "local", url: "http://127.0.0.1:18083" }],
    },
    {
      id: "local-readonly",
      name: "Local (read-only)",
      bootstrapServers: "127.0.0.1:19092",
      readOnly: true,
    },
  ],
};

/** Replaces `${NAME}` in string values with the environment variable, so secrets can stay out of the file. */
function interpolate(value: unknown, env: Env, at: string, file: string): unknown {
  if (typeof value === "string") {
    return value.replace(/\$\{([A-Z0-9_]+)\}/gi, (_, name: string) => {
      const v = env[name];
      if (v === undefined) {
        throw new ConfigError(`${file}: ${at} refers to \${${name}}, but that environment variable is not set.`);
      }
      return v;
    });
  }
  if (Array.isArray(value)) return value.map((v, i) => interpolate(v, env, `${at}.${i}`, file));
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, interpolate(v, env, at ? `${at}.${k}` : k, file)]),
    );
  }
  return value;
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 63) || "cluster";

/** kafka-ui's KAFKA_CLUSTERS_<n>_KAFKACONNECT_<m>_NAME, _ADDRESS, _USERNAME, _PASSWORD: the cluster's Connect clusters. */
function connectFromKafkaUiEnv(env: Env, n: number): Record<string, unknown>[] {
  const indexes = new Set<number>();
  for (const key of Object.keys(env)) {
    const m = new RegExp(`^KAFKA_CLUSTERS_${n}_KAFKACONNECT_(\\d+)_`).exec(key);
    if (m) indexes.add(Number(m[1]));
  }
  return [...indexes]
    .sort((a, b) => a - b)
    .map((m) => {
      const get = (k: string) => env[`KAFKA_CLUSTERS_${n}_KAFKACONNECT_${m}_${k}`];
      const username = get("USERNAME");
      const password = get("PASSWORD");
      return {
        name: get("NAME") ?? `connect-${m}`,
        url: get("ADDRESS") ?? "",
        ...(username || password ? { auth: { username, password } } : {}),
      };
    });
}

/**
 * kafka-ui's environment form: KAFKA_CLUSTERS_<n>_NAME, _BOOTSTRAPSERVERS, _SCHEMAREGISTRY, _READONLY (+ registry
 * auth) and _KAFKACONNECT_<m>_* (Connect clusters).
 */
export function clustersFromKafkaUiEnv(env: Env): Record<string, unknown>[] {
  const indexes = new Set<number>();
  for (const key of Object.keys(env)) {
    const m = /^KAFKA_CLUSTERS_(\d+)_/.exec(key);
    if (m) indexes.add(Number(m[1]));
  }
  return [...indexes]
    .sort((a, b) => a - b)
    .map((n) => {
      const get = (k: string) => env[`KAFKA_CLUSTERS_${n}_${k}`];
      const name = get("NAME") ?? `cluster-${n}`;
      const registryUrl = get("SCHEMAREGISTRY");
      const regUser = get("SCHEMAREGISTRYAUTH_USERNAME");
      const regPass = get("SCHEMAREGISTRYAUTH_PASSWORD");
      const connect = connectFromKafkaUiEnv(env, n);
      return {
        id: slug(name),
        name,
        bootstrapServers: get("BOOTSTRAPSERVERS") ?? "",
        ...(get("READONLY") !== undefined ? { readOnly: /^(true|1|yes)$/i.test(get("READONLY")!) } : {}),
        ...(registryUrl
          ? {
              schemaRegistry: {
                url: registryUrl,
                ...(regUser ? { username: regUser } : {}),
                ...(regPass ? { password: regPass } : {}),
              },
            }
          : {}),
        ...(connect.length ? { connect } : {}),
      };
    });
}

function describeIssues(error: import("zod").ZodError, raw: { clusters?: unknown[] }, source: string): string {
  return error.issues
    .map((issue) => {
      const [first, index, ...rest] = issue.path;
      let where = issue.path.join(".");
      if (first === "clusters" && typeof index === "number") {
        const id = (raw.clusters?.[index] as { id?: unknown } | undefined)?.id;
        where = `clusters[${index}]${typeof id === "string" ? ` (id "${id}")` : ""}${rest.length ? "." + rest.join(".") : ""}`;
      }
      return `${source}: ${where || "(top level)"}: ${issue.message}`;
    })
    .join("\n");
}

/**
 * Reads the cluster configuration: the YAML file named by SLUICE_CONFIG (default ./sluice.yaml) and/or
 * kafka-ui's KAFKA_CLUSTERS_<n>_* variables. With neither, the embedded local default. Throws ConfigError
 * with the file, key and problem when anything is wrong.
 */
export function loadConfig(env: Env = process.env, cwd = process.cwd()): SluiceConfig {
  const explicit = env.SLUICE_CONFIG;
  const file = path.resolve(cwd, explicit ?? "sluice.yaml");
  const label = path.relative(cwd, file) || file;
  let fromFile: { clusters?: unknown[] } | undefined;
  if (fs.existsSync(/*turbopackIgnore: true*/ file)) {
    let parsed: unknown;
    try {
      parsed = parseYaml(fs.readFileSync(/*turbopackIgnore: true*/ file, "utf8"));
    } catch (e) {
      const where = e instanceof YAMLParseError && e.linePos ? ` (line ${e.linePos[0].line})` : "";
      throw new ConfigError(`${label}${where}: not valid YAML: ${(e as Error).message.split("\n")[0]}`);
    }
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
      throw new ConfigError(`${label}: expected a mapping with a "clusters" list at the top level.`);
    }
    fromFile = interpolate(parsed, env, "", label) as { clusters?: unknown[] };
  } else if (explicit) {
    throw new ConfigError(`${label}: SLUICE_CONFIG names this file, but it does not exist.`);
  }

  const fromEnv = clustersFromKafkaUiEnv(env);
  const raw =
    fromFile || fromEnv.length
      ? { ...fromFile, clusters: [...(fromFile?.clusters ?? []), ...fromEnv] }
      : EMBEDDED_DEFAULT;
  const source = fromFile
    ? fromEnv.length
      ? `${label} + KAFKA_CLUSTERS_* env`
      : label
    : fromEnv.length
      ? "KAFKA_CLUSTERS_* env"
      : "embedded default";
  const result = sluiceConfigSchema.safeParse(raw);
  if (!result.success) throw new ConfigError(describeIssues(result.error, raw as { clusters?: unknown[] }, source));

  const seen = new Set<string>();
  for (const c of result.data.clusters) {
    if (seen.has(c.id)) throw new ConfigError(`${source}: cluster id "${c.id}" is used twice; ids must be unique.`);
    seen.add(c.id);
    for (const key of ["caFile", "certFile", "keyFile"] as const) {
      const f = c.tls?.[key];
      if (f && !fs.existsSync(/*turbopackIgnore: true*/ path.resolve(cwd, f))) {
        throw new ConfigError(`${source}: cluster "${c.id}" tls.${key}: file "${f}" does not exist.`);
      }
    }
  }
  return result.data;
}
