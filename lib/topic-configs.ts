/**
 * Topic-level configuration keys Kafka 4.x accepts, with their types and ranges (LogConfig). Used to refuse
 * typos and wrong values with a clear message before anything reaches the broker, which validates again.
 */
type Spec =
  | { type: "long" | "int"; min: number; max?: number; doc: string }
  | { type: "double"; min: number; max: number; doc: string }
  | { type: "boolean"; doc: string }
  | { type: "enum"; values: string[]; doc: string }
  | { type: "list"; values: string[]; doc: string }
  | { type: "replicas"; doc: string };

const INT_MAX = 2_147_483_647;

export const TOPIC_CONFIGS: Record<string, Spec> = {
  "cleanup.policy": {
    type: "list",
    values: ["delete", "compact"],
    doc: "delete old segments, compact by key, or both",
  },
  "compression.type": {
    type: "enum",
    values: ["producer", "uncompressed", "gzip", "snappy", "lz4", "zstd"],
    doc: "final compression of the log",
  },
  "compression.gzip.level": { type: "int", min: -1, max: 9, doc: "gzip level (-1 = default)" },
  "compression.lz4.level": { type: "int", min: 1, max: 17, doc: "lz4 level" },
  "compression.zstd.level": { type: "int", min: -131072, max: 22, doc: "zstd level" },
  "delete.retention.ms": { type: "long", min: 0, doc: "how long delete tombstones are kept (compacted topics)" },
  "file.delete.delay.ms": { type: "long", min: 0, doc: "delay before a deleted file is removed" },
  "flush.messages": { type: "long", min: 1, doc: "fsync after this many messages" },
  "flush.ms": { type: "long", min: 0, doc: "fsync after this many ms" },
  "follower.replication.throttled.replicas": { type: "replicas", doc: "partition:broker list or *" },
  "index.interval.bytes": { type: "int", min: 0, max: INT_MAX, doc: "bytes between offset index entries" },
  "leader.replication.throttled.replicas": { type: "replicas", doc: "partition:broker list or *" },
  "local.retention.bytes": {
    type: "long",
    min: -2,
    doc: "local bytes kept with tiered storage (-2 = retention.bytes)",
  },
  "local.retention.ms": { type: "long", min: -2, doc: "local time kept with tiered storage (-2 = retention.ms)" },
  "max.compaction.lag.ms": { type: "long", min: 1, doc: "longest a message stays uncompacted" },
  "max.message.bytes": { type: "int", min: 0, max: INT_MAX, doc: "largest record batch size" },
  "message.timestamp.after.max.ms": { type: "long", min: 0, doc: "max allowed future timestamp skew" },
  "message.timestamp.before.max.ms": { type: "long", min: 0, doc: "max allowed past timestamp skew" },
  "message.timestamp.type": {
    type: "enum",
    values: ["CreateTime", "LogAppendTime"],
    doc: "which timestamp the log keeps",
  },
  "min.cleanable.dirty.ratio": { type: "double", min: 0, max: 1, doc: "dirty ratio that triggers compaction" },
  "min.compaction.lag.ms": { type: "long", min: 0, doc: "shortest a message stays uncompacted" },
  "min.insync.replicas": { type: "int", min: 1, max: INT_MAX, doc: "replicas that must ack with acks=all" },
  preallocate: { type: "boolean", doc: "preallocate segment files" },
  "remote.log.copy.disable": { type: "boolean", doc: "stop copying to tiered storage" },
  "remote.log.delete.on.disable": { type: "boolean", doc: "delete remote data when tiering is disabled" },
  "remote.storage.enable": { type: "boolean", doc: "tiered storage for this topic" },
  "retention.bytes": { type: "long", min: -1, doc: "max bytes per partition before old segments go (-1 = unlimited)" },
  "retention.ms": { type: "long", min: -1, doc: "how long records are kept (-1 = forever)" },
  "segment.bytes": { type: "int", min: 1_048_576, max: INT_MAX, doc: "segment file size" },
  "segment.index.bytes": { type: "int", min: 4, max: INT_MAX, doc: "offset index size" },
  "segment.jitter.ms": { type: "long", min: 0, doc: "random jitter on segment roll" },
  "segment.ms": { type: "long", min: 1, doc: "time before a segment rolls" },
  "unclean.leader.election.enable": {
    type: "boolean",
    doc: "allow out-of-sync replicas to become leader (may lose data)",
  },
};

export const TOPIC_CONFIG_KEYS = new Set(Object.keys(TOPIC_CONFIGS));

/**
 * The broker setting each topic config falls back to when the topic has no override (Kafka's
 * ServerTopicConfigSynonyms). Where several are listed, the first one set wins, scaled to the topic's unit.
 */
export const BROKER_SYNONYMS: Record<string, { name: string; scale?: number }[]> = {
  "cleanup.policy": [{ name: "log.cleanup.policy" }],
  "compression.type": [{ name: "compression.type" }],
  "compression.gzip.level": [{ name: "compression.gzip.level" }],
  "compression.lz4.level": [{ name: "compression.lz4.level" }],
  "compression.zstd.level": [{ name: "compression.zstd.level" }],
  "delete.retention.ms": [{ name: "log.cleaner.delete.retention.ms" }],
  "file.delete.delay.ms": [{ name: "log.segment.delete.delay.ms" }],
  "flush.messages": [{ name: "log.flush.interval.messages" }],
  "flush.ms": [{ name: "log.flush.interval.ms" }, { name: "log.flush.scheduler.interval.ms" }],
  "index.interval.bytes": [{ name: "log.index.interval.bytes" }],
  "local.retention.bytes": [{ name: "log.local.retention.bytes" }],
  "local.retention.ms": [{ name: "log.local.retention.ms" }],
  "max.compaction.lag.ms": [{ name: "log.cleaner.max.compaction.lag.ms" }],
  "max.message.bytes": [{ name: "message.max.bytes" }],
  "message.timestamp.after.max.ms": [{ name: "log.message.timestamp.after.max.ms" }],
  "message.timestamp.before.max.ms": [{ name: "log.message.timestamp.before.max.ms" }],
  "message.timestamp.type": [{ name: "log.message.timestamp.type" }],
  "min.cleanable.dirty.ratio": [{ name: "log.cleaner.min.cleanable.ratio" }],
  "min.compaction.lag.ms": [{ name: "log.cleaner.min.compaction.lag.ms" }],
  "min.insync.replicas": [{ name: "min.insync.replicas" }],
  preallocate: [{ name: "log.preallocate" }],
  "retention.bytes": [{ name: "log.retention.bytes" }],
  "retention.ms": [
    { name: "log.retention.ms" },
    { name: "log.retention.minutes", scale: 60_000 },
    { name: "log.retention.hours", scale: 3_600_000 },
  ],
  "segment.bytes": [{ name: "log.segment.bytes" }],
  "segment.index.bytes": [{ name: "log.index.size.max.bytes" }],
  "segment.jitter.ms": [{ name: "log.roll.jitter.ms" }, { name: "log.roll.jitter.hours", scale: 3_600_000 }],
  "segment.ms": [{ name: "log.roll.ms" }, { name: "log.roll.hours", scale: 3_600_000 }],
  "unclean.leader.election.enable": [{ name: "unclean.leader.election.enable" }],
};

const LONG_MAX = 9_223_372_036_854_775_807n;

/** Returns why a value is not acceptable for the key, or null if it is. */
export function validateTopicConfigValue(key: string, value: string): string | null {
  const spec = TOPIC_CONFIGS[key];
  if (!spec) return `unknown topic config "${key}"`;
  const v = value.trim();
  switch (spec.type) {
    case "long":
    case "int": {
      if (!/^-?\d+$/.test(v)) return `${key} must be a whole number, got "${value}"`;
      const n = BigInt(v);
      const max =
        spec.type === "int" ? BigInt(spec.max ?? INT_MAX) : spec.max !== undefined ? BigInt(spec.max) : LONG_MAX;
      if (n < BigInt(spec.min)) return `${key} must be at least ${spec.min}, got ${v}`;
      if (n > max) return `${key} must be at most ${max}, got ${v}`;
      return null;
    }
    case "double": {
      const n = Number(v);
      if (v === "" || !Number.isFinite(n)) return `${key} must be a number, got "${value}"`;
      if (n < spec.min || n > spec.max) return `${key} must be between ${spec.min} and ${spec.max}, got ${v}`;
      return null;
    }
    case "boolean":
      return v === "true" || v === "false" ? null : `${key} must be true or false, got "${value}"`;
    case "enum":
      return spec.values.includes(v) ? null : `${key} must be one of ${spec.values.join(", ")}, got "${value}"`;
    case "list": {
      const parts = v.split(",").map((s) => s.trim());
      const bad = parts.filter((p) => !spec.values.includes(p));
      return parts.length && !bad.length
        ? null
        : `${key} must be a comma-separated list of ${spec.values.join(", ")}, got "${value}"`;
    }
    case "replicas":
      return v === "*" || v === "" || /^\d+:\d+(,\d+:\d+)*$/.test(v)
        ? null
        : `${key} must be * or a list like 0:1,1:2 (partition:broker), got "${value}"`;
  }
}
